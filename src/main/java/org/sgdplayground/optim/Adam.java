package org.sgdplayground.optim;

import org.sgdplayground.autograd.Tensor;

/**
 * Adam, as {@code torch.optim.Adam} (L2 weight decay, optional AMSGrad): at step {@code t = 1, 2, …}
 * {@code g ← ∇ + wd·p}, {@code m ← β₁m + (1 − β₁)g}, {@code v ← β₂v + (1 − β₂)g²} (with AMSGrad
 * {@code v̂max ← max(v̂max, v)} is used for {@code v} below), then
 * {@code p ← p − (lr/(1 − β₁ᵗ))·m / (√v/√(1 − β₂ᵗ) + ε)}. Each parameter's step is about {@code lr} in size,
 * whatever its gradient's scale.
 */
public final class Adam implements Optimizer {
    private final Tensor params;
    private final Hyperparameters h;
    private final double[] grad, exp, expSquared, maxExpSquared, step;
    private int t;

    public Adam(Tensor params, Hyperparameters h) {
        this.params = params;
        this.h = h;
        int k = params.rows() * params.cols();
        grad = new double[k];
        exp = new double[k];
        expSquared = new double[k];
        maxExpSquared = new double[k];
        step = new double[k];
    }

    @Override
    public void step() {
        params.gradientInto(grad);
        t++;
        if (h.weightDecay() != 0) Moments.addWeightDecay(grad, params, h.weightDecay());
        double beta1 = h.beta1(), beta2 = h.beta2();
        double stepSize = h.learningRate() / (1 - Math.pow(beta1, t));
        double correction2Sqrt = Math.sqrt(1 - Math.pow(beta2, t));
        for (int i = 0; i < grad.length; i++) {
            double g = grad[i];
            exp[i] = Moments.lerp(exp[i], g, 1 - beta1);
            expSquared[i] = expSquared[i] * beta2 + (1 - beta2) * (g * g);
            double second = expSquared[i];
            if (h.amsgrad()) second = maxExpSquared[i] = Math.max(maxExpSquared[i], expSquared[i]);
            double denominator = Math.sqrt(second) / correction2Sqrt + h.eps();
            step[i] = stepSize * (exp[i] / denominator);
        }
        params.addInPlace(-1, step);
    }

    @Override
    public void zeroGrad() {
        params.zeroGrad();
    }
}
