package org.sgdplayground.experiment;

import java.util.List;
import java.util.Optional;

/** The presets, in the order the picker lists them. The first is the default. */
public final class Presets {
    private Presets() {}

    private static final String LESSON_2 = "model=linear&data=line&n=100&noise=1&seed=42&batch=0";

    private static final List<Preset> ALL = List.of(
        new Preset("fastai-sgd", "fastai lesson 2: SGD fits a line",
            "Gradient descent walks a line from a poor guess to the data, one small step down the loss at a time.",
            "fastai lesson-2 notebook (sgd)", LESSON_2 + "&init=0.5,0.75&lr=0.1&steps=100&momentum=0&speed=50"),
        new Preset("fastai-sgd-es", "fastai lección 2: SGD ajusta una recta",
            "The same line, started from a = (−1, 1) as in the Spanish notebook.",
            "the Spanish lesson-2 notebook", LESSON_2 + "&init=-1,1&lr=0.1&steps=100&momentum=0&speed=50"),
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
            "fastbook chapter 4, the diverging learning-rate diagram", LESSON_2 + "&init=0.5,0.75&lr=30&steps=150&momentum=0&speed=50"));

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
