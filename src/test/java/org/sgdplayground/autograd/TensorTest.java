package org.sgdplayground.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sgdplayground.autograd.CentralDifferences.assertGradientsMatch;
import static org.sgdplayground.autograd.CentralDifferences.uniform;
import static org.sgdplayground.autograd.CentralDifferences.weightedSum;

import java.util.function.BinaryOperator;
import java.util.function.DoubleBinaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.sgdplayground.autograd.CentralDifferences.Input;

/**
 * Each op of {@link Tensor}: its forward value against a plain loop, its gradient against central differences
 * (see {@link CentralDifferences} for the tolerance).
 */
class TensorTest {
    private static final double EPS = Math.ulp(1.0);

    /** The three broadcasting ops, with what one element of each computes. */
    enum Binary {
        ADD(Tensor::add, (u, v) -> u + v),
        SUB(Tensor::sub, (u, v) -> u - v),
        MUL(Tensor::mul, (u, v) -> u * v);

        final BinaryOperator<Tensor> op;
        final DoubleBinaryOperator element;

        Binary(BinaryOperator<Tensor> op, DoubleBinaryOperator element) {
            this.op = op;
            this.element = element;
        }
    }

    /** Every way two shapes may meet: equal, a scalar on either side, a row or a column on either side, and a row against a column. */
    static Stream<Arguments> broadcastCases() {
        int[][] shapes = {
            {3, 2, 3, 2},  // same shape
            {1, 1, 1, 1},  // two scalars
            {3, 2, 1, 1},  // scalar on the right
            {1, 1, 3, 2},  // scalar on the left
            {3, 2, 1, 2},  // row on the right
            {1, 2, 3, 2},  // row on the left
            {3, 2, 3, 1},  // column on the right
            {3, 1, 3, 2},  // column on the left
            {1, 2, 3, 1},  // a row against a column: both stretch
            {3, 1, 1, 2},  // a column against a row
        };
        return Stream.of(Binary.values()).flatMap(op -> Stream.of(shapes)
            .map(s -> Arguments.of(op, s[0], s[1], s[2], s[3])));
    }

    @ParameterizedTest(name = "{0}: {1}×{2} with {3}×{4}")
    @MethodSource("broadcastCases")
    void binary_op_equals_a_plain_loop_over_both_operands_stretched(Binary kind, int ar, int ac, int br, int bc) {
        Input a = uniform(ar, ac, -2, 2, 1), b = uniform(br, bc, -2, 2, 2);
        Tensor out = kind.op.apply(a.variable(), b.variable());

        int rows = Math.max(ar, br), cols = Math.max(ac, bc);
        double[] expected = new double[rows * cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                double u = a.values()[(ar == 1 ? 0 : r) * ac + (ac == 1 ? 0 : c)];
                double v = b.values()[(br == 1 ? 0 : r) * bc + (bc == 1 ? 0 : c)];
                expected[r * cols + c] = kind.element.applyAsDouble(u, v);
            }
        }
        assertEquals(rows, out.rows());
        assertEquals(cols, out.cols());
        assertArrayEquals(expected, out.values(), 0.0, "one IEEE operation per element, so equal bit for bit");
    }

    @ParameterizedTest(name = "{0}: {1}×{2} with {3}×{4}")
    @MethodSource("broadcastCases")
    void binary_op_gradient_matches_central_differences_for_both_operands(Binary kind, int ar, int ac, int br, int bc) {
        assertGradientsMatch(t -> weightedSum(kind.op.apply(t[0], t[1])), uniform(ar, ac, -2, 2, 3), uniform(br, bc, -2, 2, 4));
    }

    @Test
    void a_constant_operand_gets_no_gradient_and_a_result_of_constants_wants_none() {
        Tensor p = Tensor.variable(2, 1, 1.5, -0.5);
        Tensor c = Tensor.constant(2, 1, 3, 4);
        p.mul(c).sum().backward();
        assertArrayEquals(new double[] {3, 4}, p.gradient(), 0.0);
        assertArrayEquals(new double[] {0, 0}, c.gradient(), 0.0);
        assertFalse(c.requiresGrad());
        assertFalse(c.add(c).requiresGrad());
        assertTrue(p.add(c).requiresGrad());
    }

    @Test
    void neg_flips_every_sign_and_its_gradient_matches_central_differences() {
        Input a = uniform(2, 3, -2, 2, 5);
        double[] expected = new double[6];
        for (int i = 0; i < 6; i++) expected[i] = -a.values()[i];
        assertArrayEquals(expected, a.variable().neg().values(), 0.0);
        assertGradientsMatch(t -> weightedSum(t[0].neg()), a);
    }

    @ParameterizedTest
    @ValueSource(doubles = {2.5, -0.4, 3})
    void div_by_a_constant_divides_every_element_and_its_gradient_matches_central_differences(double divisor) {
        Input a = uniform(3, 2, -2, 2, 6);
        double[] expected = new double[6];
        for (int i = 0; i < 6; i++) expected[i] = a.values()[i] / divisor;
        assertArrayEquals(expected, a.variable().div(divisor).values(), 0.0);
        assertGradientsMatch(t -> weightedSum(t[0].div(divisor)), a);
    }

    @Test
    void pow_2_is_x_times_x_exactly_and_its_gradient_matches_central_differences() {
        Input a = uniform(3, 2, -2, 2, 7);
        double[] expected = new double[6];
        for (int i = 0; i < 6; i++) expected[i] = a.values()[i] * a.values()[i];
        assertArrayEquals(expected, a.variable().pow(2).values(), 0.0);
        assertGradientsMatch(t -> weightedSum(t[0].pow(2)), a);
    }

    @Test
    void pow_with_a_fractional_exponent_on_positive_inputs_matches_x_sqrt_x_and_central_differences() {
        Input a = uniform(3, 2, 0.5, 2, 8);
        double[] actual = a.variable().pow(1.5).values();
        for (int i = 0; i < 6; i++) {
            double x = a.values()[i];
            // x·√x rounds twice (½ ulp each), pow within 1 ulp: a few ulps apart at most
            assertEquals(x * Math.sqrt(x), actual[i], 4 * Math.ulp(actual[i]), "x^1.5 at " + x);
        }
        assertGradientsMatch(t -> weightedSum(t[0].pow(1.5)), a);
    }

    @Test
    void sum_adds_every_element_and_each_element_gets_the_whole_gradient() {
        Input a = uniform(3, 4, -2, 2, 9);
        double plain = 0, magnitude = 0;
        for (double v : a.values()) {
            plain += v;
            magnitude += Math.abs(v);
        }
        Tensor s = a.variable().sum();
        assertEquals(1, s.rows());
        assertEquals(1, s.cols());
        // two orders of summation differ by at most (n − 1)·ε·Σ|x| (the classic bound)
        assertEquals(plain, s.item(), 11 * EPS * magnitude);
        assertGradientsMatch(t -> t[0].sum(), a);
        assertGradientsMatch(t -> t[0].sum().mul(t[0].sum()), a);
    }

    @Test
    void squared_distance_sum_adds_the_squared_differences_and_its_gradient_matches_central_differences_for_both_sides() {
        // 15 elements: the eight-wide main loop and a tail of seven
        Input a = uniform(5, 3, -2, 2, 21), b = uniform(5, 3, -2, 2, 22);
        double plain = 0, magnitude = 0;
        for (int i = 0; i < 15; i++) {
            double d = a.values()[i] - b.values()[i];
            plain += d * d;
            magnitude += d * d;
        }
        Tensor s = a.variable().squaredDistanceSum(b.variable());
        assertEquals(1, s.rows());
        assertEquals(1, s.cols());
        assertEquals(plain, s.item(), 15 * EPS * magnitude);
        assertGradientsMatch(t -> t[0].squaredDistanceSum(t[1]), a, b);
        // computed operands (whose first gradient write overwrites) and a leaf used again elsewhere (which adds)
        assertGradientsMatch(t -> t[0].mul(t[1]).squaredDistanceSum(t[1].add(t[0])).mul(t[0].sum()), a, b);
    }

    @Test
    void squared_distance_sum_gives_what_sub_pow_2_sum_gives_bit_for_bit_value_and_gradients() {
        for (int n : new int[] {1, 7, 8, 9, 100}) {
            Input a = uniform(n, 1, -2, 2, 30 + n), b = uniform(n, 1, -2, 2, 60 + n);
            Tensor fusedA = a.variable(), fusedB = b.variable(), composedA = a.variable(), composedB = b.variable();
            Tensor fused = fusedA.squaredDistanceSum(fusedB).div(n);
            Tensor composed = composedA.sub(composedB).pow(2).sum().div(n);
            fused.backward();
            composed.backward();
            assertEquals(composed.item(), fused.item(), 0.0, "n = " + n);
            assertArrayEquals(composedA.gradient(), fusedA.gradient(), 0.0, "∂/∂a, n = " + n);
            assertArrayEquals(composedB.gradient(), fusedB.gradient(), 0.0, "∂/∂b, n = " + n);
        }
    }

    @Test
    void mean_is_the_sum_over_the_count_and_its_gradient_matches_central_differences() {
        Input a = uniform(4, 3, -2, 2, 10);
        double plain = 0, magnitude = 0;
        for (double v : a.values()) {
            plain += v;
            magnitude += Math.abs(v);
        }
        assertEquals(plain / 12, a.variable().mean().item(), 12 * EPS * magnitude / 12);
        assertGradientsMatch(t -> t[0].mean(), a);
        assertGradientsMatch(t -> t[0].pow(2).mean(), a);
    }

    @Test
    void matmul_equals_the_triple_loop_and_its_gradient_matches_central_differences_for_both_sides() {
        Input a = uniform(2, 3, -2, 2, 11), b = uniform(3, 4, -2, 2, 12);
        double[] actual = a.variable().matmul(b.variable()).values();
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 4; j++) {
                double s = 0, magnitude = 0;
                for (int k = 0; k < 3; k++) {
                    s += a.values()[i * 3 + k] * b.values()[k * 4 + j];
                    magnitude += Math.abs(a.values()[i * 3 + k] * b.values()[k * 4 + j]);
                }
                assertEquals(s, actual[i * 4 + j], 4 * EPS * magnitude, "element (" + i + ", " + j + ")");
            }
        }
        assertGradientsMatch(t -> weightedSum(t[0].matmul(t[1])), a, b);
    }

    @Test
    void matmul_of_a_row_and_a_column_is_their_dot_product() {
        Input a = uniform(1, 5, -2, 2, 13), b = uniform(5, 1, -2, 2, 14);
        assertGradientsMatch(t -> t[0].matmul(t[1]), a, b);
        assertGradientsMatch(t -> t[1].matmul(t[0]).sum(), a, b);
    }

    @Test
    void at_reads_one_element_row_major_and_sends_its_gradient_to_that_element_only() {
        Input a = uniform(2, 3, -2, 2, 15);
        Tensor t = a.variable();
        for (int i = 0; i < 6; i++) {
            int index = i;
            assertEquals(a.values()[i], t.at(i).item(), 0.0);
            assertGradientsMatch(x -> x[0].at(index).mul(x[0].at(index)), a);
        }
        // a mix of elements, one of them used twice
        assertGradientsMatch(x -> x[0].at(1).mul(x[0].at(4)).add(x[0].at(4)).sub(x[0].at(0).pow(2)), a);
    }

    @Test
    void a_model_shaped_expression_matches_central_differences_for_data_and_parameters() {
        // what training builds: mean((p0·x² + p1·x + p2 − y)²)
        Input x = uniform(5, 1, -2, 2, 16), y = uniform(5, 1, -2, 2, 17), p = uniform(3, 1, -1, 1, 18);
        assertGradientsMatch(t -> t[0].pow(2).mul(t[2].at(0)).add(t[0].mul(t[2].at(1))).add(t[2].at(2)).sub(t[1]).pow(2).mean(), x, y, p);
    }
}
