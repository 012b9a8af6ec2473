package org.sgdplayground.autograd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.function.Function;

/**
 * Checks autograd against the definition of a derivative: each input element is moved by ±h, the expression is
 * built again from fresh tensors, and {@code (f(x+h) − f(x−h)) / 2h} is compared with what {@link Tensor#backward()}
 * gave.
 *
 * <p><b>Why the tolerance is what it is.</b> For a function with bounded third derivative the central difference
 * errs by at most {@code h²/6 · max|f'''|} (Taylor), plus the rounding of the two evaluations divided by
 * {@code 2h}. The expressions checked here take inputs in [−2, 2], have at most a few dozen terms of magnitude at
 * most ~20, so one evaluation is off by at most ~{@code 50 · 20 · ε ≈ 2·10⁻¹³}; with {@code h = 2⁻¹⁷ ≈ 7.6·10⁻⁶}
 * that is ~{@code 2·10⁻⁸} after dividing by {@code 2h}. Their third derivatives are 0 (everything but
 * {@code pow(1.5)}) or at most ~1 ({@code x^1.5} on [0.5, 2]), so truncation is ~{@code 10⁻¹¹}. A tolerance of
 * {@code 10⁻⁶ · (1 + |g|)} is fifty times that bound, while any real mistake (a missing term, a wrong sign, a
 * gradient sent to the wrong element, a factor of 2) is off by more than 10⁻².
 */
final class CentralDifferences {
    private CentralDifferences() {}

    /** A power of two, so that {@code x ± h} is exact for the inputs used here. */
    static final double H = 0x1p-17;
    static final double TOLERANCE = 1e-6;
    static final double INPUT_BOUND = 2;

    /** One input: its shape and values, row by row. */
    record Input(int rows, int cols, double[] values) {
        Input {
            assertEquals(rows * cols, values.length, "values for a " + rows + "×" + cols + " input");
            for (double v : values) assertTrue(Math.abs(v) <= INPUT_BOUND, "inputs stay in [−2, 2], where the tolerance holds: " + v);
            values = values.clone();
        }

        Tensor variable() {
            return Tensor.variable(rows, cols, values);
        }
    }

    /** {@code rows × cols} values drawn uniformly from {@code [low, high)} with a fixed seed. */
    static Input uniform(int rows, int cols, double low, double high, long seed) {
        Random random = new Random(seed);
        double[] v = new double[rows * cols];
        for (int i = 0; i < v.length; i++) v[i] = low + (high - low) * random.nextDouble();
        return new Input(rows, cols, v);
    }

    /** The gradients a program's backward pass gives, one array per input. */
    static double[][] autograd(Function<Tensor[], Program> program, Input... inputs) {
        Tensor[] leaves = new Tensor[inputs.length];
        for (int k = 0; k < inputs.length; k++) leaves[k] = inputs[k].variable();
        program.apply(leaves).backward();
        double[][] out = new double[inputs.length][];
        for (int k = 0; k < inputs.length; k++) out[k] = leaves[k].gradient();
        return out;
    }

    /** The same gradients by central differences, each evaluation on freshly built tensors. */
    static double[][] numeric(Function<Tensor[], Tensor> expression, Input... inputs) {
        double[][] out = new double[inputs.length][];
        for (int k = 0; k < inputs.length; k++) {
            out[k] = new double[inputs[k].values().length];
            for (int e = 0; e < out[k].length; e++) {
                double x = inputs[k].values()[e];
                double plus = evaluate(expression, inputs, k, e, x + H);
                double minus = evaluate(expression, inputs, k, e, x - H);
                out[k][e] = (plus - minus) / ((x + H) - (x - H));
            }
        }
        return out;
    }

    private static double evaluate(Function<Tensor[], Tensor> expression, Input[] inputs, int k, int e, double value) {
        Tensor[] fresh = new Tensor[inputs.length];
        for (int j = 0; j < inputs.length; j++) {
            double[] v = inputs[j].values().clone();
            if (j == k) v[e] = value;
            fresh[j] = Tensor.variable(inputs[j].rows(), inputs[j].cols(), v);
        }
        return expression.apply(fresh).item();
    }

    /** Asserts that autograd and central differences agree on every element of every input. */
    static void assertGradientsMatch(Function<Tensor[], Tensor> expression, Input... inputs) {
        assertProgramGradientsMatch(leaves -> Program.interpret(expression.apply(leaves)), inputs);
    }

    /** {@link #assertGradientsMatch} for a program (compiled, say), whose forward pass has run when it is given. */
    static void assertProgramGradientsMatch(Function<Tensor[], Program> program, Input... inputs) {
        double[][] analytic = autograd(program, inputs);
        double[][] numeric = numeric(leaves -> program.apply(leaves).result(), inputs);
        for (int k = 0; k < inputs.length; k++) {
            for (int e = 0; e < analytic[k].length; e++) {
                double g = analytic[k][e];
                assertEquals(numeric[k][e], g, TOLERANCE * (1 + Math.abs(g)),
                    "∂f/∂input" + k + "[" + e + "]: autograd " + g + ", central difference " + numeric[k][e]);
            }
        }
    }

    /**
     * Reduces a tensor to a scalar with a distinct weight per element, {@code Σ wᵢ·tᵢ}, so that a gradient sent
     * to the wrong element cannot hide behind a plain sum.
     */
    static Tensor weightedSum(Tensor t) {
        double[] w = new double[t.rows() * t.cols()];
        for (int i = 0; i < w.length; i++) w[i] = 0.5 + 0.25 * i * (i % 2 == 0 ? 1 : -1);
        return t.mul(Tensor.constant(t.rows(), t.cols(), w)).sum();
    }
}
