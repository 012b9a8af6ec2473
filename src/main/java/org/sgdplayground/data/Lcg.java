package org.sgdplayground.data;

/**
 * {@link java.util.Random}'s generator, number for number: the 48-bit linear congruential generator its
 * specification fixes, with {@code nextDouble} and {@code nextGaussian} (the polar method) as it defines them.
 * What it leaves out is the thread safety: {@code Random} updates its seed atomically on every draw, which costs
 * more than the draw itself when filling arrays of 10 000 points from one thread. {@code LcgTest} checks it against
 * {@code Random} draw for draw.
 */
final class Lcg {
    private static final long MULTIPLIER = 0x5DEECE66DL, ADDEND = 0xBL, MASK = (1L << 48) - 1;
    private static final double DOUBLE_UNIT = 0x1.0p-53;

    private long seed;
    private double nextNextGaussian;
    private boolean haveNextNextGaussian;

    /** The sequence of {@code new Random(seed)}. */
    Lcg(long seed) {
        this.seed = (seed ^ MULTIPLIER) & MASK;
    }

    private int next(int bits) {
        seed = (seed * MULTIPLIER + ADDEND) & MASK;
        return (int) (seed >>> (48 - bits));
    }

    /** U[0, 1) with 53 random bits. */
    double nextDouble() {
        return (((long) next(26) << 27) + next(27)) * DOUBLE_UNIT;
    }

    /** N(0, 1): Knuth's polar method, two values a round, with {@link StrictMath} as {@code Random} has it. */
    double nextGaussian() {
        if (haveNextNextGaussian) {
            haveNextNextGaussian = false;
            return nextNextGaussian;
        }
        double v1, v2, s;
        do {
            v1 = 2 * nextDouble() - 1;
            v2 = 2 * nextDouble() - 1;
            s = v1 * v1 + v2 * v2;
        } while (s >= 1 || s == 0);
        double multiplier = StrictMath.sqrt(-2 * StrictMath.log(s) / s);
        nextNextGaussian = v2 * multiplier;
        haveNextNextGaussian = true;
        return v1 * multiplier;
    }
}
