package org.sgdplayground.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GeneratorsTest {
    @Test
    void the_same_seed_gives_identical_points_and_another_seed_different_ones() {
        for (Generator g : List.of(Generators.LINE, Generators.COASTER)) {
            Dataset a = g.generate(100, g.defaultNoise(), 42), b = g.generate(100, g.defaultNoise(), 42);
            assertTrue(Arrays.equals(a.xs(), b.xs()) && Arrays.equals(a.ys(), b.ys()), g.name() + ": same seed, same points");
            assertEquals(a, b);
            Dataset c = g.generate(100, g.defaultNoise(), 43);
            assertFalse(Arrays.equals(a.ys(), c.ys()), g.name() + ": another seed, other points");
        }
    }

    @Test
    void line_x_lies_in_minus_one_to_one_and_y_is_3x_plus_2_plus_noise_in_zero_to_noise() {
        for (double noise : new double[] {1, 0.25, 7}) {
            int n = 10_000;
            Dataset d = Generators.LINE.generate(n, noise, 7);
            assertEquals(n, d.size());
            double lowest = Double.POSITIVE_INFINITY, highest = Double.NEGATIVE_INFINITY, sum = 0, xSum = 0;
            for (int i = 0; i < n; i++) {
                double x = d.x(i);
                assertTrue(-1 <= x && x < 1, "x = " + x);
                // 3x + 2 is computed as the generator does, so y ≥ it exactly (rounding is monotone); above it only
                // by less than noise, give or take the half ulp of y that the final addition may round by
                double offset = d.y(i) - (3 * x + 2);
                assertTrue(offset >= 0 && offset < noise + Math.ulp(d.y(i)), "y − 3x − 2 = " + offset + " with noise " + noise);
                lowest = Math.min(lowest, offset / noise);
                highest = Math.max(highest, offset / noise);
                sum += offset / noise;
                xSum += x;
            }
            // U(0, 1) noise: among 10 000 draws, none below 1 % or above 99 % has probability 0.99^10000 ≈ 10⁻⁴⁴
            assertTrue(lowest < 0.01 && highest > 0.99, "noise fills [0, noise): " + lowest + " … " + highest);
            // means of 10 000 uniforms: sd √(1/12/n) ≈ 0.0029 on [0,1), √(1/3/n) ≈ 0.0058 on [−1,1); 6 sd is loose
            assertEquals(0.5, sum / n, 6 * Math.sqrt(1.0 / 12 / n));
            assertEquals(0, xSum / n, 6 * Math.sqrt(1.0 / 3 / n));
        }
    }

    /** The points as the notebooks draw them, with java.util.Random from the data stream: the reference, bit for bit. */
    private static Dataset drawnWithRandom(Generator g, int n, double noise, long seed) {
        Random random = Seeds.stream(seed, Seeds.DATA);
        double[] x = new double[n], y = new double[n];
        if (g == Generators.LINE) {
            for (int i = 0; i < n; i++) x[i] = -1 + 2 * random.nextDouble();
            for (int i = 0; i < n; i++) y[i] = 3 * x[i] + 2 + noise * random.nextDouble();
        } else {
            double middle = (n - 1) / 2.0;
            for (int i = 0; i < n; i++) {
                x[i] = i;
                y[i] = random.nextGaussian() * noise + 0.75 * (x[i] - middle) * (x[i] - middle) + 1;
            }
        }
        return new Dataset(x, y);
    }

    @Test
    void the_points_are_bit_for_bit_those_java_util_random_draws_so_links_keep_their_points() {
        for (Generator g : List.of(Generators.LINE, Generators.COASTER)) {
            for (long seed : new long[] {0, 1, 42, 2_147_483_647}) {
                for (int n : new int[] {2, 20, 100, 10_001}) {
                    for (double noise : new double[] {0, 1, 3, 1e9}) {
                        assertEquals(drawnWithRandom(g, n, noise, seed), g.generate(n, noise, seed),
                            g.name() + " n=" + n + " noise=" + noise + " seed=" + seed);
                    }
                }
            }
        }
    }

    @Test
    void line_without_noise_is_exactly_the_line() {
        Dataset d = Generators.LINE.generate(50, 0, 1);
        for (int i = 0; i < d.size(); i++) assertEquals(3 * d.x(i) + 2, d.y(i), 0.0);
    }

    @Test
    void coaster_times_count_from_zero_and_speeds_are_the_parabola_plus_gaussian_noise() {
        int n = 10_000;
        double noise = 3;
        Dataset d = Generators.COASTER.generate(n, noise, 11);
        double middle = (n - 1) / 2.0;
        double sum = 0, sumOfSquares = 0;
        for (int i = 0; i < n; i++) {
            assertEquals(i, d.x(i), 0.0);
            double e = (d.y(i) - 0.75 * (d.x(i) - middle) * (d.x(i) - middle) - 1) / noise;
            sum += e;
            sumOfSquares += e * e;
        }
        // e ~ N(0, 1): the mean of n draws has sd 1/√n, the mean square (χ²ₙ/n) has mean 1 and sd √(2/n).
        // Six standard deviations either way: a correct generator fails this with probability < 10⁻⁸, while
        // noise of the wrong scale (say σ instead of σ², or noise²) or a wrong centre is far outside.
        assertEquals(0, sum / n, 6 / Math.sqrt(n));
        assertEquals(1, sumOfSquares / n, 6 * Math.sqrt(2.0 / n));
    }

    @Test
    void coaster_of_twenty_points_is_the_books_t_0_to_19_centred_at_9_5() {
        Dataset d = Generators.COASTER.generate(20, 0, 3);
        for (int t = 0; t < 20; t++) {
            assertEquals(t, d.x(t), 0.0);
            assertEquals(0.75 * (t - 9.5) * (t - 9.5) + 1, d.y(t), 0.0, "t = " + t);
        }
    }

    @Test
    void generators_are_listed_by_name() {
        assertEquals(List.of("line", "coaster"), Generators.names());
        assertSame(Generators.LINE, Generators.byName("line").orElseThrow());
        assertSame(Generators.COASTER, Generators.byName("coaster").orElseThrow());
        assertTrue(Generators.byName("spiral").isEmpty());
        assertEquals(1, Generators.LINE.defaultNoise(), 0.0);
        assertEquals(3, Generators.COASTER.defaultNoise(), 0.0);
    }

    @Test
    void a_dataset_is_immutable_and_refuses_mismatched_arrays() {
        double[] x = {1, 2}, y = {3, 4};
        Dataset d = new Dataset(x, y);
        x[0] = 99;
        d.xs()[1] = 99;
        assertEquals(1, d.x(0), 0.0);
        assertEquals(2, d.x(1), 0.0);
        assertNotEquals(d, new Dataset(new double[] {1, 2}, new double[] {3, 5}));
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
            () -> new Dataset(new double[2], new double[3]));
        assertTrue(e.getMessage().contains("2") && e.getMessage().contains("3"), e.getMessage());
    }
}
