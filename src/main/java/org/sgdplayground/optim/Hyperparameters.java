package org.sgdplayground.optim;

import java.util.List;

/**
 * One optimizer and its settings, named and defaulted as in {@code torch.optim} (SGD, Adam, RMSprop, Adagrad);
 * a setting the chosen optimizer does not take is ignored. {@link #check()} applies PyTorch's own constraints.
 *
 * @param optimizer    {@code sgd}, {@code adam}, {@code rmsprop} or {@code adagrad}
 * @param learningRate {@code lr}
 * @param momentum     SGD's and RMSprop's μ
 * @param dampening    SGD's: the velocity takes {@code (1 − dampening)·g} after the first step
 * @param nesterov     SGD's Nesterov momentum: the step is {@code g + μ·v}
 * @param weightDecay  L2 penalty: every optimizer adds {@code weightDecay·p} to the gradient first
 * @param beta1        Adam's first-moment decay
 * @param beta2        Adam's second-moment decay
 * @param eps          added to the denominator (Adam, RMSprop, Adagrad)
 * @param alpha        RMSprop's smoothing of the squared gradient
 * @param amsgrad      Adam's AMSGrad: divide by the largest second moment so far
 * @param centered     RMSprop's centred variant: divide by an estimate of the gradient's variance
 */
public record Hyperparameters(String optimizer, double learningRate, double momentum, double dampening, boolean nesterov,
                              double weightDecay, double beta1, double beta2, double eps, double alpha, boolean amsgrad,
                              boolean centered) {
    public static final String SGD = "sgd", ADAM = "adam", RMSPROP = "rmsprop", ADAGRAD = "adagrad";

    /** The optimizers by name, default first. */
    public static final List<String> NAMES = List.of(SGD, ADAM, RMSPROP, ADAGRAD);

    /** PyTorch's {@code eps} default for {@code optimizer}: 1e-10 for Adagrad, 1e-8 for Adam and RMSprop. */
    public static double defaultEps(String optimizer) {
        return ADAGRAD.equals(optimizer) ? 1e-10 : 1e-8;
    }

    /** Plain SGD with momentum μ, as before optimizers were a choice. */
    public static Hyperparameters sgd(double learningRate, double momentum) {
        return new Hyperparameters(SGD, learningRate, momentum, 0, false, 0, 0.9, 0.999, defaultEps(SGD), 0.99, false, false);
    }

    /**
     * The first setting PyTorch's constructor would refuse, as {@code [name, why]}, or null when all are allowed:
     * Nesterov needs a momentum and no dampening ({@code torch.optim.SGD}).
     */
    public String[] check() {
        if (!NAMES.contains(optimizer)) return new String[] {"optimizer", "one of " + String.join(", ", NAMES)};
        if (SGD.equals(optimizer) && nesterov && (momentum <= 0 || dampening != 0)) {
            return new String[] {"nesterov", "1 only with momentum > 0 and dampening = 0 (Nesterov momentum needs a momentum and no dampening, as in torch.optim.SGD)"};
        }
        return null;
    }

    /** Whether this optimizer takes the setting named {@code key} (its URL name), so that the page shows it. */
    public static boolean takes(String optimizer, String key) {
        return switch (key) {
            case "momentum" -> SGD.equals(optimizer) || RMSPROP.equals(optimizer);
            case "dampening", "nesterov" -> SGD.equals(optimizer);
            case "beta1", "beta2", "amsgrad" -> ADAM.equals(optimizer);
            case "alpha", "centered" -> RMSPROP.equals(optimizer);
            case "eps" -> !SGD.equals(optimizer);
            default -> true;
        };
    }

    /** A new optimizer with these settings for {@code params}, its state (moments, step count) fresh. */
    public Optimizer create(org.sgdplayground.autograd.Tensor params) {
        return switch (optimizer) {
            case ADAM -> new Adam(params, this);
            case RMSPROP -> new RmsProp(params, this);
            case ADAGRAD -> new Adagrad(params, this);
            default -> new Sgd(params, this);
        };
    }

    /**
     * The largest learning rate at which this optimizer converges on a quadratic whose largest curvature is
     * {@code λmax}, or NaN when no such limit applies. On each eigendirection gradient descent with heavy-ball
     * momentum is the linear recurrence {@code e' = e − h·v'}, {@code v' = μv + c·λ(e)}; it is stable while
     * {@code lr·c·λ < 2(1 + μ)} ({@code c = 1 − dampening}), and with Nesterov while {@code lr·λ < 2(1 + μ)/(1 + 2μ)}.
     * Weight decay adds {@code weightDecay} to every curvature. Adam, RMSprop and Adagrad divide each step by the
     * gradient's own running size, so their step is about {@code lr} whatever the curvature: 2/λmax says nothing
     * about them.
     */
    public double stabilityLimit(double largestCurvature) {
        if (!SGD.equals(optimizer)) return Double.NaN;
        double lambda = largestCurvature + weightDecay;
        if (nesterov) return 2 * (1 + momentum) / ((1 + 2 * momentum) * lambda);
        double gain = momentum > 0 ? 1 - dampening : 1;
        return 2 * (1 + momentum) / (gain * lambda);
    }
}
