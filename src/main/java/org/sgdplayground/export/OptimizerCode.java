package org.sgdplayground.export;

import static org.sgdplayground.export.PythonNumbers.number;

import org.sgdplayground.experiment.Numbers;
import org.sgdplayground.i18n.Messages;
import org.sgdplayground.optim.Hyperparameters;

/**
 * A run's optimizer as PyTorch writes it: the {@code torch.optim} class of the same name with every setting the run
 * has, so the exported program takes the same steps ({@code SGD}, {@code Adam}, {@code RMSprop}, {@code Adagrad} with
 * PyTorch 1.13's signatures and defaults, which the playground's optimizers follow).
 */
final class OptimizerCode {
    private OptimizerCode() {}

    /**
     * Whether {@code h} is plain SGD, {@code p ← p − lr·∇} with nothing else: the program then keeps fastbook's own
     * step, {@code params.data -= lr * params.grad.data}, instead of an optimizer object.
     */
    static boolean plain(Hyperparameters h) {
        return h.optimizer().equals(Hyperparameters.SGD) && h.momentum() == 0 && h.weightDecay() == 0;
    }

    /** The constructor call of {@code h}'s optimizer over {@code params}, its learning rate the variable {@code lr}. */
    static String constructor(Hyperparameters h, String params) {
        String wd = ", weight_decay=" + number(h.weightDecay());
        return "torch.optim." + switch (h.optimizer()) {
            case Hyperparameters.ADAM -> "Adam([" + params + "], lr=lr, betas=(" + number(h.beta1()) + ", " + number(h.beta2())
                + "), eps=" + number(h.eps()) + wd + ", amsgrad=" + bool(h.amsgrad()) + ")";
            case Hyperparameters.RMSPROP -> "RMSprop([" + params + "], lr=lr, alpha=" + number(h.alpha()) + ", eps=" + number(h.eps())
                + wd + ", momentum=" + number(h.momentum()) + ", centered=" + bool(h.centered()) + ")";
            case Hyperparameters.ADAGRAD -> "Adagrad([" + params + "], lr=lr, eps=" + number(h.eps()) + wd + ")";
            default -> "SGD([" + params + "], lr=lr, momentum=" + number(h.momentum()) + ", dampening=" + number(h.dampening())
                + wd + ", nesterov=" + bool(h.nesterov()) + ")";
        };
    }

    /** {@code h} in words for the program's introduction, e.g. {@code Adam (betas 0.8, 0.99, AMSGrad)}, in English. */
    static String describe(Hyperparameters h) {
        return describe(h, Messages.english());
    }

    /** {@code h} in words in {@code m}'s language (its numbers as links write them). */
    static String describe(Hyperparameters h, Messages m) {
        String words = switch (h.optimizer()) {
            case Hyperparameters.ADAM -> m.text("notebook.optimizer.adam", "beta1", Numbers.format(h.beta1()), "beta2", Numbers.format(h.beta2()),
                "amsgrad", h.amsgrad() ? m.text("notebook.optimizer.amsgrad") : "");
            case Hyperparameters.RMSPROP -> m.text("notebook.optimizer.rmsprop", "alpha", Numbers.format(h.alpha()),
                "momentum", h.momentum() != 0 ? m.text("notebook.optimizer.rmsprop.momentum", "momentum", Numbers.format(h.momentum())) : "",
                "centered", h.centered() ? m.text("notebook.optimizer.centered") : "");
            case Hyperparameters.ADAGRAD -> m.text("notebook.optimizer.adagrad");
            default -> h.momentum() == 0 ? m.text("notebook.optimizer.sgd")
                : m.text("notebook.optimizer.momentum", "momentum", Numbers.format(h.momentum()))
                    + (h.nesterov() ? m.text("notebook.optimizer.nesterov") : "")
                    + (h.dampening() != 0 ? m.text("notebook.optimizer.dampening", "dampening", Numbers.format(h.dampening())) : "");
        };
        return h.weightDecay() == 0 ? words : words + m.text("notebook.optimizer.weightDecay", "weightDecay", Numbers.format(h.weightDecay()));
    }

    private static String bool(boolean b) {
        return b ? "True" : "False";
    }
}
