package org.sgdplayground.experiment;

import java.util.ArrayList;
import java.util.List;
import org.sgdplayground.data.Seeds;

/**
 * torch.optim's four update rules written the plainest way, float64, from PyTorch's published algorithms (the
 * pseudo-code in each class's documentation and its {@code _single_tensor_*} function), for the tests to hold the
 * engine's optimizers against. The gradient is derived by hand as in {@link ReferenceSgd}; nothing is shared with
 * the engine but the seeded stream that orders the minibatches.
 */
final class ReferenceOptimizers {
    private ReferenceOptimizers() {}

    /** The settings by their PyTorch names; a rule reads those it takes. */
    record Settings(String optimizer, double lr, double momentum, double dampening, boolean nesterov, double weightDecay,
                    double beta1, double beta2, double eps, double alpha, boolean amsgrad, boolean centered) {}

    /** One frame: the parameters and the loss and gradient at them. */
    record Step(double loss, double[] params, double[] grad) {}

    /** The frames of a run until the first one that is not finite. */
    static List<Step> run(double[] xs, double[] ys, String model, double[] init, int steps, int batch, long seed, Settings s) {
        int n = xs.length, k = init.length;
        double[] p = init.clone();
        double[] buffer = new double[k], m = new double[k], v = new double[k], vMax = new double[k], gAvg = new double[k];
        boolean full = batch == 0 || batch == n;
        ReferenceSgd.BatchOrder order = full ? null : new ReferenceSgd.BatchOrder(n, batch, Seeds.stream(seed, Seeds.BATCHES));
        List<Step> out = new ArrayList<>();
        for (int i = 0; i <= steps; i++) {
            int[] rows = full ? ReferenceSgd.allRows(n) : order.next();
            double loss = 0;
            double[] grad = new double[k];
            for (int row : rows) {
                double[] phi = ReferenceSgd.features(model, xs[row]);
                double r = -ys[row];
                for (int j = 0; j < k; j++) r += p[j] * phi[j];
                loss += r * r;
                for (int j = 0; j < k; j++) grad[j] += 2 * r * phi[j] / rows.length;
            }
            loss /= rows.length;
            if (!Double.isFinite(loss) || !finite(p) || !finite(grad)) return out;
            out.add(new Step(loss, p.clone(), grad.clone()));
            int t = i + 1;
            for (int j = 0; j < k; j++) {
                double g = grad[j] + s.weightDecay() * p[j];
                switch (s.optimizer()) {
                    case "sgd" -> {
                        // b ← g at t = 1, then b ← μb + (1 − τ)g; step g + μb with Nesterov, else b
                        if (s.momentum() != 0) {
                            buffer[j] = t == 1 ? g : s.momentum() * buffer[j] + (1 - s.dampening()) * g;
                            g = s.nesterov() ? g + s.momentum() * buffer[j] : buffer[j];
                        }
                        p[j] -= s.lr() * g;
                    }
                    case "adam" -> {
                        // m̂ = m/(1 − β₁ᵗ); the divisor √(v or its running max)/√(1 − β₂ᵗ) + ε
                        m[j] = s.beta1() * m[j] + (1 - s.beta1()) * g;
                        v[j] = s.beta2() * v[j] + (1 - s.beta2()) * g * g;
                        vMax[j] = Math.max(vMax[j], v[j]);
                        double second = s.amsgrad() ? vMax[j] : v[j];
                        double mHat = m[j] / (1 - Math.pow(s.beta1(), t));
                        p[j] -= s.lr() * mHat / (Math.sqrt(second / (1 - Math.pow(s.beta2(), t))) + s.eps());
                    }
                    case "rmsprop" -> {
                        // v ← αv + (1 − α)g²; centred: ṽ = v − ḡ²; b ← μb + g/(√ṽ + ε), θ ← θ − γb
                        v[j] = s.alpha() * v[j] + (1 - s.alpha()) * g * g;
                        double tilde = v[j];
                        if (s.centered()) {
                            gAvg[j] = s.alpha() * gAvg[j] + (1 - s.alpha()) * g;
                            tilde = v[j] - gAvg[j] * gAvg[j];
                        }
                        double scaled = g / (Math.sqrt(tilde) + s.eps());
                        if (s.momentum() > 0) {
                            buffer[j] = s.momentum() * buffer[j] + scaled;
                            p[j] -= s.lr() * buffer[j];
                        } else {
                            p[j] -= s.lr() * scaled;
                        }
                    }
                    case "adagrad" -> {
                        // state_sum ← state_sum + g², θ ← θ − γ·g/(√state_sum + ε)
                        v[j] += g * g;
                        p[j] -= s.lr() * g / (Math.sqrt(v[j]) + s.eps());
                    }
                    default -> throw new IllegalArgumentException(s.optimizer());
                }
            }
        }
        return out;
    }

    private static boolean finite(double[] values) {
        for (double v : values) if (!Double.isFinite(v)) return false;
        return true;
    }
}
