package org.sgdplayground.export.picture;

import java.util.ArrayList;
import java.util.List;
import org.sgdplayground.data.Dataset;
import org.sgdplayground.model.Model;

/**
 * The data→pixel mapping of a plot, as {@code web/scale.js} and {@code web/curves.js} make it: {@code x} across the
 * box left to right, {@code y} up it bottom to top, each linear, {@code px = left + (x − x0)/(x1 − x0)·(right − left)}.
 */
public record Viewport(double left, double top, double right, double bottom, double x0, double x1, double y0, double y1) {

    /** The pixel column of {@code x}. */
    public double px(double x) {
        return left + (x - x0) / (x1 - x0) * (right - left);
    }

    /** The pixel row of {@code y} (rows grow downwards). */
    public double py(double y) {
        return bottom + (y - y0) / (y1 - y0) * (top - bottom);
    }

    /** The data x under pixel column {@code px}. */
    public double xAt(double px) {
        return x0 + (px - left) / (right - left) * (x1 - x0);
    }

    /**
     * The page's axes for a run ({@code plotRanges} in curves.js): x over the points, y over the points and the
     * first frame's predictions but at most four data spans beyond the points; x widened 4% a side, y 8%.
     */
    public static Viewport forRun(double left, double top, double right, double bottom, Dataset points, Model model,
                                  double[] firstParams) {
        double[] xr = extent(points.xs()), yr = extent(points.ys());
        double span = yr[1] - yr[0] == 0 ? 1 : yr[1] - yr[0];
        double lo = yr[0], hi = yr[1];
        if (firstParams != null) {
            double[] guesses = new double[points.size()];
            for (int i = 0; i < guesses.length; i++) guesses[i] = model.valueAt(points.x(i), firstParams);
            double[] g = extent(guesses);
            if (g != null) {
                lo = Math.max(Math.min(lo, g[0]), yr[0] - 4 * span);
                hi = Math.min(Math.max(hi, g[1]), yr[1] + 4 * span);
            }
        }
        double[] x = widened(xr, 0.04), y = widened(new double[] {lo, hi}, 0.08);
        return new Viewport(left, top, right, bottom, x[0], x[1], y[0], y[1]);
    }

    /** Round ticks (1, 2 or 5 × 10^k apart) across {@code [lo, hi]}, about {@code target} of them (scale.js niceTicks). */
    public static List<Double> niceTicks(double lo, double hi, int target) {
        double span = hi - lo;
        List<Double> ticks = new ArrayList<>();
        if (!(span > 0) || !Double.isFinite(span)) return List.of(lo);
        double raw = span / target, power = Math.pow(10, Math.floor(Math.log10(raw))), step = 10 * power;
        for (double m : new double[] {1, 2, 5}) if (m * power >= raw) { step = m * power; break; }
        for (double v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) ticks.add(Math.abs(v) < step * 1e-9 ? 0 : v);
        return ticks;
    }

    private static double[] extent(double[] values) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (!Double.isFinite(v)) continue;
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        return lo <= hi ? new double[] {lo, hi} : null;
    }

    private static double[] widened(double[] range, double fraction) {
        double span = range[1] - range[0];
        if (span == 0) span = Math.abs(range[1]) == 0 ? 1 : Math.abs(range[1]);
        return new double[] {range[0] - span * fraction, range[1] + span * fraction};
    }
}
