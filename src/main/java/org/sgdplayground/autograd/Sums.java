package org.sgdplayground.autograd;

/**
 * Deterministic reductions over double arrays: the same bits on every JVM, whatever the JIT does.
 *
 * <p>The order is fixed by the length {@code n}:
 * <ul>
 *   <li>below {@link #WIDE} elements, eight partial sums: element {@code i} goes to partial {@code i mod 8}, and the
 *       partials add as {@code ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7))};</li>
 *   <li>from {@link #WIDE} elements on, {@link #LANES} partial sums: element {@code i} goes to partial
 *       {@code i mod 64}, and the partials add as a halving tree — partial {@code j} plus partial {@code j + 32}
 *       for {@code j < 32}, then {@code j} plus {@code j + 16}, and so on down to one.</li>
 * </ul>
 * Every partial starts at {@code +0.0} and takes its elements in increasing {@code i}.
 *
 * <p>Why two widths: eight scalar chains keep both of a core's adders busy, but no more. Sixty-four partials are
 * computed as a running column, {@code s[i] = s[i − 64] + a[i]} in a scratch array, which the JIT turns into whole
 * vector registers of independent additions, two to three times as fast on long arrays; on short ones the 63
 * additions of the final tree cost more than they save. The running column ends with the 64 partials in its
 * last 64 places, rotated by {@code n mod 64}; a halving tree pairs places that differ by half its width, the
 * same pairs of partials in any rotation, and {@code +} is commutative, so the result is the tree's on the
 * partials in order.
 */
public final class Sums {
    private Sums() {}

    /** The number of partial sums from {@link #WIDE} elements on. */
    public static final int LANES = 64;
    /** The length from which a reduction uses {@link #LANES} partial sums rather than eight. */
    public static final int WIDE = 512;

    /** A scratch array for reductions of up to {@code n} elements (the running column of the wide order). */
    public static double[] scratch(int n) {
        return new double[scratchLength(n)];
    }

    /** How long {@link #scratch} is for {@code n} elements: {@code n} in the wide order, else nothing. */
    public static int scratchLength(int n) {
        return n < WIDE ? 0 : n;
    }

    /** {@code Σ a[0..n)}. */
    public static double sum(double[] a, int n) {
        return sum(a, n, scratch(n));
    }

    /**
     * {@code Σ a[0..n)}, using {@code scratch} (from {@link #scratch}, at least {@code n} long when {@code n ≥ WIDE}).
     * {@code scratch} may be {@code a} itself, when {@code a} may be overwritten: the running column reads each
     * element before it writes that place.
     */
    public static double sum(double[] a, int n, double[] scratch) {
        if (n >= WIDE) {
            double[] s = scratch;
            for (int i = 0; i < LANES; i++) s[i] = 0.0 + a[i];
            for (int i = LANES; i < n; i++) s[i] = s[i - LANES] + a[i];
            return tree(s, n);
        }
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
        int i = 0, end = n - 7;
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
        if (i < n) s0 += a[i++];
        if (i < n) s1 += a[i++];
        if (i < n) s2 += a[i++];
        if (i < n) s3 += a[i++];
        if (i < n) s4 += a[i++];
        if (i < n) s5 += a[i++];
        if (i < n) s6 += a[i];
        return combine(s0, s1, s2, s3, s4, s5, s6, s7);
    }

    /** {@code Σ a[i]·b[i]} for {@code i} in {@code [0, n)}. */
    public static double dot(double[] a, double[] b, int n) {
        return dot(a, b, n, scratch(n));
    }

    /** {@code Σ a[i]·b[i]} for {@code i} in {@code [0, n)}, using {@code scratch} (see {@link #sum(double[], int, double[])}). */
    public static double dot(double[] a, double[] b, int n, double[] scratch) {
        if (n >= WIDE) {
            double[] s = scratch;
            for (int i = 0; i < LANES; i++) s[i] = 0.0 + a[i] * b[i];
            for (int i = LANES; i < n; i++) s[i] = s[i - LANES] + a[i] * b[i];
            return tree(s, n);
        }
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
        return squaredDistance(a, b, n, scratch(n));
    }

    /** {@code Σ (a[i] − b[i])²}, using {@code scratch} (see {@link #sum(double[], int, double[])}). */
    public static double squaredDistance(double[] a, double[] b, int n, double[] scratch) {
        if (n >= WIDE) {
            double[] s = scratch;
            for (int i = 0; i < LANES; i++) {
                double d = a[i] - b[i];
                s[i] = 0.0 + d * d;
            }
            for (int i = LANES; i < n; i++) {
                double d = a[i] - b[i];
                s[i] = s[i - LANES] + d * d;
            }
            return tree(s, n);
        }
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

    static double combine(double s0, double s1, double s2, double s3, double s4, double s5, double s6, double s7) {
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }

    /**
     * The eight-partial result from a running column {@code s[i] = s[i − 8] + a[i]} over {@code [0, n)} (with
     * {@code s[i] = 0.0 + a[i]} for {@code i < 8}): partial {@code l} ends at the last {@code i < n} with
     * {@code i mod 8 = l}, and one with no element is {@code 0}, as in {@link #sum(double[], int, double[])}'s short
     * order. For fused loops, which the JIT vectorises in this form.
     */
    public static double combineColumn(double[] s, int n) {
        return combine(partial(s, n, 0), partial(s, n, 1), partial(s, n, 2), partial(s, n, 3),
            partial(s, n, 4), partial(s, n, 5), partial(s, n, 6), partial(s, n, 7));
    }

    private static double partial(double[] s, int n, int l) {
        return n > l ? s[l + 8 * ((n - 1 - l) / 8)] : 0;
    }

    /** The halving tree over the 64 partials in {@code s[n − 64 .. n)} (in place): how fused loops finish a wide sum. */
    public static double tree(double[] s, int n) {
        int b = n - LANES;
        for (int k = 0; k < 32; k++) s[b + k] += s[b + k + 32];
        for (int k = 0; k < 16; k++) s[b + k] += s[b + k + 16];
        for (int k = 0; k < 8; k++) s[b + k] += s[b + k + 8];
        double w0 = s[b] + s[b + 4], w1 = s[b + 1] + s[b + 5], w2 = s[b + 2] + s[b + 6], w3 = s[b + 3] + s[b + 7];
        return (w0 + w2) + (w1 + w3);
    }
}
