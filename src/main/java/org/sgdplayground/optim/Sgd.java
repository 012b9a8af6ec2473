package org.sgdplayground.optim;

import java.util.Arrays;
import org.sgdplayground.autograd.Tensor;

/**
 * Stochastic gradient descent with momentum, in PyTorch's convention:
 * {@code v ← μ·v + ∇}, then {@code p ← p − lr·v}, with {@code v} starting at zero. With {@code μ = 0} this is
 * plain SGD, {@code p ← p − lr·∇}, bit for bit.
 *
 * <p>The only code that changes parameters.
 */
public final class Sgd {
    private final Tensor params;
    private final double learningRate;
    private final double momentum;
    private final double[] velocity;
    /** The gradient read at each step, reused so that a step allocates nothing. */
    private final double[] grad;

    public Sgd(Tensor params, double learningRate, double momentum) {
        if (!params.isLeaf() || !params.requiresGrad()) throw new IllegalArgumentException("SGD updates leaf parameters that want gradients");
        this.params = params;
        this.learningRate = learningRate;
        this.momentum = momentum;
        this.velocity = new double[params.rows() * params.cols()];
        this.grad = new double[velocity.length];
    }

    /** One update from the gradient the parameters hold now. */
    public void step() {
        params.gradientInto(grad);
        if (momentum == 0) {
            params.addInPlace(-learningRate, grad);
            return;
        }
        for (int i = 0; i < velocity.length; i++) velocity[i] = momentum * velocity[i] + grad[i];
        params.addInPlace(-learningRate, velocity);
    }

    /** Clears the parameters' gradient before the next backward pass. */
    public void zeroGrad() {
        params.zeroGrad();
    }

    /** The current velocity {@code v} (zeros without momentum). */
    public double[] velocity() {
        return Arrays.copyOf(velocity, velocity.length);
    }
}
