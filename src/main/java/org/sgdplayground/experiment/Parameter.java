package org.sgdplayground.experiment;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.sgdplayground.data.Generators;
import org.sgdplayground.i18n.Messages;
import org.sgdplayground.model.Models;
import org.sgdplayground.optim.Hyperparameters;

/**
 * The one table of URL parameters (SPEC §1). A row says a parameter's name in links, what it accepts, its
 * default, where an {@link Experiment} keeps its value, a line of help, and the label and place of its control
 * on the page. The codec and its errors, the links a run writes, the page's controls, the browser's state and
 * an experiment's equality all follow from it: a new parameter is a new row here (listed in {@link #values()}),
 * the Experiment field it reads, and that field's argument where {@link ExperimentCodec#decode} builds one.
 *
 * <p>A row is typed by its value, {@code Parameter<Double>} for {@code lr}, so the codec reads parsed values
 * without casts; that is why this is a class and not an enum, whose constants cannot carry a type argument.
 *
 * @param <T> the Java type of the parameter's value
 */
public final class Parameter<T> {
    public static final Parameter<String> PRESET = new Parameter<>("preset", "Preset", Group.TOP.at(0),
        new Domain.Choice(Presets.names()), Presets.defaultPreset().name(), Experiment::preset,
        "a named experiment; the other parameters override it");
    public static final Parameter<String> MODEL = new Parameter<>("model", "Model", Group.MODEL_AND_OPTIMIZER.at(10),
        new Domain.Choice(Models.names()), "linear", e -> e.model().name(),
        "the curve to fit");
    public static final Parameter<String> DATA = new Parameter<>("data", "Data", Group.DATA.at(10),
        new Domain.Choice(Generators.names()), "line", Experiment::data,
        "which points to generate");
    /** Stored points by id (SPEC §6); with them, {@code data}, {@code n} and {@code noise} are ignored. */
    public static final Parameter<String> POINTS = new Parameter<>("points", "Your points", Group.NONE.at(0),
        new Domain.Token(Pattern.compile("[A-Za-z0-9_-]{16}"), "the 16-character id of points stored on this server "
            + "(POST /api/points answers one), or nothing for generated points"), "", Experiment::points,
        "points stored with POST /api/points, by id; data, n and noise are then ignored");
    public static final Parameter<Long> N = new Parameter<>("n", "Points", Group.DATA.at(20),
        new Domain.Whole(2, Limits.MAX_POINTS), "100", e -> (long) e.n(),
        "how many points");
    public static final Parameter<Double> NOISE = new Parameter<>("noise", "Noise", Group.DATA.at(30),
        new Domain.Real(0, true, Limits.MAX_MAGNITUDE, true), "1", Experiment::noise,
        "the scale of the noise added to the points");
    public static final Parameter<Long> SEED = new Parameter<>("seed", "Seed", Group.DATA.at(40),
        new Domain.Whole(0, Integer.MAX_VALUE), "42", Experiment::seed,
        "seeds the points, the random start and the minibatch order");
    public static final Parameter<double[]> INIT = new Parameter<>("init", "Start", Group.MODEL_AND_OPTIMIZER.at(60),
        new Domain.RealList(1, 3, Limits.MAX_MAGNITUDE), "", Experiment::init,
        "the starting parameters, p0,p1,…; random (or empty) draws them from N(0,1) with the seed");
    public static final Parameter<Double> LR = new Parameter<>("lr", "Learning rate", Group.MODEL_AND_OPTIMIZER.at(20),
        new Domain.Real(0, false, Limits.MAX_LEARNING_RATE, true), "0.1", Experiment::learningRate,
        "the learning rate: how far each step moves");
    public static final Parameter<Long> STEPS = new Parameter<>("steps", "Steps", Group.MODEL_AND_OPTIMIZER.at(30),
        new Domain.Whole(0, Limits.MAX_STEPS), "100", e -> (long) e.steps(),
        "how many updates");
    public static final Parameter<Long> BATCH = new Parameter<>("batch", "Batch size", Group.MODEL_AND_OPTIMIZER.at(40),
        new Domain.Whole(0, Limits.MAX_POINTS), "0", e -> (long) e.batch(),
        "points per minibatch; 0 uses them all (full batch)");
    public static final Parameter<Double> MOMENTUM = new Parameter<>("momentum", "Momentum", Group.MODEL_AND_OPTIMIZER.at(50),
        new Domain.Real(0, true, 1, false), "0", Experiment::momentum,
        "how much of the last step each step keeps (PyTorch convention)");
    /** The optimizer and its PyTorch settings (SPEC §8); each row below applies to the optimizers that take it. */
    public static final Parameter<String> OPTIMIZER = new Parameter<>("optimizer", "Optimizer", Group.MODEL_AND_OPTIMIZER.at(15),
        new Domain.Choice(Hyperparameters.NAMES), Hyperparameters.SGD, e -> e.optimizer().optimizer(),
        "which torch.optim rule moves the parameters");
    public static final Parameter<Double> DAMPENING = new Parameter<>("dampening", "Dampening", Group.MODEL_AND_OPTIMIZER.at(51),
        new Domain.Real(0, true, 1, true), "0", e -> e.optimizer().dampening(),
        "SGD: the velocity takes (1 − dampening)·g after its first step");
    public static final Parameter<Boolean> NESTEROV = new Parameter<>("nesterov", "Nesterov", Group.MODEL_AND_OPTIMIZER.at(52),
        new Domain.Flag(), "0", e -> e.optimizer().nesterov(),
        "SGD: 1 steps by g + μ·v, looking ahead along the velocity (needs momentum > 0 and dampening 0)");
    public static final Parameter<Double> BETA1 = new Parameter<>("beta1", "β1", Group.MODEL_AND_OPTIMIZER.at(53),
        new Domain.Real(0, true, 1, false), "0.9", e -> e.optimizer().beta1(),
        "Adam: how slowly the running mean of the gradient forgets");
    public static final Parameter<Double> BETA2 = new Parameter<>("beta2", "β2", Group.MODEL_AND_OPTIMIZER.at(54),
        new Domain.Real(0, true, 1, false), "0.999", e -> e.optimizer().beta2(),
        "Adam: how slowly the running mean of the squared gradient forgets");
    public static final Parameter<Boolean> AMSGRAD = new Parameter<>("amsgrad", "AMSGrad", Group.MODEL_AND_OPTIMIZER.at(55),
        new Domain.Flag(), "0", e -> e.optimizer().amsgrad(),
        "Adam: 1 divides by the largest squared-gradient mean so far, so a step never grows back");
    public static final Parameter<Double> ALPHA = new Parameter<>("alpha", "α", Group.MODEL_AND_OPTIMIZER.at(56),
        new Domain.Real(0, true, 1, true), "0.99", e -> e.optimizer().alpha(),
        "RMSprop: how slowly the running mean of the squared gradient forgets");
    public static final Parameter<Boolean> CENTERED = new Parameter<>("centered", "Centered", Group.MODEL_AND_OPTIMIZER.at(57),
        new Domain.Flag(), "0", e -> e.optimizer().centered(),
        "RMSprop: 1 divides by the gradient's spread rather than its size");
    public static final Parameter<Double> EPS = new Parameter<>("eps", "ε", Group.MODEL_AND_OPTIMIZER.at(58),
        new Domain.Real(0, true, 1, true), "1e-8", e -> e.optimizer().eps(),
        "Adam, RMSprop, Adagrad: added to the divisor; Adagrad's own default 1e-10 applies when the link sets none");
    public static final Parameter<Double> WEIGHT_DECAY = new Parameter<>("weight_decay", "Weight decay", Group.MODEL_AND_OPTIMIZER.at(59),
        new Domain.Real(0, true, Limits.MAX_WEIGHT_DECAY, true), "0", e -> e.optimizer().weightDecay(),
        "an L2 penalty: weight_decay·p is added to the gradient before the step");
    /** Several optimizers side by side (SPEC §8), read by {@link Race}. */
    public static final Parameter<String> RACE = new Parameter<>("race", "Race", Group.MODEL_AND_OPTIMIZER.at(80),
        new Domain.Token(Pattern.compile("[^&#]{0," + Limits.MAX_RACE_TEXT + "}"), Race.ALLOWED), OptimizerSettings.NO_RACE, e -> e.optimizer().race(),
        "optimizers side by side from the same start on the same batches, e.g. sgd,sgd(momentum=0.9),adam(lr=0.05); none for a single run");
    public static final Parameter<Boolean> STANDARDIZE = new Parameter<>("standardize", "Standardize x", Group.MODEL_AND_OPTIMIZER.at(70),
        new Domain.Flag(), "0", Experiment::standardize,
        "1 trains on x' = (x − mean)/sd: the same curves, a far rounder loss (frames and optimum are then in scaled units)");
    public static final Parameter<Double> SPEED = new Parameter<>("speed", "Speed", Group.ANIMATION.at(10),
        new Domain.Real(Limits.MIN_SPEED, true, Limits.MAX_SPEED, true), "50", Experiment::speed,
        "animation rate, updates a second");
    public static final Parameter<Boolean> AUTOPLAY = new Parameter<>("autoplay", "Autoplay", Group.NONE.at(0),
        new Domain.Flag(), "0", Experiment::autoplay,
        "1 starts training when the page opens");
    /** Panels the page opens on load (SPEC §9): {@code graph} opens the Graph panel, which phones and embeds keep shut; no experiment holds it. */
    public static final Parameter<String> SHOW = new Parameter<>("show", "Show", Group.NONE.at(0),
        new Domain.Token(Pattern.compile("(graph)?"), "graph, or nothing"), "", null,
        "panels the page opens when it loads: graph opens the computation graph and its maths");
    /**
     * The language the page, its error pages and its exports speak for people (a catalogue under {@code i18n/});
     * absent, the preset's, else the browser's {@code Accept-Language}, else English. No experiment holds it: the
     * run is the same in every language. The API answers in English whatever it says.
     */
    public static final Parameter<String> LANG = new Parameter<>("lang", "Language", Group.NONE.at(0),
        new Domain.Choice(Messages.languages()), Messages.FALLBACK, null,
        "the language of the page and its exports; absent, the browser's (Accept-Language), else en");
    /** Thins an API answer; no experiment holds it. */
    public static final Parameter<Long> EVERY = new Parameter<>("every", "Every k-th frame", Group.NONE.at(0),
        new Domain.Whole(1, Limits.MAX_STEPS), "1", null,
        "/api/train only: keep every k-th frame (and always the last)");

    /** The rows in link order: a link writes its settings in this order, and the browser's state reads it. */
    private static final List<Parameter<?>> VALUES = List.of(PRESET, MODEL, DATA, POINTS, N, NOISE, SEED, INIT, LR, STEPS, BATCH,
        MOMENTUM, OPTIMIZER, DAMPENING, NESTEROV, BETA1, BETA2, AMSGRAD, ALPHA, CENTERED, EPS, WEIGHT_DECAY, RACE, STANDARDIZE, SPEED,
        AUTOPLAY, SHOW, LANG, EVERY);

    /** Where a parameter's control sits on the full page. */
    public enum Group {
        /** Above the fieldsets, with the lesson it loads: the preset picker. */
        TOP(null),
        MODEL_AND_OPTIMIZER("Model and optimizer"),
        DATA("Data"),
        ANIMATION("Animation"),
        /** No control: set by the link alone ({@code autoplay}, {@code points}) or only by the API ({@code every}). */
        NONE(null);

        private final String legend;

        Group(String legend) {
            this.legend = legend;
        }

        /** The fieldset's legend, or null when the group is not a fieldset. */
        public String legend() {
            return legend;
        }

        public boolean isFieldset() {
            return legend != null;
        }

        /** A place in this group: fields sit in increasing {@code order}, spaced so a new row fits between two. */
        Place at(int order) {
            return new Place(this, order);
        }
    }

    /** A control's group and its order within the group (the page's order need not be the link's). */
    public record Place(Group group, int order) {}

    private final String key;
    private final String label;
    private final Place place;
    private final Domain<T> domain;
    private final String defaultText;
    private final Function<Experiment, T> read;
    private final String help;

    private Parameter(String key, String label, Place place, Domain<T> domain, String defaultText, Function<Experiment, T> read,
                      String help) {
        this.key = key;
        this.label = label;
        this.place = place;
        this.domain = domain;
        this.defaultText = defaultText;
        this.read = read;
        this.help = help;
    }

    /** Every row, in link order, as an enum's {@code values()} would give them. */
    public static List<Parameter<?>> values() {
        return VALUES;
    }

    public static Optional<Parameter<?>> byKey(String key) {
        return VALUES.stream().filter(p -> p.key.equals(key)).findFirst();
    }

    /** The name in URLs, JSON bodies and form fields. */
    public String key() {
        return key;
    }

    /** A person's name for the parameter, shown on its control beside the key. */
    public String label() {
        return label;
    }

    /** Where its control sits on the full page. */
    public Place place() {
        return place;
    }

    public Group group() {
        return place.group();
    }

    public Domain<T> domain() {
        return domain;
    }

    /** The value when neither the link nor the preset sets one; empty means "none" (only {@code init}). */
    public String defaultText() {
        return defaultText;
    }

    public String help() {
        return help;
    }

    /** Reads {@code text} for this parameter, or throws an error that names it. */
    public T parse(String text) {
        return domain.parse(key, text);
    }

    /** Whether an {@link Experiment} holds this parameter's value (all but {@code show}, {@code lang} and {@code every}). */
    public boolean inExperiment() {
        return read != null;
    }

    /** {@code e}'s value of this parameter. */
    public T valueIn(Experiment e) {
        if (read == null) throw new IllegalStateException(key + " is not a setting of an experiment");
        return read.apply(e);
    }

    /** {@code e}'s value of this parameter as URL text, which {@link #parse} reads back as the same value. */
    public String textIn(Experiment e) {
        return domain.format(valueIn(e));
    }

    @Override
    public String toString() {
        return key;
    }
}
