package org.sgdplayground.optim;

import org.sgdplayground.autograd.Tensor;

/**
 * Adagrad, as {@code torch.optim.Adagrad} (no learning-rate decay, accumulator from 0): {@code g ← ∇ + wd·p},
 * {@code s ← s + g²}, {@code p ← p − lr·g/(√s + ε)}. Each parameter's step shrinks as its squared gradients add up.
 */
public final class Adagrad implements Optimizer {
    private final Tensor params;
    private final Hyperparameters h;
    private final double[] grad, sum, step;

    public Adagrad(Tensor params, Hyperparameters h) {
        this.params = params;
        this.h = h;
        int k = params.rows() * params.cols();
        grad = new double[k];
        sum = new double[k];
        step = new double[k];
    }

    @Override
    public void step() {
        params.gradientInto(grad);
        if (h.weightDecay() != 0) Moments.addWeightDecay(grad, params, h.weightDecay());
        double lr = h.learningRate();
        for (int i = 0; i < grad.length; i++) {
            double g = grad[i];
            sum[i] = sum[i] + g * g;
            step[i] = lr * (g / (Math.sqrt(sum[i]) + h.eps()));
        }
        params.addInPlace(-1, step);
    }

    @Override
    public void zeroGrad() {
        params.zeroGrad();
    }
}
