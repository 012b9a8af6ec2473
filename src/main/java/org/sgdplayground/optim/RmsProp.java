package org.sgdplayground.optim;

import org.sgdplayground.autograd.Tensor;

/**
 * RMSprop, as {@code torch.optim.RMSprop}: {@code g ← ∇ + wd·p}, {@code s ← αs + (1 − α)g²}; the divisor is
 * {@code √s + ε}, or centred {@code √(s − ḡ²) + ε} with {@code ḡ ← αḡ + (1 − α)g}; then with momentum
 * {@code b ← μb + g/divisor} and {@code p ← p − lr·b}, without it {@code p ← p − lr·g/divisor}.
 */
public final class RmsProp implements Optimizer {
    private final Tensor params;
    private final Hyperparameters h;
    private final double[] grad, squareAverage, gradAverage, buffer, step;

    public RmsProp(Tensor params, Hyperparameters h) {
        this.params = params;
        this.h = h;
        int k = params.rows() * params.cols();
        grad = new double[k];
        squareAverage = new double[k];
        gradAverage = new double[k];
        buffer = new double[k];
        step = new double[k];
    }

    @Override
    public void step() {
        params.gradientInto(grad);
        if (h.weightDecay() != 0) Moments.addWeightDecay(grad, params, h.weightDecay());
        double alpha = h.alpha(), mu = h.momentum(), lr = h.learningRate();
        for (int i = 0; i < grad.length; i++) {
            double g = grad[i];
            squareAverage[i] = squareAverage[i] * alpha + (1 - alpha) * (g * g);
            double average;
            if (h.centered()) {
                gradAverage[i] = Moments.lerp(gradAverage[i], g, 1 - alpha);
                average = Math.sqrt(squareAverage[i] + -1 * (gradAverage[i] * gradAverage[i]));
            } else {
                average = Math.sqrt(squareAverage[i]);
            }
            average = average + h.eps();
            if (mu > 0) {
                buffer[i] = buffer[i] * mu + g / average;
                step[i] = lr * buffer[i];
            } else {
                step[i] = lr * (g / average);
            }
        }
        params.addInPlace(-1, step);
    }

    @Override
    public void zeroGrad() {
        params.zeroGrad();
    }
}
