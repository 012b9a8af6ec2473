package org.sgdplayground.experiment;

import org.sgdplayground.optim.Hyperparameters;

/**
 * An experiment's choice of optimizer and its settings beyond {@code lr} and {@code momentum} (SPEC §8), with
 * PyTorch's names and defaults; {@code race} names the lanes when the experiment is a race of optimizers.
 *
 * @param optimizer   {@code sgd}, {@code adam}, {@code rmsprop} or {@code adagrad}
 * @param nesterov    SGD's Nesterov momentum
 * @param dampening   SGD's dampening of the velocity
 * @param weightDecay the L2 penalty every optimizer adds to the gradient
 * @param beta1       Adam's first-moment decay
 * @param beta2       Adam's second-moment decay
 * @param eps         the denominator's guard (Adam, RMSprop, Adagrad)
 * @param alpha       RMSprop's smoothing
 * @param amsgrad     Adam's AMSGrad variant
 * @param centered    RMSprop's centred variant
 * @param race        the race's lanes as a link writes them ({@link Race}), or {@link #NO_RACE} for a single run
 */
public record OptimizerSettings(String optimizer, boolean nesterov, double dampening, double weightDecay, double beta1,
                                double beta2, double eps, double alpha, boolean amsgrad, boolean centered, String race) {
    /**
     * The {@code race} of a single run. A word rather than nothing, so that a lane of a race preset, run alone,
     * can say so in its link ({@code preset=race-adam&race=none&optimizer=adam}) instead of inheriting the race.
     */
    public static final String NO_RACE = "none";

    /** Plain SGD, no race: every experiment before optimizers were a choice. */
    public static final OptimizerSettings SGD = new OptimizerSettings(Hyperparameters.SGD, false, 0, 0, 0.9, 0.999,
        Hyperparameters.defaultEps(Hyperparameters.SGD), 0.99, false, false, NO_RACE);

    /** These settings with {@code learningRate} and {@code momentum}, for the optimizer to run with. */
    public Hyperparameters hyperparameters(double learningRate, double momentum) {
        return new Hyperparameters(optimizer, learningRate, momentum, dampening, nesterov, weightDecay, beta1, beta2, eps,
            alpha, amsgrad, centered);
    }

    /** The same settings run alone, not as a race. */
    public OptimizerSettings single() {
        return new OptimizerSettings(optimizer, nesterov, dampening, weightDecay, beta1, beta2, eps, alpha, amsgrad, centered, NO_RACE);
    }

    /** Whether this is a race of several lanes. */
    public boolean isRace() {
        return !race.equals(NO_RACE);
    }
}
