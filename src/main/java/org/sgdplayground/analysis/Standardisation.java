package org.sgdplayground.analysis;

import org.sgdplayground.data.Dataset;

/**
 * Inputs rescaled to mean 0 and standard deviation 1: {@code x' = (x − m) / s}. Fitting a polynomial in {@code x'}
 * instead of {@code x} gives the same family of curves, but a far better conditioned loss: for the roller
 * coaster, {@code t²} up to 361 against a constant 1 becomes {@code x'²} up to about 3.
 *
 * <p>{@link #toOriginal} maps a polynomial's coefficients in {@code x'} back to coefficients in {@code x}, so a run
 * trained on scaled inputs can be drawn (and compared with the closed-form optimum) in the original units.
 */
public record Standardisation(double mean, double scale) {

    /** The mean and (population) standard deviation of the inputs; a scale of 1 when they are all equal. */
    public static Standardisation of(Dataset points) {
        int n = points.size();
        double mean = 0;
        for (int i = 0; i < n; i++) mean += points.x(i);
        mean /= n;
        double variance = 0;
        for (int i = 0; i < n; i++) variance += (points.x(i) - mean) * (points.x(i) - mean);
        double sd = Math.sqrt(variance / n);
        return new Standardisation(mean, sd > 0 ? sd : 1);
    }

    public double apply(double x) {
        return (x - mean) / scale;
    }

    /** The same points with {@code x} rescaled. */
    public Dataset apply(Dataset points) {
        double[] x = points.xs();
        for (int i = 0; i < x.length; i++) x[i] = apply(x[i]);
        return new Dataset(x, points.ys());
    }

    /**
     * Coefficients in {@code x} of the polynomial {@code Σⱼ cⱼ·x'^(d−j)} (highest power first, as the models'
     * parameters are), expanding each {@code ((x − m)/s)^k} by the binomial theorem.
     */
    public double[] toOriginal(double[] scaledCoefficients) {
        int d = scaledCoefficients.length - 1;
        double[] byPower = new double[d + 1]; // byPower[q] multiplies x^q
        for (int j = 0; j <= d; j++) {
            int k = d - j;
            double c = scaledCoefficients[j] / Math.pow(scale, k);
            // (x − m)^k = Σ_q C(k, q) x^q (−m)^(k−q)
            for (int q = 0; q <= k; q++) byPower[q] += c * binomial(k, q) * Math.pow(-mean, k - q);
        }
        double[] out = new double[d + 1];
        for (int q = 0; q <= d; q++) out[d - q] = byPower[q];
        return out;
    }

    private static double binomial(int k, int q) {
        double b = 1;
        for (int i = 1; i <= q; i++) b = b * (k - q + i) / i;
        return b;
    }
}
