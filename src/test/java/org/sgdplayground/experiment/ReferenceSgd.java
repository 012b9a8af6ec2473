package org.sgdplayground.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.sgdplayground.data.Seeds;

/**
 * SPEC §2 written the plainest way, for the tests to hold {@link TrainingRun} against: float64 loops, the model's
 * features typed out by hand, and the gradient of the mean squared error derived by hand,
 * {@code ∂/∂pⱼ mean((Σₖ pₖφₖ(x) − y)²) = (2/m)·Σᵢ rᵢ·φⱼ(xᵢ)}. It shares nothing with the engine but the seeded
 * random stream that orders the minibatches.
 */
public final class ReferenceSgd {
    private ReferenceSgd() {}

    /**
     * One frame as the reference sees it.
     *
     * @param gradScale {@code (2/m)·Σᵢ |rᵢ·φⱼ(xᵢ)|}: the size of the terms the gradient adds, which bounds how far two
     *                  summation orders can disagree even when the sum itself cancels to nearly zero
     * @param log10Loss {@code log₁₀} of the loss, computed without overflow (finite even when the loss is not)
     */
    record Step(double loss, double[] params, double[] grad, double[] gradScale, double log10Loss) {}

    /** The run's frames up to and not including the first whose loss, parameters or gradient are not finite. */
    record Run(List<Step> steps, boolean diverged, double log10LossAtDivergence) {}

    /** {@code φ(x)}: {@code (x, 1)} for the line, {@code (x², x, 1)} for the parabola. */
    public static double[] features(String model, double x) {
        switch (model) {
            case "linear": return new double[] {x, 1};
            case "quadratic": return new double[] {x * x, x, 1};
            default: throw new IllegalArgumentException(model);
        }
    }

    static Run run(double[] xs, double[] ys, String model, double[] init, double learningRate, double momentum,
                   int steps, int batch, long seed) {
        int n = xs.length, k = init.length;
        double[] p = init.clone(), v = new double[k];
        boolean full = batch == 0 || batch == n;
        BatchOrder order = full ? null : new BatchOrder(n, batch, Seeds.stream(seed, Seeds.BATCHES));
        List<Step> out = new ArrayList<>();
        for (int i = 0; i <= steps; i++) {
            int[] rows = full ? allRows(n) : order.next();
            int m = rows.length;
            double loss = 0, maxResidual = 0;
            double[] grad = new double[k], scale = new double[k], r = new double[m];
            for (int b = 0; b < m; b++) {
                double[] phi = features(model, xs[rows[b]]);
                double prediction = 0;
                for (int j = 0; j < k; j++) prediction += p[j] * phi[j];
                r[b] = prediction - ys[rows[b]];
                loss += r[b] * r[b];
                maxResidual = Math.max(maxResidual, Math.abs(r[b]));
                for (int j = 0; j < k; j++) {
                    grad[j] += 2 * r[b] * phi[j];
                    scale[j] += Math.abs(2 * r[b] * phi[j]);
                }
            }
            loss /= m;
            for (int j = 0; j < k; j++) {
                grad[j] /= m;
                scale[j] /= m;
            }
            double log10Loss = log10MeanSquare(r, maxResidual);
            if (!Double.isFinite(loss) || !allFinite(p) || !allFinite(grad)) return new Run(out, true, log10Loss);
            out.add(new Step(loss, p.clone(), grad, scale, log10Loss));
            for (int j = 0; j < k; j++) {
                v[j] = momentum * v[j] + grad[j];
                p[j] = p[j] - learningRate * v[j];
            }
        }
        return new Run(out, false, Double.NaN);
    }

    /** {@code log₁₀ mean(r²)} as {@code 2·log₁₀ max|r| + log₁₀ mean((r/max|r|)²)}, which cannot overflow. */
    private static double log10MeanSquare(double[] r, double maxResidual) {
        if (maxResidual == 0) return Double.NEGATIVE_INFINITY;
        double scaled = 0;
        for (double ri : r) scaled += (ri / maxResidual) * (ri / maxResidual);
        return 2 * Math.log10(maxResidual) + Math.log10(scaled / r.length);
    }

    static int[] allRows(int n) {
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) rows[i] = i;
        return rows;
    }

    private static boolean allFinite(double[] values) {
        for (double v : values) if (!Double.isFinite(v)) return false;
        return true;
    }

    /**
     * The minibatch order: each epoch, Fisher–Yates from back to front ({@code nextInt(i + 1)} for
     * {@code i = n−1 … 1}) over the batch stream, applied to the previous epoch's order (0…n−1 the first time),
     * then batches cut in order, the last one smaller.
     */
    static final class BatchOrder {
        private final int n, size;
        private final Random random;
        private int[] permutation;
        private int position;

        BatchOrder(int n, int size, Random random) {
            this.n = n;
            this.size = size;
            this.random = random;
            this.permutation = allRows(n);
            shuffle();
        }

        private void shuffle() {
            for (int i = n - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = permutation[i];
                permutation[i] = permutation[j];
                permutation[j] = t;
            }
            position = 0;
        }

        int[] next() {
            if (position == n) {
                permutation = allRows(n); // every epoch is a fresh permutation of 0…n−1, like torch.randperm
                shuffle();
            }
            int count = Math.min(size, n - position);
            int[] rows = new int[count];
            System.arraycopy(permutation, position, rows, 0, count);
            position += count;
            return rows;
        }
    }
}
