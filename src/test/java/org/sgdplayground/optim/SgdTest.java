package org.sgdplayground.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.sgdplayground.autograd.Tensor;

class SgdTest {
    /** weights of the bowl f(p) = Σ wⱼ·pⱼ², whose gradient 2·wⱼ·pⱼ changes every step. */
    private static final double[] W = {0.7, 3.1, 0.05};

    private static Tensor bowl(Tensor p) {
        return p.pow(2).mul(Tensor.column(W)).sum();
    }

    @Test
    void without_momentum_a_step_is_p_minus_lr_times_g_bit_for_bit() {
        double lr = 0.1;
        Tensor p = Tensor.parameters(0.3, -1.7, 2.9);
        Tensor loss = bowl(p);
        Sgd sgd = new Sgd(p, lr, 0);
        for (int step = 0; step < 6; step++) {
            sgd.zeroGrad();
            loss.recompute();
            loss.backward();
            double[] before = p.values(), g = p.gradient();
            double[] expected = new double[3];
            for (int j = 0; j < 3; j++) expected[j] = before[j] - lr * g[j];
            sgd.step();
            assertBitsEqual(expected, p.values(), "step " + step);
            assertArrayEquals(new double[3], sgd.velocity(), 0.0, "no velocity without momentum");
        }
    }

    @Test
    void with_momentum_it_follows_pytorch_v_then_p_over_several_steps() {
        double lr = 0.05, mu = 0.9;
        double[] start = {0.3, -1.7, 2.9};
        Tensor p = Tensor.parameters(start);
        Tensor loss = bowl(p);
        Sgd sgd = new Sgd(p, lr, mu);

        // the hand loop: its own parameters and its own hand-derived gradient 2·w·p
        double[] q = start.clone(), v = new double[3];
        for (int step = 0; step < 12; step++) {
            sgd.zeroGrad();
            loss.recompute();
            loss.backward();
            double[] g = p.gradient();
            for (int j = 0; j < 3; j++) {
                double hand = 2 * W[j] * q[j];
                assertEquals(hand, g[j], 1e-12 * Math.max(1, Math.abs(hand)), "gradient " + j + " at step " + step);
            }
            sgd.step();
            for (int j = 0; j < 3; j++) {
                v[j] = mu * v[j] + 2 * W[j] * q[j];
                q[j] = q[j] - lr * v[j];
            }
            assertArrayEquals(v, sgd.velocity(), 1e-12, "velocity after step " + step);
            assertArrayEquals(q, p.values(), 1e-12, "parameters after step " + step);
        }
    }

    @Test
    void with_momentum_the_update_uses_the_engine_gradient_exactly_as_pytorch_writes_it() {
        double lr = 0.05, mu = 0.9;
        Tensor p = Tensor.parameters(0.3, -1.7, 2.9);
        Tensor loss = bowl(p);
        Sgd sgd = new Sgd(p, lr, mu);
        double[] v = new double[3];
        for (int step = 0; step < 8; step++) {
            sgd.zeroGrad();
            loss.recompute();
            loss.backward();
            double[] before = p.values(), g = p.gradient(), expected = new double[3];
            for (int j = 0; j < 3; j++) {
                v[j] = mu * v[j] + g[j];
                expected[j] = before[j] - lr * v[j];
            }
            sgd.step();
            assertBitsEqual(v, sgd.velocity(), "velocity at step " + step);
            assertBitsEqual(expected, p.values(), "parameters at step " + step);
        }
    }

    @Test
    void sgd_refuses_tensors_that_are_not_trainable_leaves() {
        Tensor p = Tensor.parameters(1, 2);
        assertThrows(IllegalArgumentException.class, () -> new Sgd(p.mul(p), 0.1, 0));
        assertThrows(IllegalArgumentException.class, () -> new Sgd(Tensor.column(1, 2), 0.1, 0));
    }

    private static void assertBitsEqual(double[] expected, double[] actual, String what) {
        assertEquals(expected.length, actual.length, what);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(Double.doubleToRawLongBits(expected[i]), Double.doubleToRawLongBits(actual[i]),
                what + "[" + i + "]: expected " + expected[i] + ", got " + actual[i]);
        }
    }
}
