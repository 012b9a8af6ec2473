package org.sgdplayground.autograd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SumsTest {
    private static final double EPS = Math.ulp(1.0);

    @Test
    void sum_of_whole_numbers_is_exact_for_every_range_length_including_the_tails() {
        double[] a = new double[40];
        for (int i = 0; i < a.length; i++) a[i] = (i * 7919) % 23 - 11;
        for (int from = 0; from < 5; from++) {
            for (int to = from; to <= a.length; to++) {
                double plain = 0;
                for (int i = from; i < to; i++) plain += a[i];
                assertEquals(plain, Sums.sum(a, from, to), 0.0, "Σ a[" + from + ".." + to + ")");
            }
        }
    }

    @Test
    void dot_and_squared_distance_of_whole_numbers_are_exact_for_every_length_including_the_tails() {
        double[] a = new double[30], b = new double[30];
        for (int i = 0; i < a.length; i++) {
            a[i] = (i * 31) % 9 - 4;
            b[i] = (i * 17) % 7 - 3;
        }
        for (int n = 0; n <= a.length; n++) {
            double plain = 0, squares = 0;
            for (int i = 0; i < n; i++) {
                plain += a[i] * b[i];
                squares += (a[i] - b[i]) * (a[i] - b[i]);
            }
            assertEquals(plain, Sums.dot(a, b, n), 0.0, "n = " + n);
            assertEquals(squares, Sums.squaredDistance(a, b, n), 0.0, "Σ(a−b)², n = " + n);
        }
    }

    @Test
    void sum_and_dot_of_reals_stay_within_the_rounding_bound_of_a_plain_loop() {
        Random random = new Random(3);
        for (int n : new int[] {1, 2, 3, 4, 5, 7, 100, 4097}) {
            double[] a = new double[n], b = new double[n];
            for (int i = 0; i < n; i++) {
                a[i] = random.nextGaussian() * 100;
                b[i] = random.nextGaussian();
            }
            double sum = 0, dot = 0, sumMagnitude = 0, dotMagnitude = 0;
            for (int i = 0; i < n; i++) {
                sum += a[i];
                dot += a[i] * b[i];
                sumMagnitude += Math.abs(a[i]);
                dotMagnitude += Math.abs(a[i] * b[i]);
            }
            // each order of summation is within (n − 1)·ε·Σ|terms| of the exact sum (products add ½ ε each)
            assertEquals(sum, Sums.sum(a, 0, n), 2 * n * EPS * sumMagnitude, "sum, n = " + n);
            assertEquals(dot, Sums.dot(a, b, n), 2 * (n + 1) * EPS * dotMagnitude, "dot, n = " + n);
        }
    }

    @Test
    void sum_and_dot_add_in_the_documented_order_so_every_jvm_gets_the_same_bits() {
        Random random = new Random(4);
        for (int n : new int[] {1, 6, 7, 8, 9, 15, 1001}) {
            double[] a = new double[n], b = new double[n];
            for (int i = 0; i < n; i++) {
                a[i] = random.nextGaussian() * Math.pow(10, random.nextInt(12) - 6);
                b[i] = random.nextGaussian();
            }
            // element i goes to partial i mod 8, then ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7))
            double[] partial = new double[8], partialDot = new double[8], partialSquare = new double[8];
            for (int i = 0; i < n; i++) {
                partial[i % 8] += a[i];
                partialDot[i % 8] += a[i] * b[i];
                double d = a[i] - b[i];
                partialSquare[i % 8] += d * d;
            }
            double sum = inOrder(partial), dot = inOrder(partialDot), square = inOrder(partialSquare);
            assertEquals(Double.doubleToRawLongBits(square), Double.doubleToRawLongBits(Sums.squaredDistance(a, b, n)), "Σ(a−b)², n = " + n);
            assertEquals(Double.doubleToRawLongBits(sum), Double.doubleToRawLongBits(Sums.sum(a, 0, n)), "sum, n = " + n);
            assertEquals(Double.doubleToRawLongBits(dot), Double.doubleToRawLongBits(Sums.dot(a, b, n)), "dot, n = " + n);
        }
    }

    private static double inOrder(double[] s) {
        return ((s[0] + s[1]) + (s[2] + s[3])) + ((s[4] + s[5]) + (s[6] + s[7]));
    }
}
