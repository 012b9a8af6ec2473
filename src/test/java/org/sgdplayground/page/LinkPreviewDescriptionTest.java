package org.sgdplayground.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.sgdplayground.experiment.Experiment;
import org.sgdplayground.experiment.ExperimentCodec;
import org.sgdplayground.experiment.Outcome;
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
    void a_race_s_description_names_every_lane_with_its_final_loss_or_where_it_diverged() {
        String q = "preset=fastai-sgd&steps=50&race=sgd,adam(lr=0.05),sgd(lr=1000)";
        StringBuilder expected = new StringBuilder("linear p0·x + p1, a race of 3 lanes after 50 steps: ");
        String[][] lanes = {{"sgd", ""}, {"adam(lr=0.05)", "&optimizer=adam&lr=0.05"}, {"sgd(lr=1000)", "&lr=1000"}};
        for (int k = 0; k < lanes.length; k++) {
            TrainingRun alone = new TrainingRun(experiment("preset=fastai-sgd&steps=50" + lanes[k][1]));
            alone.all();
            expected.append(k == 0 ? "" : ", ").append(lanes[k][0]).append(alone.outcome().kind() == Outcome.Kind.DIVERGED
                ? " diverged at iteration " + alone.outcome().iter() : " loss " + ShownNumbers.format(alone.outcome().lastFrame().loss()));
        }
        assertEquals(expected + ".", LinkPreview.description(experiment(q)));
        assertTrue(expected.toString().contains("sgd(lr=1000) diverged at iteration "), "lr 1000 diverges: " + expected);
    }

    @Test
    void a_race_past_the_preview_work_names_its_lanes_and_steps() {
        int n = 100_000;
        int steps = (int) (LinkPreview.MAX_PREVIEW_WORK / n / 2) + 1;
        assertEquals("linear p0·x + p1, a race of 2 lanes, " + steps + " steps: sgd, adam.",
            LinkPreview.description(experiment("preset=fastai-sgd&n=" + n + "&steps=" + steps + "&race=sgd,adam")));
    }

    @Test
    void a_single_run_names_its_optimizer_as_pytorch_does() {
        TrainingRun run = new TrainingRun(experiment("preset=fastai-sgd&optimizer=rmsprop&lr=0.01"));
        run.all();
        assertEquals("linear p0·x + p1 fitted by RMSprop at lr 0.01: loss " + ShownNumbers.format(run.outcome().lastFrame().loss())
            + " after " + run.experiment().steps() + " steps.", LinkPreview.description(experiment("preset=fastai-sgd&optimizer=rmsprop&lr=0.01")));
    }

    @Test
    void the_preview_points_at_the_same_experiment_on_the_same_server() {
        Experiment e = experiment("preset=roller-coaster&lr=2e-5");
        LinkPreview p = LinkPreview.of(e, "https://sgd.example", "/embed");
        assertEquals("https://sgd.example/embed?" + ExperimentCodec.encode(e), p.url());
        assertEquals("https://sgd.example/export/plot.png?" + ExperimentCodec.encode(e), p.image());
    }
}
