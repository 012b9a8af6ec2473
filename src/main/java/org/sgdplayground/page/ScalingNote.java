package org.sgdplayground.page;

import java.util.List;
import org.sgdplayground.analysis.Standardisation;
import org.sgdplayground.data.Dataset;
import org.sgdplayground.experiment.Experiment;
import org.sgdplayground.i18n.Messages;

/**
 * The note beside the {@code standardize} switch, about the points on screen: how far {@code x} reaches, so how big
 * the model's top feature {@code x^d} gets beside the constant feature 1, and where {@code x' = (x − mean)/sd} puts
 * them. Features far from 1 give curvatures orders of magnitude apart, so one learning rate cannot suit every
 * parameter; features near 1 leave little for scaling to do. {@code web/scalingnote.js} writes the same words when
 * the points change; {@link ShownNumbers} writes the numbers as the browser does.
 */
final class ScalingNote {
    private ScalingNote() {}

    /** A top feature within this factor of 1 either way is "about as big as the constant". */
    static final double ALIKE = 4;
    /** A mean this small beside the spread is rounding, not a shift: the points are centred already. */
    static final double CENTRED = 1e-9;

    /** The note for {@code e}'s points and model in English; the roller coaster's input is fastbook's {@code t}. */
    static String of(Experiment e) {
        return of(e, Messages.english());
    }

    /** The note in {@code m}'s language ({@code web.scaling.*}, the words {@code web/scalingnote.js} writes). */
    static String of(Experiment e, Messages m) {
        Dataset points = e.dataset();
        return of(points.xs(), Standardisation.of(points), e.model().parameterNames(), "coaster".equals(e.data()) ? "t" : "x", m);
    }

    static String of(double[] xs, Standardisation scaling, List<String> names, String variable) {
        return of(xs, scaling, names, variable, Messages.english());
    }

    /**
     * @param xs        the inputs
     * @param scaling   their standardisation
     * @param names     the model's parameters, highest power's first (a polynomial of degree {@code names.size() − 1})
     * @param variable  what the input is called
     */
    static String of(double[] xs, Standardisation scaling, List<String> names, String variable, Messages m) {
        int degree = names.size() - 1;
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY, far = 0, farScaled = 0;
        for (double x : xs) {
            lo = Math.min(lo, x);
            hi = Math.max(hi, x);
            if (Math.abs(x) > Math.abs(far)) far = x;
            if (Math.abs(scaling.apply(x)) > Math.abs(farScaled)) farScaled = scaling.apply(x);
        }
        double feature = Math.pow(far, degree), scaledFeature = Math.pow(farScaled, degree);
        String top = power(variable, degree), runs = m.text("web.scaling.runs", "variable", variable, "lo", n(lo), "hi", n(hi));
        String shift = Math.abs(scaling.mean()) <= CENTRED * scaling.scale() ? variable
            : "(" + variable + (scaling.mean() > 0 ? " − " + n(scaling.mean()) : " + " + n(-scaling.mean())) + ")";
        String scaled = m.text("web.scaling.scaled", "shifted", shift, "scale", n(scaling.scale()),
            "lo", n(scaling.apply(lo)), "hi", n(scaling.apply(hi)));
        if (Math.abs(feature) >= 1 / ALIKE && Math.abs(feature) <= ALIKE) {
            return m.text("web.scaling.alike", "runs", runs, "top", top, "feature", n(feature), "scaled", scaled);
        }
        return m.text(Math.abs(feature) > ALIKE ? "web.scaling.big" : "web.scaling.small", "runs", runs, "top", top,
            "feature", n(feature), "first", names.get(0), "last", names.get(degree), "scaled", scaled,
            "scaledTop", power("x'", degree), "scaledFeature", n(scaledFeature));
    }

    private static String power(String variable, int degree) {
        return variable + switch (degree) {
            case 1 -> "";
            case 2 -> "²";
            case 3 -> "³";
            default -> "^" + degree;
        };
    }

    private static String n(double v) {
        return ShownNumbers.format(v);
    }
}
