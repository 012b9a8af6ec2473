package org.sgdplayground.autograd;

/**
 * Deterministic reductions over double arrays.
 *
 * <p>Each sum keeps eight running partial sums (element {@code i} goes to partial {@code i mod 8}) and adds
 * them as {@code ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7))}. The order is fixed, so results are the same
 * bit for bit on every JVM. The partials are independent chains of additions: with an addition taking about
 * four cycles and two adders per core, eight chains keep both busy (four chains manage half that), and the
 * rounding error grows more slowly than with one chain.
 *
 * <p>The loops run to {@code to − 7} rather than testing {@code i + 7 < to}: the same elements in the same
 * order, but in the shape the JIT recognises as a counted loop, which it unrolls and strips of bounds checks.
 */
public final class Sums {
    private Sums() {}

    /** {@code Σ a[from..to)}. */
    public static double sum(double[] a, int from, int to) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
        int i = from, end = to - 7;
        for (; i < end; i += 8) {
            s0 += a[i];
            s1 += a[i + 1];
            s2 += a[i + 2];
            s3 += a[i + 3];
            s4 += a[i + 4];
            s5 += a[i + 5];
            s6 += a[i + 6];
            s7 += a[i + 7];
        }
        if (i < to) s0 += a[i++];
        if (i < to) s1 += a[i++];
        if (i < to) s2 += a[i++];
        if (i < to) s3 += a[i++];
        if (i < to) s4 += a[i++];
        if (i < to) s5 += a[i++];
        if (i < to) s6 += a[i];
        return combine(s0, s1, s2, s3, s4, s5, s6, s7);
    }

    /** {@code Σ a[i]·b[i]} for {@code i} in {@code [0, n)}. */
    public static double dot(double[] a, double[] b, int n) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
        int i = 0, end = n - 7;
        for (; i < end; i += 8) {
            s0 += a[i] * b[i];
            s1 += a[i + 1] * b[i + 1];
            s2 += a[i + 2] * b[i + 2];
            s3 += a[i + 3] * b[i + 3];
            s4 += a[i + 4] * b[i + 4];
            s5 += a[i + 5] * b[i + 5];
            s6 += a[i + 6] * b[i + 6];
            s7 += a[i + 7] * b[i + 7];
        }
        if (i < n) { s0 += a[i] * b[i]; i++; }
        if (i < n) { s1 += a[i] * b[i]; i++; }
        if (i < n) { s2 += a[i] * b[i]; i++; }
        if (i < n) { s3 += a[i] * b[i]; i++; }
        if (i < n) { s4 += a[i] * b[i]; i++; }
        if (i < n) { s5 += a[i] * b[i]; i++; }
        if (i < n) s6 += a[i] * b[i];
        return combine(s0, s1, s2, s3, s4, s5, s6, s7);
    }

    /** {@code Σ (a[i] − b[i])²} for {@code i} in {@code [0, n)}: each square is {@code d·d} with {@code d = a[i] − b[i]}. */
    public static double squaredDistance(double[] a, double[] b, int n) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
        int i = 0, end = n - 7;
        for (; i < end; i += 8) {
            double d0 = a[i] - b[i], d1 = a[i + 1] - b[i + 1], d2 = a[i + 2] - b[i + 2], d3 = a[i + 3] - b[i + 3];
            double d4 = a[i + 4] - b[i + 4], d5 = a[i + 5] - b[i + 5], d6 = a[i + 6] - b[i + 6], d7 = a[i + 7] - b[i + 7];
            s0 += d0 * d0;
            s1 += d1 * d1;
            s2 += d2 * d2;
            s3 += d3 * d3;
            s4 += d4 * d4;
            s5 += d5 * d5;
            s6 += d6 * d6;
            s7 += d7 * d7;
        }
        double d;
        if (i < n) { d = a[i] - b[i]; s0 += d * d; i++; }
        if (i < n) { d = a[i] - b[i]; s1 += d * d; i++; }
        if (i < n) { d = a[i] - b[i]; s2 += d * d; i++; }
        if (i < n) { d = a[i] - b[i]; s3 += d * d; i++; }
        if (i < n) { d = a[i] - b[i]; s4 += d * d; i++; }
        if (i < n) { d = a[i] - b[i]; s5 += d * d; i++; }
        if (i < n) { d = a[i] - b[i]; s6 += d * d; }
        return combine(s0, s1, s2, s3, s4, s5, s6, s7);
    }

    private static double combine(double s0, double s1, double s2, double s3, double s4, double s5, double s6, double s7) {
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }
}
