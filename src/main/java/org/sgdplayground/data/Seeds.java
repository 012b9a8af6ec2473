package org.sgdplayground.data;

import java.util.Random;

/**
 * Independent random streams from one user seed: the data, the initial parameters and the minibatch order
 * each get their own, so changing {@code n} does not change the initial parameters, and so on.
 *
 * <p>{@link Random} is used because its algorithm is fixed by its specification: the same seed gives the same
 * numbers on every JVM, every day. The stream's seed is SplitMix64 of the user seed and the purpose, so that
 * neighbouring seeds do not give neighbouring streams.
 */
public final class Seeds {
    private Seeds() {}

    public static final String DATA = "data";
    public static final String INIT = "init";
    public static final String BATCHES = "batches";

    /** A fresh generator for {@code purpose} under {@code seed}. */
    public static Random stream(long seed, String purpose) {
        return new Random(streamSeed(seed, purpose));
    }

    /** {@link #stream}'s numbers, from a generator that only one thread may use but that draws them faster. */
    static Lcg sequence(long seed, String purpose) {
        return new Lcg(streamSeed(seed, purpose));
    }

    /**
     * The seed of {@code purpose}'s {@link Random} under {@code seed}: SplitMix64's finaliser of
     * {@code seed·φ + purpose.hashCode()}. Public so an export can seed the same generator in another language.
     */
    public static long streamSeed(long seed, String purpose) {
        return mix(seed * 0x9E3779B97F4A7C15L + purpose.hashCode());
    }

    /** SplitMix64's finaliser. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** {@code k} draws from N(0, 1), like {@code torch.randn(k)}: the random initial parameters. */
    public static double[] standardNormal(long seed, int k) {
        Random random = stream(seed, INIT);
        double[] out = new double[k];
        for (int i = 0; i < k; i++) out[i] = random.nextGaussian();
        return out;
    }
}
