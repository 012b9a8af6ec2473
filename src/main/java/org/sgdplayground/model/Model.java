package org.sgdplayground.model;

import java.util.List;
import org.sgdplayground.autograd.Tensor;

/**
 * A curve with parameters, written as plain arithmetic on tensors so that the gradient comes from autograd.
 *
 * <p>Every model here is linear in its parameters, {@code f(x; p) = Σⱼ pⱼ·φⱼ(x)}; {@link #features} gives the
 * {@code φⱼ}, which the closed-form optimum (and nothing in training) uses.
 */
public interface Model {
    /** The name used in URLs and the dropdown, e.g. {@code linear}. */
    String name();

    /** The formula shown to people, e.g. {@code p0·x + p1}. */
    String formula();

    /** The parameters' names, in order: {@code p0, p1, …}. */
    List<String> parameterNames();

    default int parameterCount() {
        return parameterNames().size();
    }

    /** The predictions for a column of inputs {@code x} ({@code n × 1}) under a column of parameters. */
    Tensor predict(Tensor x, Tensor params);

    /** The value of the curve at one {@code x}, for drawing and checking: {@code Σⱼ pⱼ·φⱼ(x)}. */
    default double valueAt(double x, double[] params) {
        double[] phi = features(x);
        double y = 0;
        for (int j = 0; j < phi.length; j++) y += params[j] * phi[j];
        return y;
    }

    /** The basis functions at {@code x}: the row of the design matrix for that point. */
    double[] features(double x);
}
