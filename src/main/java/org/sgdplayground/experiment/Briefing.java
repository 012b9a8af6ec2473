package org.sgdplayground.experiment;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.sgdplayground.analysis.LossSurface;
import org.sgdplayground.analysis.Optimum;
import org.sgdplayground.analysis.Standardisation;
import org.sgdplayground.data.Dataset;
import org.sgdplayground.model.Model;
import org.sgdplayground.optim.Hyperparameters;

/**
 * What a client needs to draw a run before its first frame, worked out once: the settings, the model, the points,
 * the scaling, the least-squares optimum and the exact loss surface. Plain values, for the socket's {@code data}
 * message and {@code /api/train}'s answer to write as they are. With {@code standardize} the run trains on
 * {@code x' = (x − m)/s}: the optimum and surface are then in those scaled units, as the frames are, while the points
 * stay as measured. Arrays are the briefing's own: read them, do not change them.
 *
 * @param query            the run's shortest link query ({@link ExperimentCodec#encode})
 * @param settings         every setting by its URL key, as URL text
 * @param standardisation  the scaling the run trains under, empty for a run on the raw inputs
 */
public record Briefing(String query, Map<String, String> settings, Model model, int steps, double speed, Dataset points,
                       Optional<Standardisation> standardisation, Optimum optimum, Surface surface) {

    /**
     * The exact loss {@code L(p) = L* + (p − p*)ᵀG(p − p*)} for the page's teaching views ({@link LossSurface}).
     *
     * @param gram            {@code G = AᵀA/n}, row-major
     * @param curvatures      the Hessian's eigenvalues, smallest first
     * @param stabilityLimit  the largest learning rate that does not diverge with the run's optimizer, {@code 2(1+μ)/λmax}
     *                        for SGD with momentum ({@link org.sgdplayground.optim.Hyperparameters#stabilityLimit});
     *                        empty when there is none to give (every direction flat, the limit beyond a double, or an
     *                        adaptive optimizer, whose step does not scale with the curvature)
     * @param conditionNumber {@code κ = λmax/λmin}; empty when some direction is flat (the optimum is not unique)
     */
    public record Surface(double[] gram, double[] optimum, double optimumLoss, double[] curvatures,
                          OptionalDouble stabilityLimit, OptionalDouble conditionNumber) {

        static Surface of(LossSurface s, Hyperparameters optimizer) {
            double limit = s.largestCurvature() > 0 ? optimizer.stabilityLimit(s.largestCurvature()) : Double.POSITIVE_INFINITY;
            return new Surface(s.gram(), s.optimum(), s.optimumLoss(), s.curvatures(), finite(limit), finite(s.conditionNumber()));
        }

        private static OptionalDouble finite(double v) {
            return Double.isFinite(v) ? OptionalDouble.of(v) : OptionalDouble.empty();
        }
    }

    /** The briefing of {@code e} over its points (those of {@link Experiment#dataset()}, passed in so they are made once). */
    public static Briefing of(Experiment e, Dataset points) {
        Optional<Standardisation> scaling = e.standardize() ? Optional.of(Standardisation.of(points)) : Optional.empty();
        Dataset trained = scaling.map(s -> s.apply(points)).orElse(points);
        Optimum optimum = Optimum.of(e.model(), trained);
        Surface surface = Surface.of(LossSurface.of(e.model(), trained, optimum), e.hyperparameters());
        return new Briefing(ExperimentCodec.encode(e), ExperimentCodec.settingsByKey(e), e.model(), e.steps(), e.speed(),
            points, scaling, optimum, surface);
    }

    /** What the client is told when a run stops being finite at {@code iter}: why, and what to do about it. */
    public static String divergence(int iter) {
        return "The loss stopped being finite at iteration " + iter
            + ": the learning rate is too large for these points, so every step overshoots further. Try a smaller lr.";
    }
}
