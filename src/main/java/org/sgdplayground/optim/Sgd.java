package org.sgdplayground.optim;

import java.util.Arrays;
import org.sgdplayground.autograd.Tensor;

/**
 * Stochastic gradient descent with momentum, as {@code torch.optim.SGD}: {@code g ← ∇ + wd·p}; then, with
 * momentum, {@code v ← g} on the first step and {@code v ← μ·v + (1 − dampening)·g} after it, and the step is
 * {@code v} (or {@code g + μ·v} with Nesterov); {@code p ← p − lr·step}. With {@code μ = 0} this is plain SGD,
 * {@code p ← p − lr·∇}, bit for bit.
 *
 * <p>The only code that changes parameters.
 */
public final class Sgd implements Optimizer {
    private final Tensor params;
    private final double learningRate;
    private final double momentum;
    private final double dampening;
    private final boolean nesterov;
    private final double weightDecay;
    private final double[] velocity;
    /** The gradient read at each step, reused so that a step allocates nothing. */
    private final double[] grad;
    private boolean started;

    public Sgd(Tensor params, double learningRate, double momentum) {
        this(params, Hyperparameters.sgd(learningRate, momentum));
    }

    public Sgd(Tensor params, Hyperparameters h) {
        if (!params.isLeaf() || !params.requiresGrad()) throw new IllegalArgumentException("SGD updates leaf parameters that want gradients");
        this.params = params;
        this.learningRate = h.learningRate();
        this.momentum = h.momentum();
        this.dampening = h.dampening();
        this.nesterov = h.nesterov();
        this.weightDecay = h.weightDecay();
        this.velocity = new double[params.rows() * params.cols()];
        this.grad = new double[velocity.length];
    }

    @Override
    public void step() {
        params.gradientInto(grad);
        if (weightDecay != 0) Moments.addWeightDecay(grad, params, weightDecay);
        if (momentum == 0) {
            params.addInPlace(-learningRate, grad);
            return;
        }
        // torch: buf = clone(g) at first, then buf.mul_(μ).add_(g, alpha=1 − dampening); without dampening the
        // first step's μ·0 + g is that same g, written as the earlier SGD wrote it so old links keep their bits
        double keep = 1 - dampening;
        boolean fresh = !started && dampening != 0;
        for (int i = 0; i < velocity.length; i++) velocity[i] = fresh ? grad[i] : momentum * velocity[i] + keep * grad[i];
        started = true;
        if (!nesterov) {
            params.addInPlace(-learningRate, velocity);
            return;
        }
        for (int i = 0; i < grad.length; i++) grad[i] = grad[i] + momentum * velocity[i];
        params.addInPlace(-learningRate, grad);
    }

    @Override
    public void zeroGrad() {
        params.zeroGrad();
    }

    /** The current velocity {@code v} (zeros without momentum). */
    public double[] velocity() {
        return Arrays.copyOf(velocity, velocity.length);
    }
}
