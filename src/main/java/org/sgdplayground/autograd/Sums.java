package org.sgdplayground.autograd;

/**
 * Deterministic reductions over double arrays.
 *
 * <p>Each sum keeps four running partial sums (element {@code i} goes to partial {@code i mod 4}) and adds
 * them as {@code (s0 + s1) + (s2 + s3)}. The order is fixed, so results are the same bit for bit on every
 * JVM; four independent chains let the CPU overlap the additions, and the rounding error grows more slowly
 * than with one chain.
 *
 * <p>The loops run to {@code to − 3} rather than testing {@code i + 3 < to}: the same elements in the same
 * order, but in the shape the JIT recognises as a counted loop, which it unrolls and strips of bounds checks
 * (about twice as fast).
 */
public final class Sums {
    private Sums() {}

    /** {@code Σ a[from..to)}. */
    public static double sum(double[] a, int from, int to) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int i = from, end = to - 3;
        for (; i < end; i += 4) {
            s0 += a[i];
            s1 += a[i + 1];
            s2 += a[i + 2];
            s3 += a[i + 3];
        }
        if (i < to) s0 += a[i++];
        if (i < to) s1 += a[i++];
        if (i < to) s2 += a[i];
        return (s0 + s1) + (s2 + s3);
    }

    /** {@code Σ a[i]·b[i]} for {@code i} in {@code [0, n)}. */
    public static double dot(double[] a, double[] b, int n) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int i = 0, end = n - 3;
        for (; i < end; i += 4) {
            s0 += a[i] * b[i];
            s1 += a[i + 1] * b[i + 1];
            s2 += a[i + 2] * b[i + 2];
            s3 += a[i + 3] * b[i + 3];
        }
        if (i < n) { s0 += a[i] * b[i]; i++; }
        if (i < n) { s1 += a[i] * b[i]; i++; }
        if (i < n) s2 += a[i] * b[i];
        return (s0 + s1) + (s2 + s3);
    }
}
