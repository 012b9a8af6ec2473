package org.sgdplayground.experiment;

/**
 * Frame {@code iter} of a run: the parameters {@code p_iter}, the loss at them over that step's batch, and the
 * gradient of that loss. All finite.
 */
public record Frame(int iter, double loss, double[] params, double[] grad) {}
