package org.sgdplayground.experiment;

import java.util.Arrays;
import java.util.Objects;
import org.sgdplayground.data.Dataset;
import org.sgdplayground.data.Generators;
import org.sgdplayground.data.Seeds;
import org.sgdplayground.model.Model;

/**
 * Every setting of one run (SPEC §1), already validated. Make one with {@link ExperimentCodec}; the same
 * experiment always gives the same points, start, minibatches and frames.
 *
 * @param preset        the preset it started from
 * @param model         the curve
 * @param data          the generator's name (ignored when {@code customPoints} is set)
 * @param n             how many points
 * @param noise         the generator's noise scale
 * @param seed          seeds the points, the random start and the minibatch order
 * @param init          the starting parameters, or null to draw them from N(0,1) with the seed
 * @param learningRate  the step size
 * @param steps         how many updates
 * @param batch         points per minibatch; 0 for full batch
 * @param momentum      PyTorch's μ
 * @param speed         animation rate, updates a second (does not change the run)
 * @param autoplay      whether the page starts on load (does not change the run)
 * @param customPoints  points sent to the API instead of a generator, or null
 * @param standardize   whether the run trains on {@code x' = (x − mean)/sd} (analysis.Standardisation) rather than x
 * @param points        the id of stored points ({@code customPoints} holds them), or null
 * @param optimizer     the optimizer and its settings beyond lr and momentum, or the race (SPEC §8)
 */
public record Experiment(String preset, Model model, String data, int n, double noise, long seed, double[] init,
                         double learningRate, int steps, int batch, double momentum, double speed, boolean autoplay,
                         Dataset customPoints, boolean standardize, String points, OptimizerSettings optimizer) {

    public Experiment {
        Objects.requireNonNull(model);
        Objects.requireNonNull(optimizer);
        init = init == null ? null : init.clone();
    }

    /** An experiment trained by plain SGD (with {@code momentum}), as every experiment was before SPEC §8. */
    public Experiment(String preset, Model model, String data, int n, double noise, long seed, double[] init,
                      double learningRate, int steps, int batch, double momentum, double speed, boolean autoplay,
                      Dataset customPoints, boolean standardize, String points) {
        this(preset, model, data, n, noise, seed, init, learningRate, steps, batch, momentum, speed, autoplay, customPoints,
            standardize, points, OptimizerSettings.SGD);
    }

    /** This experiment with another learning rate, momentum and optimizer: a lane of a race, or a lane run alone. */
    public Experiment withOptimizer(double learningRate, double momentum, OptimizerSettings optimizer) {
        return new Experiment(preset, model, data, n, noise, seed, init, learningRate, steps, batch, momentum, speed, autoplay,
            customPoints, standardize, points, optimizer);
    }

    /** The optimizer's settings, {@code lr} and {@code momentum} included. */
    public org.sgdplayground.optim.Hyperparameters hyperparameters() {
        return optimizer.hyperparameters(learningRate, momentum);
    }

    /** An experiment on generated points or points given as they are (no stored id). */
    public Experiment(String preset, Model model, String data, int n, double noise, long seed, double[] init,
                      double learningRate, int steps, int batch, double momentum, double speed, boolean autoplay,
                      Dataset customPoints, boolean standardize) {
        this(preset, model, data, n, noise, seed, init, learningRate, steps, batch, momentum, speed, autoplay, customPoints, standardize, null);
    }

    /** An experiment on the raw inputs (no standardisation). */
    public Experiment(String preset, Model model, String data, int n, double noise, long seed, double[] init,
                      double learningRate, int steps, int batch, double momentum, double speed, boolean autoplay,
                      Dataset customPoints) {
        this(preset, model, data, n, noise, seed, init, learningRate, steps, batch, momentum, speed, autoplay, customPoints, false);
    }

    @Override
    public double[] init() {
        return init == null ? null : init.clone();
    }

    /** The points of this run. */
    public Dataset dataset() {
        if (customPoints != null) return customPoints;
        return Generators.byName(data).orElseThrow().generate(n, noise, seed);
    }

    /** {@code init}, or {@code k} draws from N(0,1) with the seed, as {@code torch.randn(k)}. */
    public double[] initialParams() {
        return init != null ? init.clone() : Seeds.standardNormal(seed, model.parameterCount());
    }

    /** Points per update: the batch size, or all of them. */
    public int pointsPerStep() {
        return batch == 0 ? n : batch;
    }

    /**
     * Equal when every parameter of the table holds the same value (arrays by content, doubles by bits) and so do
     * the points: a new parameter joins by its row, a component that is not a parameter joins here by hand.
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof Experiment e && Objects.equals(customPoints, e.customPoints)
            && Parameter.values().stream().filter(Parameter::inExperiment).allMatch(p -> Objects.deepEquals(p.valueIn(this), p.valueIn(e)));
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.deepHashCode(Parameter.values().stream().filter(Parameter::inExperiment).map(p -> p.valueIn(this)).toArray())
            + Objects.hashCode(customPoints);
    }

    @Override
    public String toString() {
        return "Experiment[" + ExperimentCodec.encode(this) + (customPoints != null ? ", custom points" : "") + "]";
    }
}
