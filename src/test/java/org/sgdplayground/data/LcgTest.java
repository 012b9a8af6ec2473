package org.sgdplayground.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Lcg draws what java.util.Random draws from the same seed, bit for bit, whatever the mix of calls. */
class LcgTest {
    private static long[] seeds() {
        SplittableRandom random = new SplittableRandom(17);
        long[] out = new long[64];
        long[] edges = {0, 1, -1, 42, Long.MIN_VALUE, Long.MAX_VALUE, 0x5DEECE66DL, Seeds.mix(42)};
        System.arraycopy(edges, 0, out, 0, edges.length);
        for (int i = edges.length; i < out.length; i++) out[i] = random.nextLong();
        return out;
    }

    @Test
    void doubles_are_randoms_doubles() {
        for (long seed : seeds()) {
            Random expected = new Random(seed);
            Lcg lcg = new Lcg(seed);
            for (int i = 0; i < 10_000; i++) {
                assertEquals(Double.doubleToRawLongBits(expected.nextDouble()), Double.doubleToRawLongBits(lcg.nextDouble()),
                    "draw " + i + " from seed " + seed);
            }
        }
    }

    @Test
    void gaussians_are_randoms_gaussians_even_mixed_with_doubles() {
        for (long seed : seeds()) {
            Random expected = new Random(seed);
            Lcg lcg = new Lcg(seed);
            SplittableRandom which = new SplittableRandom(seed);
            for (int i = 0; i < 10_000; i++) {
                // mostly gaussians (the coaster), now and then a double, which must not disturb the cached second value
                boolean gaussian = which.nextInt(5) > 0;
                double want = gaussian ? expected.nextGaussian() : expected.nextDouble();
                double got = gaussian ? lcg.nextGaussian() : lcg.nextDouble();
                assertEquals(Double.doubleToRawLongBits(want), Double.doubleToRawLongBits(got), "draw " + i + " from seed " + seed);
            }
        }
    }

    @Test
    void a_sequence_is_the_stream_of_the_same_seed_and_purpose() {
        for (long seed : seeds()) {
            for (String purpose : new String[] {Seeds.DATA, Seeds.INIT, Seeds.BATCHES}) {
                Random stream = Seeds.stream(seed, purpose);
                Lcg sequence = Seeds.sequence(seed, purpose);
                for (int i = 0; i < 100; i++) assertEquals(stream.nextDouble(), sequence.nextDouble(), 0.0);
            }
        }
    }
}
