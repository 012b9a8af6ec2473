package org.sgdplayground.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.ejml.simple.SimpleEVD;
import org.ejml.simple.SimpleMatrix;
import org.junit.jupiter.api.Test;
import org.sgdplayground.analysis.Optimum;
import org.sgdplayground.analysis.LossSurface;
import org.sgdplayground.analysis.Standardisation;
import org.sgdplayground.data.Dataset;

/**
 * The teaching presets do what their lessons say, in numbers derived from the exact loss surface: each full-batch
 * step multiplies the error along the Hessian's eigenvector {@code uⱼ} by {@code 1 − lr·λⱼ}.
 */
class TeachingPresetsTest {
    private record Run(Experiment experiment, List<Frame> frames, LossSurface surface) {
        double excess(int i) {
            return frames.get(i).loss() - surface.optimumLoss();
        }

        int last() {
            return frames.size() - 1;
        }
    }

    private static Run run(String preset) {
        Experiment e = ExperimentCodec.decode(Map.of("preset", preset));
        return new Run(e, new TrainingRun(e).all(), LossSurface.of(e.model(), e.dataset()));
    }

    /** The least any direction's share of the excess loss can shrink to over {@code steps} steps: min (1 − lr·λ)². */
    private static double slowestShrink(LossSurface s, double lr, int steps) {
        double least = 1;
        for (double lambda : s.curvatures()) least = Math.min(least, Math.pow(1 - lr * lambda, 2 * steps));
        return least;
    }

    @Test
    void too_small_a_learning_rate_is_still_far_above_the_optimum_after_a_hundred_steps() {
        Run slow = run("too-small-lr"), lesson = run("fastai-sgd");
        assertEquals(lesson.experiment().initialParams()[0], slow.experiment().initialParams()[0], 0, "the same start as lesson 2");
        assertEquals(100, slow.last());
        // every direction keeps at least its slowest share: a lower bound on the excess, from the surface alone
        double floor = slowestShrink(slow.surface(), slow.experiment().learningRate(), 100) * slow.excess(0);
        assertTrue(slow.excess(100) >= floor * (1 - 1e-9), slow.excess(100) + " < " + floor);
        assertTrue(slow.excess(100) > slow.surface().optimumLoss(), "the excess still dwarfs L* itself");
        assertTrue(slow.excess(100) > 1000 * lesson.excess(100), "lesson 2's lr = 0.1 gets a thousand times closer");
    }

    @Test
    void a_bouncy_learning_rate_zig_zags_across_the_valley_yet_ends_at_the_optimum() {
        Run r = run("bouncy-lr");
        LossSurface s = r.surface();
        double lr = r.experiment().learningRate(), lambdaMax = s.largestCurvature();
        assertTrue(lr > 1 / lambdaMax && lr < 2 / lambdaMax, "lr " + lr + " lies between 1/λmax and 2/λmax = " + s.stabilityLimit(0));
        assertEquals(twoDigits(Presets.BOUNCY_SHARE_OF_LIMIT * s.stabilityLimit(0)), lr, 0, "the share of the limit, to two digits");

        // the error along the steepest direction changes sign every step: p jumps across the valley's floor
        double[] gram = s.gram();
        int k = s.optimum().length;
        SimpleEVD<SimpleMatrix> eig = new SimpleMatrix(k, k, true, gram).eig();
        int top = 0;
        for (int j = 1; j < k; j++) if (eig.getEigenvalue(j).getReal() > eig.getEigenvalue(top).getReal()) top = j;
        SimpleMatrix u = eig.getEigenVector(top);
        double previous = 0;
        for (int i = 0; i <= 10; i++) {
            double along = 0;
            for (int c = 0; c < k; c++) along += u.get(c) * (r.frames().get(i).params()[c] - s.optimum()[c]);
            if (i > 0) assertTrue(along * previous < 0, "step " + i + " crosses the floor");
            previous = along;
        }
        // and yet every step is nearer: the loss falls each step and ends at L*, as the contraction bound says
        for (int i = 1; i <= r.last(); i++) assertTrue(r.excess(i) < r.excess(i - 1), "frame " + i);
        double bound = Math.pow(s.slowestContraction(lr), 2 * r.last()) * s.largestCurvature() / s.smallestCurvature() * r.excess(0);
        assertTrue(r.excess(r.last()) <= bound, r.excess(r.last()) + " > " + bound);
        assertTrue(r.excess(r.last()) < 1e-6 * r.excess(0), "ends at the optimum");
    }

    @Test
    void the_ill_conditioned_roller_coaster_crawls_for_a_thousand_steps_far_above_the_optimum() {
        Run r = run("ill-conditioned");
        LossSurface s = r.surface();
        assertEquals(1000, r.last());
        assertTrue(s.conditionNumber() > 1e4, "κ = " + s.conditionNumber());
        double lr = r.experiment().learningRate();
        assertTrue(lr < s.stabilityLimit(0), "stable: it is slow, not diverging");
        // the steep direction is gone within ten steps; after that, 990 more steps win little
        double firstTen = r.excess(0) - r.excess(10), rest = r.excess(10) - r.excess(1000);
        assertTrue(rest < 0.05 * firstTen, "first ten steps win " + firstTen + ", the next 990 only " + rest);
        assertTrue(r.excess(1000) > 10 * s.optimumLoss(), "stalls at " + r.frames().get(1000).loss() + ", L* = " + s.optimumLoss());
        double floor = slowestShrink(s, lr, 1000) * r.excess(0);
        assertTrue(r.excess(1000) >= floor * (1 - 1e-9));
    }

    @Test
    void the_standardised_roller_coaster_converges_to_the_closed_form_optimum_mapped_back() {
        Experiment e = ExperimentCodec.decode(Map.of("preset", "standardised"));
        assertTrue(e.standardize());
        Dataset raw = e.dataset();
        Standardisation scaling = Standardisation.of(raw);
        LossSurface scaled = LossSurface.of(e.model(), scaling.apply(raw)), original = LossSurface.of(e.model(), raw);
        double lr = e.learningRate();
        assertEquals(twoDigits(Presets.STANDARDISED_SHARE_OF_LIMIT * scaled.stabilityLimit(0)), lr, 0, "from the scaled limit");
        assertTrue(lr > original.stabilityLimit(0), "an lr that would blow up the raw roller coaster");
        assertTrue(scaled.conditionNumber() < original.conditionNumber() / 1000, "rescaling t makes every direction alike");

        List<Frame> frames = new TrainingRun(e).all();
        // the same curves: frame 0's loss is the raw points' error of the start mapped back to t
        double[] start = scaling.toOriginal(frames.get(0).params());
        double mse = 0;
        for (int i = 0; i < raw.size(); i++) {
            double t = raw.x(i), err = start[0] * t * t + start[1] * t + start[2] - raw.y(i);
            mse += err * err / raw.size();
        }
        assertEquals(mse, frames.get(0).loss(), 1e-9 * mse);

        double[] end = frames.get(frames.size() - 1).params();
        double bound = Math.pow(scaled.slowestContraction(lr), e.steps()) * distance(frames.get(0).params(), scaled.optimum());
        assertTrue(distance(end, scaled.optimum()) <= bound * (1 + 1e-9), "in scaled units, within the contraction bound " + bound);
        double[] best = Optimum.of(e.model(), raw).params(), mapped = scaling.toOriginal(end);
        for (int j = 0; j < best.length; j++) {
            assertEquals(best[j], mapped[j], 1e-5 * (1 + Math.abs(best[j])), "a, b, c in t: the closed-form optimum, param " + j);
        }
    }

    private static double twoDigits(double v) {
        return new java.math.BigDecimal(v).round(new java.math.MathContext(2)).doubleValue();
    }

    private static double distance(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) sum += (a[i] - b[i]) * (a[i] - b[i]);
        return Math.sqrt(sum);
    }
}
