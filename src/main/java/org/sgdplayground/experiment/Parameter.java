package org.sgdplayground.experiment;

import java.util.Arrays;
import java.util.Optional;
import org.sgdplayground.data.Generators;
import org.sgdplayground.model.Models;

/**
 * The one table of URL parameters (SPEC §1): name, what it accepts, its default and a line of help. The codec,
 * its error messages, the page's controls and the browser's state all follow from this table.
 */
public enum Parameter {
    PRESET("preset", new Domain.Choice(Presets.names()), Presets.defaultPreset().name(),
        "a named experiment; the other parameters override it"),
    MODEL("model", new Domain.Choice(Models.names()), "linear", "the curve to fit"),
    DATA("data", new Domain.Choice(Generators.names()), "line", "which points to generate"),
    N("n", new Domain.Whole(2, Limits.MAX_POINTS), "100", "how many points"),
    NOISE("noise", new Domain.Real(0, true, Limits.MAX_MAGNITUDE, true), "1", "the scale of the noise added to the points"),
    SEED("seed", new Domain.Whole(0, Integer.MAX_VALUE), "42", "seeds the points, the random start and the minibatch order"),
    INIT("init", new Domain.RealList(1, 3, Limits.MAX_MAGNITUDE), "",
        "the starting parameters, p0,p1,…; random (or empty) draws them from N(0,1) with the seed"),
    LR("lr", new Domain.Real(0, false, Limits.MAX_LEARNING_RATE, true), "0.1", "the learning rate: how far each step moves"),
    STEPS("steps", new Domain.Whole(0, Limits.MAX_STEPS), "100", "how many updates"),
    BATCH("batch", new Domain.Whole(0, Limits.MAX_POINTS), "0", "points per minibatch; 0 uses them all (full batch)"),
    MOMENTUM("momentum", new Domain.Real(0, true, 1, false), "0", "how much of the last step each step keeps (PyTorch convention)"),
    STANDARDIZE("standardize", new Domain.Flag(), "0",
        "1 trains on x' = (x − mean)/sd: the same curves, a far rounder loss (frames and optimum are then in scaled units)"),
    SPEED("speed", new Domain.Real(Limits.MIN_SPEED, true, Limits.MAX_SPEED, true), "50", "animation rate, updates a second"),
    AUTOPLAY("autoplay", new Domain.Flag(), "0", "1 starts training when the page opens"),
    EVERY("every", new Domain.Whole(1, Limits.MAX_STEPS), "1", "/api/train only: keep every k-th frame (and always the last)");

    private final String key;
    private final Domain domain;
    private final String defaultText;
    private final String help;

    Parameter(String key, Domain domain, String defaultText, String help) {
        this.key = key;
        this.domain = domain;
        this.defaultText = defaultText;
        this.help = help;
    }

    /** The name in URLs, JSON bodies and form fields. */
    public String key() {
        return key;
    }

    public Domain domain() {
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
    public Object parse(String text) {
        return domain.parse(key, text);
    }

    public static Optional<Parameter> byKey(String key) {
        return Arrays.stream(values()).filter(p -> p.key.equals(key)).findFirst();
    }
}
