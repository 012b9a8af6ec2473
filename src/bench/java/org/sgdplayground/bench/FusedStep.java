package org.sgdplayground.bench;

/**
 * The yardstick for the engine: one full-batch SGD step written by hand, the way anyone would — a single pass
 * over the points with plain accumulators for the loss and each partial derivative of
 * {@code mean((f(x; p) − y)²)}, then {@code p −= lr·g}. No autograd, no graph, no temporaries.
 */
final class FusedStep {
    private final double[] x, y, p;
    private final double learningRate;
    private final boolean quadratic;

    FusedStep(double[] x, double[] y, double[] initialParams, double learningRate, boolean quadratic) {
        this.x = x;
        this.y = y;
        this.p = initialParams.clone();
        this.learningRate = learningRate;
        this.quadratic = quadratic;
    }

    /** One update; returns the loss at the parameters before it. */
    double step() {
        return quadratic ? quadraticStep() : linearStep();
    }

    /** {@code f = p0·x + p1}: ∂loss/∂p0 = 2/n Σ e·x, ∂loss/∂p1 = 2/n Σ e, with e = f − y. */
    private double linearStep() {
        double p0 = p[0], p1 = p[1];
        double loss = 0, g0 = 0, g1 = 0;
        int n = x.length;
        for (int i = 0; i < n; i++) {
            double xi = x[i];
            double e = p0 * xi + p1 - y[i];
            loss += e * e;
            g0 += e * xi;
            g1 += e;
        }
        double scale = 2.0 / n;
        p[0] = p0 - learningRate * (g0 * scale);
        p[1] = p1 - learningRate * (g1 * scale);
        return loss / n;
    }

    /** {@code f = p0·x² + p1·x + p2}: the partials are 2/n Σ e·x², 2/n Σ e·x and 2/n Σ e. */
    private double quadraticStep() {
        double p0 = p[0], p1 = p[1], p2 = p[2];
        double loss = 0, g0 = 0, g1 = 0, g2 = 0;
        int n = x.length;
        for (int i = 0; i < n; i++) {
            double xi = x[i], xx = xi * xi;
            double e = p0 * xx + p1 * xi + p2 - y[i];
            loss += e * e;
            g0 += e * xx;
            g1 += e * xi;
            g2 += e;
        }
        double scale = 2.0 / n;
        p[0] = p0 - learningRate * (g0 * scale);
        p[1] = p1 - learningRate * (g1 * scale);
        p[2] = p2 - learningRate * (g2 * scale);
        return loss / n;
    }

    double[] params() {
        return p.clone();
    }
}
