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
import org.sgdplayground.i18n.Messages;
import org.sgdplayground.optim.Hyperparameters;

/**
 * What a shared link unfurls to (Open Graph and Twitter cards): a title, one line with the model, the learning rate
 * and the final loss, the page's address, and {@code /export/plot.png} of the same experiment as its picture.
 *
 * @param url    the page's absolute address, with the experiment's shortest query
 * @param image     the absolute address of its plot
 * @param imageAlt  the picture's words for a reader who cannot see it
 * @param siteName  the site's name, {@code og:site_name}
 */
public record LinkPreview(String title, String description, String url, String image, String imageAlt, String siteName) {
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

    /** The preview of {@code e} shown at {@code path} ({@code /} or {@code /embed}) on the server at {@code origin}, in English. */
    public static LinkPreview of(Experiment e, String origin, String path) {
        return of(e, origin, path, Messages.english());
    }

    /** The preview in {@code m}'s language; its links carry {@code lang=} when the link would not open in it anyway. */
    public static LinkPreview of(Experiment e, String origin, String path, Messages m) {
        String query = ExperimentCodec.encode(e, m.lang());
        String title = m.text("site.titled", "title", PresetWords.of(Presets.byName(e.preset()).orElse(Presets.defaultPreset()), m).title());
        return new LinkPreview(title, description(e, m), origin + path + (query.isEmpty() ? "" : "?" + query),
            origin + "/export/plot.png" + (query.isEmpty() ? "" : "?" + query), m.text("preview.image.alt", "description", description(e, m)),
            m.text("site.name"));
    }

    static String description(Experiment e) {
        return description(e, Messages.english());
    }

    /**
     * {@code "quadratic p0·x² + p1·x + p2 at lr 1e-5: loss 3.2e4 after 10 steps."}: the run is trained to its end for
     * the loss when that costs at most {@link #MAX_PREVIEW_WORK} point-updates.
     */
    static String description(Experiment e, Messages m) {
        if (e.optimizer().isRace()) return raceDescription(e, m);
        String fit = m.text("preview.fit", "model", m.text("model." + e.model().name()), "formula", e.model().formula(),
            "optimizer", TORCH_NAMES.get(e.optimizer().optimizer()), "lr", ShownNumbers.format(e.learningRate()));
        if ((long) e.steps() * e.pointsPerStep() > MAX_PREVIEW_WORK) return m.text("preview.long", "fit", fit, "steps", e.steps());
        TrainingRun run = new TrainingRun(e);
        run.all();
        Outcome end = run.outcome();
        if (end.kind() == Outcome.Kind.DIVERGED) return m.text("preview.diverged", "fit", fit, "iter", end.iter());
        return m.text("preview.loss", "fit", fit, "loss", ShownNumbers.format(end.lastFrame().loss()), "steps", e.steps());
    }

    /** The optimizers as PyTorch names them, by their URL name. */
    private static final Map<String, String> TORCH_NAMES = Map.of(Hyperparameters.SGD, "SGD", Hyperparameters.ADAM, "Adam",
        Hyperparameters.RMSPROP, "RMSprop", Hyperparameters.ADAGRAD, "Adagrad");

    /**
     * {@code "linear p0·x + p1, a race of 2 lanes after 100 steps: sgd loss 0.5, adam(lr=0.05) loss 0.01."}: every lane
     * by its label, each with its final loss (or where it diverged) when all the lanes together cost at most
     * {@link #MAX_PREVIEW_WORK} point-updates.
     */
    private static String raceDescription(Experiment e, Messages m) {
        List<Race.Entry> lanes = Race.entries(e);
        String race = m.text("preview.race", "model", m.text("model." + e.model().name()), "formula", e.model().formula(),
            "lanes", lanes.size());
        if ((long) e.steps() * e.pointsPerStep() * lanes.size() > MAX_PREVIEW_WORK) {
            return m.text("preview.race.long", "race", race, "steps", e.steps(),
                "labels", String.join(", ", lanes.stream().map(Race.Entry::label).toList()));
        }
        StringJoiner each = new StringJoiner(", ");
        for (Race.Entry lane : lanes) {
            TrainingRun run = new TrainingRun(lane.experiment());
            run.all();
            Outcome end = run.outcome();
            each.add(end.kind() == Outcome.Kind.DIVERGED ? m.text("preview.race.lane.diverged", "label", lane.label(), "iter", end.iter())
                : m.text("preview.race.lane.loss", "label", lane.label(), "loss", ShownNumbers.format(end.lastFrame().loss())));
        }
        return m.text("preview.race.after", "race", race, "steps", e.steps(), "lanes", each.toString());
    }

    /** The Open Graph and Twitter card tags, in order. */
    public List<Tag> tags() {
        return List.of(
            new Tag("property", "og:type", "website"),
            new Tag("property", "og:site_name", siteName),
            new Tag("property", "og:title", title),
            new Tag("property", "og:description", description),
            new Tag("property", "og:url", url),
            new Tag("property", "og:image", image),
            new Tag("property", "og:image:type", "image/png"),
            new Tag("property", "og:image:width", Integer.toString(IMAGE_WIDTH)),
            new Tag("property", "og:image:height", Integer.toString(IMAGE_HEIGHT)),
            new Tag("property", "og:image:alt", imageAlt),
            new Tag("name", "twitter:card", "summary_large_image"),
            new Tag("name", "twitter:title", title),
            new Tag("name", "twitter:description", description),
            new Tag("name", "twitter:image", image));
    }
}
