package org.sgdplayground.autograd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SumsTest {
    private static final double EPS = Math.ulp(1.0);

    /** Lengths around both orders' edges: the eight-partial tails, the switch to 64 partials, and their tails. */
    private static final int[] LENGTHS = {0, 1, 2, 7, 8, 9, 15, 100, Sums.WIDE - 1, Sums.WIDE, Sums.WIDE + 1, Sums.WIDE + 63, 1001, 4097};

    @Test
    void sum_of_whole_numbers_is_exact_for_every_length_including_the_tails() {
        double[] a = new double[Sums.WIDE + 80];
        for (int i = 0; i < a.length; i++) a[i] = (i * 7919) % 23 - 11;
        for (int n = 0; n <= a.length; n++) {
            double plain = 0;
            for (int i = 0; i < n; i++) plain += a[i];
            assertEquals(plain, Sums.sum(a, n), 0.0, "Σ a[0.." + n + ")");
        }
    }

    @Test
    void dot_and_squared_distance_of_whole_numbers_are_exact_for_every_length_including_the_tails() {
        double[] a = new double[Sums.WIDE + 80], b = new double[Sums.WIDE + 80];
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
        for (int n : LENGTHS) {
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
            assertEquals(sum, Sums.sum(a, n), 2 * n * EPS * sumMagnitude, "sum, n = " + n);
            assertEquals(dot, Sums.dot(a, b, n), 2 * (n + 1) * EPS * dotMagnitude, "dot, n = " + n);
        }
    }

    @Test
    void sum_dot_and_squared_distance_add_in_the_documented_order_so_every_jvm_gets_the_same_bits() {
        Random random = new Random(4);
        for (int n : LENGTHS) {
            double[] a = new double[n], b = new double[n];
            for (int i = 0; i < n; i++) {
                a[i] = random.nextGaussian() * Math.pow(10, random.nextInt(12) - 6);
                b[i] = random.nextGaussian();
            }
            // below WIDE: element i goes to partial i mod 8, then ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
            // from WIDE on: element i goes to partial i mod 64, then partial j + partial j + 32, j + 16, … down to one
            int lanes = n < Sums.WIDE ? 8 : 64;
            double[] partial = new double[lanes], partialDot = new double[lanes], partialSquare = new double[lanes];
            for (int i = 0; i < n; i++) {
                partial[i % lanes] += a[i];
                partialDot[i % lanes] += a[i] * b[i];
                double d = a[i] - b[i];
                partialSquare[i % lanes] += d * d;
            }
            double sum = inOrder(partial), dot = inOrder(partialDot), square = inOrder(partialSquare);
            double[] scratch = Sums.scratch(n);
            assertEquals(Double.doubleToRawLongBits(square), Double.doubleToRawLongBits(Sums.squaredDistance(a, b, n, scratch)), "Σ(a−b)², n = " + n);
            assertEquals(Double.doubleToRawLongBits(sum), Double.doubleToRawLongBits(Sums.sum(a, n, scratch)), "sum, n = " + n);
            assertEquals(Double.doubleToRawLongBits(dot), Double.doubleToRawLongBits(Sums.dot(a, b, n, scratch)), "dot, n = " + n);
        }
    }

    @Test
    void a_scratch_array_bigger_than_needed_gives_the_same_bits() {
        Random random = new Random(5);
        int n = Sums.WIDE + 37;
        double[] a = new double[n];
        for (int i = 0; i < n; i++) a[i] = random.nextGaussian();
        double[] bigger = Sums.scratch(3 * n);
        java.util.Arrays.fill(bigger, Double.NaN);
        assertEquals(Double.doubleToRawLongBits(Sums.sum(a, n)), Double.doubleToRawLongBits(Sums.sum(a, n, bigger)));
    }

    private static double inOrder(double[] s) {
        if (s.length == 8) return ((s[0] + s[1]) + (s[2] + s[3])) + ((s[4] + s[5]) + (s[6] + s[7]));
        double[] t = s.clone();
        for (int width = t.length / 2; width >= 1; width /= 2) {
            for (int j = 0; j < width; j++) t[j] = t[j] + t[j + width];
        }
        return t[0];
    }

    @Test
    void a_running_column_of_stride_eight_adds_up_to_the_short_order_bit_for_bit() {
        Random random = new Random(5);
        for (int n = 1; n < Sums.WIDE; n++) {
            double[] a = new double[n], column = new double[n];
            for (int i = 0; i < n; i++) a[i] = random.nextGaussian() * Math.pow(10, random.nextInt(9) - 4);
            for (int i = 0; i < n; i++) column[i] = (i < 8 ? 0.0 : column[i - 8]) + a[i];
            assertEquals(Double.doubleToRawLongBits(Sums.sum(a, n)), Double.doubleToRawLongBits(Sums.combineColumn(column, n)), "n = " + n);
        }
    }

    @Test
    void a_sum_may_use_its_own_input_as_scratch() {
        int n = 2 * Sums.WIDE + 3;
        double[] a = new double[n];
        Random random = new Random(5);
        for (int i = 0; i < n; i++) a[i] = random.nextGaussian();
        double[] inPlace = a.clone();
        assertEquals(Double.doubleToRawLongBits(Sums.sum(a, n)), Double.doubleToRawLongBits(Sums.sum(inPlace, n, inPlace)),
            "the running column reads each element before it writes that place");
    }
}
