package org.sgdplayground.page;

import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.sgdplayground.experiment.Experiment;
import org.sgdplayground.experiment.ExperimentCodec;
import org.sgdplayground.experiment.Outcome;
import org.sgdplayground.experiment.Presets;
import org.sgdplayground.experiment.Race;
import org.sgdplayground.experiment.TrainingRun;
import org.sgdplayground.optim.Hyperparameters;

/**
 * What a shared link unfurls to (Open Graph and Twitter cards): a title, one line with the model, the learning rate
 * and the final loss, the page's address, and {@code /export/plot.png} of the same experiment as its picture.
 *
 * @param url    the page's absolute address, with the experiment's shortest query
 * @param image  the absolute address of its plot
 */
public record LinkPreview(String title, String description, String url, String image) {
    /** The picture's size: what Open Graph and Twitter's large cards ask for (1.91:1); {@code /export/plot.png} draws it. */
    public static final int IMAGE_WIDTH = 1200, IMAGE_HEIGHT = 630;

    /**
     * Most point-updates ({@code steps × points a step}) a page trains to put the final loss in its preview: every
     * preset and the default run with room to spare, a few milliseconds, so a page stays cheap to render. A heavier
     * run's preview says how many steps it takes instead.
     */
    public static final long MAX_PREVIEW_WORK = 1_000_000L;

    /** One {@code <meta>} tag: {@code property} (Open Graph) or {@code name} (Twitter) as {@code attribute}. */
    public record Tag(String attribute, String key, String content) {}

    /** The preview of {@code e} shown at {@code path} ({@code /} or {@code /embed}) on the server at {@code origin}. */
    public static LinkPreview of(Experiment e, String origin, String path) {
        String query = ExperimentCodec.encode(e);
        String title = "SGD Playground: " + Presets.byName(e.preset()).orElse(Presets.defaultPreset()).title();
        return new LinkPreview(title, description(e), origin + path + (query.isEmpty() ? "" : "?" + query),
            origin + "/export/plot.png" + (query.isEmpty() ? "" : "?" + query));
    }

    /**
     * {@code "quadratic p0·x² + p1·x + p2 at lr 1e-5: loss 3.2e4 after 10 steps."}: the run is trained to its end for
     * the loss when that costs at most {@link #MAX_PREVIEW_WORK} point-updates.
     */
    static String description(Experiment e) {
        if (e.optimizer().isRace()) return raceDescription(e);
        String fit = e.model().name() + " " + e.model().formula() + " fitted by " + TORCH_NAMES.get(e.optimizer().optimizer())
            + " at lr " + ShownNumbers.format(e.learningRate());
        if ((long) e.steps() * e.pointsPerStep() > MAX_PREVIEW_WORK) return fit + ", " + e.steps() + " steps.";
        TrainingRun run = new TrainingRun(e);
        run.all();
        Outcome end = run.outcome();
        if (end.kind() == Outcome.Kind.DIVERGED) return fit + ": the loss stops being finite at iteration " + end.iter() + ".";
        return fit + ": loss " + ShownNumbers.format(end.lastFrame().loss()) + " after " + e.steps() + " steps.";
    }

    /** The optimizers as PyTorch names them, by their URL name. */
    private static final Map<String, String> TORCH_NAMES = Map.of(Hyperparameters.SGD, "SGD", Hyperparameters.ADAM, "Adam",
        Hyperparameters.RMSPROP, "RMSprop", Hyperparameters.ADAGRAD, "Adagrad");

    /**
     * {@code "linear p0·x + p1, a race of 2 lanes after 100 steps: sgd loss 0.5, adam(lr=0.05) loss 0.01."}: every lane
     * by its label, each with its final loss (or where it diverged) when all the lanes together cost at most
     * {@link #MAX_PREVIEW_WORK} point-updates.
     */
    private static String raceDescription(Experiment e) {
        List<Race.Entry> lanes = Race.entries(e);
        String race = e.model().name() + " " + e.model().formula() + ", a race of " + lanes.size() + " lanes";
        if ((long) e.steps() * e.pointsPerStep() * lanes.size() > MAX_PREVIEW_WORK) {
            return race + ", " + e.steps() + " steps: " + String.join(", ", lanes.stream().map(Race.Entry::label).toList()) + ".";
        }
        StringJoiner each = new StringJoiner(", ", race + " after " + e.steps() + " steps: ", ".");
        for (Race.Entry lane : lanes) {
            TrainingRun run = new TrainingRun(lane.experiment());
            run.all();
            Outcome end = run.outcome();
            each.add(lane.label() + (end.kind() == Outcome.Kind.DIVERGED ? " diverged at iteration " + end.iter()
                : " loss " + ShownNumbers.format(end.lastFrame().loss())));
        }
        return each.toString();
    }

    /** The Open Graph and Twitter card tags, in order. */
    public List<Tag> tags() {
        return List.of(
            new Tag("property", "og:type", "website"),
            new Tag("property", "og:site_name", "SGD Playground"),
            new Tag("property", "og:title", title),
            new Tag("property", "og:description", description),
            new Tag("property", "og:url", url),
            new Tag("property", "og:image", image),
            new Tag("property", "og:image:type", "image/png"),
            new Tag("property", "og:image:width", Integer.toString(IMAGE_WIDTH)),
            new Tag("property", "og:image:height", Integer.toString(IMAGE_HEIGHT)),
            new Tag("property", "og:image:alt", "The points and the curve SGD fitted to them. " + description),
            new Tag("name", "twitter:card", "summary_large_image"),
            new Tag("name", "twitter:title", title),
            new Tag("name", "twitter:description", description),
            new Tag("name", "twitter:image", image));
    }
}
