package org.sgdplayground.optim;

/** Moves leaf parameters from the gradient they hold: the only code that changes parameters. State is its own. */
public interface Optimizer {
    /** One update from the gradient the parameters hold now. */
    void step();

    /** Clears the parameters' gradient before the next backward pass. */
    void zeroGrad();
}
