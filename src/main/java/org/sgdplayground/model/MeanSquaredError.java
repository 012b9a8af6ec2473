package org.sgdplayground.model;

import org.sgdplayground.autograd.Tensor;

/**
 * The loss of SPEC §2 built from a model's own tensor arithmetic, {@code L = Σ(model(x, p) − y)² / divisor}: the one
 * place that writes it, so that the trainer and the graph view run the same graph.
 *
 * @param prediction      {@code ŷ = model(x, p)}
 * @param squaredErrorSum {@code Σ(ŷ − y)²}, one op like {@code F.mse_loss(reduction='sum')}
 * @param loss            {@code Σ(ŷ − y)² / divisor}: the mean when {@code divisor} is the batch size
 */
public record MeanSquaredError(Tensor prediction, Tensor squaredErrorSum, Tensor loss) {

    /** The loss graph of {@code model} over the column {@code x} with targets {@code y}, divided by {@code divisor}. */
    public static MeanSquaredError of(Model model, Tensor x, Tensor y, Tensor params, int divisor) {
        Tensor prediction = model.predict(x, params);
        Tensor squaredErrorSum = prediction.squaredDistanceSum(y);
        return new MeanSquaredError(prediction, squaredErrorSum, squaredErrorSum.div(divisor));
    }
}
