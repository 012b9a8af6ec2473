package org.sgdplayground.page;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.sgdplayground.experiment.Experiment;
import org.sgdplayground.experiment.ExperimentCodec;
import org.sgdplayground.experiment.QueryStrings;
import org.sgdplayground.experiment.TrainingRun;

/** The preview's line trains the run for its final loss up to {@link LinkPreview#MAX_PREVIEW_WORK} point-updates, and no further. */
class LinkPreviewDescriptionTest {
    private static Experiment experiment(String query) {
        return ExperimentCodec.decode(QueryStrings.parse(query));
    }

    @Test
    void a_run_of_exactly_the_preview_work_is_trained_for_its_final_loss() {
        int n = 100_000;
        int steps = (int) (LinkPreview.MAX_PREVIEW_WORK / n);
        Experiment e = experiment("preset=fastai-sgd&n=" + n + "&steps=" + steps);
        TrainingRun run = new TrainingRun(e);
        run.all();
        assertEquals("linear p0·x + p1 fitted by SGD at lr 0.1: loss " + ShownNumbers.format(run.outcome().lastFrame().loss())
            + " after " + steps + " steps.", LinkPreview.description(e));
    }

    @Test
    void a_run_one_step_past_the_preview_work_says_its_steps_instead() {
        int n = 100_000;
        int steps = (int) (LinkPreview.MAX_PREVIEW_WORK / n) + 1;
        assertEquals("linear p0·x + p1 fitted by SGD at lr 0.1, " + steps + " steps.",
            LinkPreview.description(experiment("preset=fastai-sgd&n=" + n + "&steps=" + steps)));
    }

    @Test
    void the_preview_points_at_the_same_experiment_on_the_same_server() {
        Experiment e = experiment("preset=roller-coaster&lr=2e-5");
        LinkPreview p = LinkPreview.of(e, "https://sgd.example", "/embed");
        assertEquals("https://sgd.example/embed?" + ExperimentCodec.encode(e), p.url());
        assertEquals("https://sgd.example/export/plot.png?" + ExperimentCodec.encode(e), p.image());
    }
}
