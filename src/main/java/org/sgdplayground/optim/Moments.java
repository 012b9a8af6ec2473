package org.sgdplayground.optim;

import org.sgdplayground.autograd.Tensor;

/** The steps every optimizer shares, written once so that each does them in PyTorch's order. */
final class Moments {
    private Moments() {}

    /** {@code g ← g + wd·p}, torch's {@code grad.add(param, alpha=weight_decay)}. */
    static void addWeightDecay(double[] grad, Tensor params, double weightDecay) {
        double[] p = params.values();
        for (int i = 0; i < grad.length; i++) grad[i] = grad[i] + weightDecay * p[i];
    }

    /** {@code m ← m + w·(g − m)} for {@code |w| < ½}, else {@code g − (g − m)·(1 − w)}: torch's {@code lerp_}. */
    static double lerp(double m, double g, double weight) {
        return Math.abs(weight) < 0.5 ? m + weight * (g - m) : g - (g - m) * (1 - weight);
    }
}
