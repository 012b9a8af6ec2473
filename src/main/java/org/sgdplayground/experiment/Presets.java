package org.sgdplayground.experiment;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Optional;
import org.sgdplayground.analysis.LossSurface;
import org.sgdplayground.analysis.Standardisation;
import org.sgdplayground.data.Dataset;
import org.sgdplayground.data.Generators;
import org.sgdplayground.model.Models;

/** The presets, in the order the picker lists them. The first is the default. */
public final class Presets {
    private Presets() {}

    private static final String LESSON_2 = "model=linear&data=line&n=100&noise=1&seed=42&batch=0";
    private static final String COASTER = "model=quadratic&data=coaster&n=20&noise=3&seed=42&batch=0&momentum=0";

    /** The standardised roller coaster's lr: this share of its (scaled) stability limit, 1/λmax, the steep direction's best. */
    static final double STANDARDISED_SHARE_OF_LIMIT = 0.5;

    /** Where a step lands past the valley's floor yet nearer it: this share of the stability limit 2/λmax. */
    static final double BOUNCY_SHARE_OF_LIMIT = 0.85;

    private static final List<Preset> ALL = List.of(
        new Preset("fastai-sgd", "fastai lesson 2: SGD fits a line",
            "Gradient descent walks a line from a poor guess to the data, one small step down the loss at a time.",
            "fastai lesson-2 notebook (sgd)", LESSON_2 + "&init=0.5,0.75&lr=0.1&steps=100&momentum=0&speed=50"),
        new Preset("fastai-sgd-es", "fastai lección 2: SGD ajusta una recta",
            "The same line, started from a = (−1, 1) as in the Spanish notebook.",
            "the Spanish lesson-2 notebook", LESSON_2 + "&init=-1,1&lr=0.1&steps=100&momentum=0&speed=50&lang=es"),
        new Preset("roller-coaster", "fastbook ch. 4: the roller coaster",
            "A quadratic fitted to a roller coaster's speed: the loss falls fast, then stalls, because t² dwarfs t and 1.",
            "fastbook chapter 4, An End-to-End SGD Example",
            "model=quadratic&data=coaster&n=20&noise=3&seed=42&lr=1e-5&steps=10&batch=0&momentum=0&speed=2"),
        new Preset("minibatch-noise", "Minibatches: a noisy walk",
            "Each step sees 10 random points, not all 100, so the loss jitters while the line still finds the data.",
            "fastai lesson 2, the closing remark on batches", "model=linear&data=line&n=100&noise=1&seed=42&init=0.5,0.75&lr=0.1&batch=10&steps=200&momentum=0&speed=50"),
        new Preset("momentum", "Momentum: rolling downhill",
            "With momentum 0.9 each step keeps most of the last one, overshooting and settling faster than plain SGD.",
            "PyTorch's SGD(momentum=0.9)", LESSON_2 + "&init=-1,1&lr=0.02&steps=100&momentum=0.9&speed=50"),
        new Preset("diverging-lr", "Too big a learning rate: divergence",
            "Every step overshoots the valley by more than it was off, so the line flies away until the numbers overflow.",
            "fastbook chapter 4, the diverging learning-rate diagram", LESSON_2 + "&init=0.5,0.75&lr=30&steps=150&momentum=0&speed=50"),
        new Preset("too-small-lr", "Too small a learning rate: a crawl",
            "At lr = 0.01 each step moves a hundredth of the gradient: after 100 steps the line is still far from the data.",
            "fastai lesson 2 with a timid learning rate", LESSON_2 + "&init=0.5,0.75&lr=0.01&steps=100&momentum=0&speed=50"),
        new Preset("bouncy-lr", "A bold learning rate: zig-zag down the valley",
            "Above 1/λmax but below 2/λmax, each step jumps across the valley's floor and lands nearer it: p zig-zags, yet converges.",
            "the stability limit 2/λmax of lesson 2's points",
            LESSON_2 + "&init=0.5,0.75&lr=" + bouncyLearningRate() + "&steps=30&momentum=0&speed=5"),
        new Preset("ill-conditioned", "Ill-conditioned: the roller coaster's long valley",
            "A thousand steps at lr = 1e-5: the steep t² direction is done at once, the flat ones crawl, because κ = λmax/λmin is huge.",
            "fastbook chapter 4, run for longer", COASTER + "&lr=1e-5&steps=1000&speed=200"),
        new Preset("standardised", "Standardised: the roller coaster, rescaled",
            "t² reaches 361 while 1 stays 1, so one lr is too big for a and too small for c; rescaling t makes every direction alike.",
            "fastbook chapter 4, trained on t' = (t − mean)/sd",
            COASTER + "&standardize=1&lr=" + standardisedLearningRate() + "&steps=100&speed=20"),
        new Preset("race-momentum", "Race: momentum down the long valley",
            "On the roller coaster's long, flat valley plain SGD at its best lr crawls; momentum 0.995 gathers speed along the floor and gets there.",
            "Goh, Why Momentum Really Works (Distill, 2017)",
            COASTER + "&lr=3.4e-5&steps=2000&speed=200&race=sgd,sgd(momentum=0.995;lr=6e-5)"),
        new Preset("race-adam", "Race: Adam's step for each parameter",
            "∂L/∂a is thousands of times ∂L/∂c, so no one lr suits both; Adam divides each parameter's step by its own gradient's size and fits the parabola.",
            "Kingma and Ba, Adam (2014), on the roller coaster",
            COASTER + "&lr=3.4e-5&steps=1000&speed=100&race=sgd,sgd(momentum=0.9),adam(lr=0.3)"),
        new Preset("race-noisy", "Race: who copes with noisy minibatches",
            "Five points a step: a big lr gets near first and then keeps bouncing; momentum at a small lr averages the batches' noise and ends nearest the best fit.",
            "fastai lesson 2's minibatches, raced",
            LESSON_2.replace("batch=0", "batch=5") + "&init=0.5,0.75&lr=0.1&steps=300&speed=50&race=sgd(lr=0.5),sgd(momentum=0.9;lr=0.01),adam(lr=0.1),adagrad(lr=0.5)"),
        new Preset("race-overshoot", "Race: momentum overshoots, Adam stays calm",
            "Just under momentum's limit the heavy ball swings the loss far above where it started; Adam's steps stay about lr long, so its loss never climbs back.",
            "the stability limit 2(1+μ)/λmax against Adam's bounded step",
            COASTER.replace("momentum=0", "momentum=0.9") + "&lr=6.5e-5&steps=1000&speed=100&race=sgd(momentum=0.9),adam(lr=0.3)"));

    /**
     * {@link #BOUNCY_SHARE_OF_LIMIT} of lesson 2's stability limit 2/λmax (from the exact loss surface of its
     * points), to two significant digits so the link reads well.
     */
    private static String bouncyLearningRate() {
        Dataset points = Generators.byName("line").orElseThrow().generate(100, 1, 42);
        return twoDigits(BOUNCY_SHARE_OF_LIMIT * LossSurface.of(Models.byName("linear").orElseThrow(), points).stabilityLimit(0));
    }

    /** {@link #STANDARDISED_SHARE_OF_LIMIT} of the stability limit of the roller coaster's standardised points. */
    private static String standardisedLearningRate() {
        Dataset points = Generators.byName("coaster").orElseThrow().generate(20, 3, 42);
        Dataset scaled = Standardisation.of(points).apply(points);
        return twoDigits(STANDARDISED_SHARE_OF_LIMIT * LossSurface.of(Models.byName("quadratic").orElseThrow(), scaled).stabilityLimit(0));
    }

    private static String twoDigits(double v) {
        return Numbers.format(new BigDecimal(v).round(new MathContext(2)).doubleValue());
    }

    /** Every preset, default first. */
    public static List<Preset> all() {
        return ALL;
    }

    public static Preset defaultPreset() {
        return ALL.get(0);
    }

    public static List<String> names() {
        return ALL.stream().map(Preset::name).toList();
    }

    public static Optional<Preset> byName(String name) {
        return ALL.stream().filter(p -> p.name().equals(name)).findFirst();
    }
}
