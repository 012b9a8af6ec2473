package org.sgdplayground.experiment;

/**
 * Frame {@code iter} of a run: the parameters {@code p_iter}, the loss at them over that step's batch, and the
 * gradient of that loss. All finite. {@code batch} holds the rows of that step's minibatch when the run uses
 * minibatches over at most {@link #MAX_POINTS_FOR_BATCH_ROWS} points (so the page can light them up), else null.
 */
public record Frame(int iter, double loss, double[] params, double[] grad, int[] batch) {
    /** Above this many points a frame does not list its batch's rows: the picture could not show them anyway. */
    public static final int MAX_POINTS_FOR_BATCH_ROWS = 1000;

    /** A frame without batch rows (full batch, or too many points to list). */
    public Frame(int iter, double loss, double[] params, double[] grad) {
        this(iter, loss, params, grad, null);
    }
}
