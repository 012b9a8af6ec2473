package org.sgdplayground.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SeedsTest {
    private static final List<String> PURPOSES = List.of(Seeds.DATA, Seeds.INIT, Seeds.BATCHES);

    private static double[] draws(Random random, int k) {
        double[] out = new double[k];
        for (int i = 0; i < k; i++) out[i] = random.nextDouble();
        return out;
    }

    @Test
    void a_stream_is_the_same_for_the_same_seed_and_purpose() {
        for (String purpose : PURPOSES) {
            assertArrayEquals(draws(Seeds.stream(42, purpose), 50), draws(Seeds.stream(42, purpose), 50), 0.0, purpose);
        }
    }

    @Test
    void streams_for_different_purposes_or_neighbouring_seeds_are_uncorrelated() {
        int k = 2_000;
        // the sample correlation of two independent uniform sequences has sd 1/√k; 6 sd is a loose bound,
        // while streams that were equal, shifted or neighbours of each other would correlate near ±1
        double bound = 6 / Math.sqrt(k);
        for (long seed : new long[] {0, 1, 42, Integer.MAX_VALUE}) {
            for (int a = 0; a < PURPOSES.size(); a++) {
                for (int b = a + 1; b < PURPOSES.size(); b++) {
                    double[] u = draws(Seeds.stream(seed, PURPOSES.get(a)), k), v = draws(Seeds.stream(seed, PURPOSES.get(b)), k);
                    assertFalse(Arrays.equals(u, v));
                    assertTrue(Math.abs(correlation(u, v)) < bound, "seed " + seed + ": " + PURPOSES.get(a) + " vs " + PURPOSES.get(b));
                    assertTrue(Math.abs(correlation(Arrays.copyOfRange(u, 1, k), Arrays.copyOf(v, k - 1))) < bound, "shifted by one");
                }
            }
            double[] here = draws(Seeds.stream(seed, Seeds.DATA), k), next = draws(Seeds.stream(seed + 1, Seeds.DATA), k);
            assertTrue(Math.abs(correlation(here, next)) < bound, "seeds " + seed + " and " + (seed + 1));
        }
    }

    private static double correlation(double[] u, double[] v) {
        int n = u.length;
        double mu = 0, mv = 0;
        for (int i = 0; i < n; i++) {
            mu += u[i] / n;
            mv += v[i] / n;
        }
        double suv = 0, suu = 0, svv = 0;
        for (int i = 0; i < n; i++) {
            suv += (u[i] - mu) * (v[i] - mv);
            suu += (u[i] - mu) * (u[i] - mu);
            svv += (v[i] - mv) * (v[i] - mv);
        }
        return suv / Math.sqrt(suu * svv);
    }

    @Test
    void the_random_start_is_the_init_streams_gaussians_whatever_the_data_asks_for() {
        double[] start = Seeds.standardNormal(42, 3);
        Random init = Seeds.stream(42, Seeds.INIT);
        for (double v : start) assertEquals(init.nextGaussian(), v, 0.0);
        // a longer start begins with the shorter one
        assertArrayEquals(start, Arrays.copyOf(Seeds.standardNormal(42, 5), 3), 0.0);
        assertFalse(Arrays.equals(start, Seeds.standardNormal(43, 3)));
    }

    @Test
    void the_points_come_from_the_data_stream_alone() {
        // the line draws every x from the data stream first: the first k of them do not depend on n
        Dataset small = Generators.LINE.generate(10, 1, 42), large = Generators.LINE.generate(500, 1, 42);
        Random data = Seeds.stream(42, Seeds.DATA);
        for (int i = 0; i < 10; i++) {
            double x = -1 + 2 * data.nextDouble();
            assertEquals(x, small.x(i), 0.0);
            assertEquals(x, large.x(i), 0.0);
        }
    }
}
