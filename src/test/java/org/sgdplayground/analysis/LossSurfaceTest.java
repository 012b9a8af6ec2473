package org.sgdplayground.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sgdplayground.data.Dataset;
import org.sgdplayground.experiment.Experiment;
import org.sgdplayground.experiment.ExperimentCodec;
import org.sgdplayground.experiment.Frame;
import org.sgdplayground.experiment.Outcome;
import org.sgdplayground.experiment.QueryStrings;
import org.sgdplayground.experiment.TrainingRun;
import org.sgdplayground.model.Model;
import org.sgdplayground.model.Models;

class LossSurfaceTest {

    private static Experiment experiment(String query) {
        return ExperimentCodec.decode(QueryStrings.parse(query));
    }

    /** mean((model(x, p) − y)²) by a plain loop: the definition the surface must agree with. */
    private static double bruteForceLoss(Model model, Dataset d, double[] p) {
        double total = 0;
        for (int i = 0; i < d.size(); i++) {
            double r = model.valueAt(d.x(i), p) - d.y(i);
            total += r * r;
        }
        return total / d.size();
    }

    @Test
    void the_surface_matches_brute_force_loss_on_a_grid_for_both_models() {
        for (String query : List.of("preset=fastai-sgd", "preset=roller-coaster", "model=quadratic&n=37&seed=5")) {
            Experiment e = experiment(query);
            Dataset d = e.dataset();
            LossSurface surface = LossSurface.of(e.model(), d);
            double[] through = e.initialParams();
            double[][] grid = surface.grid(0, 1, through, -3, 4, -2, 5, 9, 7);
            for (int r = 0; r < 7; r++) {
                for (int c = 0; c < 9; c++) {
                    double[] p = through.clone();
                    p[0] = -3 + c * 7.0 / 8;
                    p[1] = -2 + r * 7.0 / 6;
                    double expected = bruteForceLoss(e.model(), d, p);
                    assertEquals(expected, grid[r][c], 1e-9 * Math.max(1, expected), query + " at " + r + "," + c);
                }
            }
        }
    }

    @Test
    void the_surface_gradient_is_the_gradient_autograd_gives_at_frame_zero() {
        Random random = new Random(3);
        for (String base : List.of("preset=fastai-sgd", "model=quadratic&n=50")) {
            double[] init = new double[base.contains("quadratic") ? 3 : 2];
            for (int i = 0; i < init.length; i++) init[i] = random.nextGaussian() * 2;
            StringBuilder q = new StringBuilder(base + "&init=");
            for (int i = 0; i < init.length; i++) q.append(i > 0 ? "," : "").append(init[i]);
            Experiment e = experiment(q.toString());
            Frame first = new TrainingRun(e).next();
            double[] expected = LossSurface.of(e.model(), e.dataset()).gradient(e.initialParams());
            for (int j = 0; j < init.length; j++) assertEquals(expected[j], first.grad()[j], 1e-9 * Math.max(1, Math.abs(expected[j])));
        }
    }

    @Test
    void the_linear_curvatures_are_the_two_by_two_closed_form_eigenvalues() {
        Experiment e = experiment("preset=fastai-sgd");
        Dataset d = e.dataset();
        // H = 2G with G = [[mean x², mean x], [mean x, 1]]: λ = tr/2 ± sqrt(tr²/4 − det)
        double mx = 0, mxx = 0;
        for (int i = 0; i < d.size(); i++) { mx += d.x(i) / d.size(); mxx += d.x(i) * d.x(i) / d.size(); }
        double a = 2 * mxx, b = 2 * mx, c = 2, tr = a + c, det = a * c - b * b;
        double big = tr / 2 + Math.sqrt(tr * tr / 4 - det), small = tr / 2 - Math.sqrt(tr * tr / 4 - det);
        LossSurface s = LossSurface.of(e.model(), d);
        assertEquals(big, s.largestCurvature(), 1e-12);
        assertEquals(small, s.smallestCurvature(), 1e-12);
        assertEquals(big / small, s.conditionNumber(), 1e-9);
        assertEquals(2 / big, s.stabilityLimit(0), 1e-12);
        assertEquals(2 * 1.9 / big, s.stabilityLimit(0.9), 1e-12);
    }

    /** How much of the way to the optimum remains after frame {@code i}: L(p_i) − L*. */
    private static double excess(List<Frame> frames, int i, LossSurface s) {
        return frames.get(i).loss() - s.optimumLoss();
    }

    @Test
    void just_below_the_stability_limit_sgd_converges_at_the_predicted_rate() {
        Experiment base = experiment("preset=fastai-sgd");
        LossSurface s = LossSurface.of(base.model(), base.dataset());
        double lr = 0.9 * s.stabilityLimit(0);
        List<Frame> frames = new TrainingRun(experiment("preset=fastai-sgd&steps=60&lr=" + lr)).all();
        assertEquals(61, frames.size());
        // The slowest direction dominates late in the run: the excess loss shrinks by contraction² a step.
        double rate = Math.pow(s.slowestContraction(lr), 2 * 10);
        double observed = excess(frames, 60, s) / excess(frames, 50, s);
        assertEquals(rate, observed, 0.02 * rate);
        assertTrue(excess(frames, 60, s) < 1e-6 * excess(frames, 0, s));
    }

    @Test
    void just_above_the_stability_limit_sgd_grows_at_the_predicted_rate_and_finally_diverges() {
        Experiment base = experiment("preset=fastai-sgd");
        LossSurface s = LossSurface.of(base.model(), base.dataset());
        double lr = 1.1 * s.stabilityLimit(0);
        List<Frame> frames = new TrainingRun(experiment("preset=fastai-sgd&steps=200&lr=" + lr)).all();
        double growth = Math.pow(Math.abs(1 - lr * s.largestCurvature()), 2 * 10);
        double observed = excess(frames, 200, s) / excess(frames, 190, s);
        assertTrue(growth > 1);
        assertEquals(growth, observed, 0.02 * growth);

        // Overflow comes when the squared error passes Double.MAX_VALUE: that takes about
        // ln(MAX / excess₀) / ln(growth per step) steps.
        double perStep = Math.pow(Math.abs(1 - lr * s.largestCurvature()), 2);
        int predicted = (int) Math.ceil(Math.log(Double.MAX_VALUE / excess(frames, 0, s)) / Math.log(perStep));
        TrainingRun longRun = new TrainingRun(experiment("preset=fastai-sgd&steps=" + 3 * predicted + "&lr=" + lr));
        longRun.all();
        assertEquals(Outcome.Kind.DIVERGED, longRun.outcome().kind());
        assertTrue(Math.abs(longRun.outcome().iter() - predicted) < 0.1 * predicted,
            "diverged at " + longRun.outcome().iter() + ", predicted about " + predicted);
    }

    @Test
    void the_roller_coaster_is_ill_conditioned_which_is_why_it_stalls() {
        Experiment e = experiment("preset=roller-coaster");
        LossSurface s = LossSurface.of(e.model(), e.dataset());
        // t² reaches 361 while the constant feature is 1: the curvatures differ by orders of magnitude.
        assertTrue(s.conditionNumber() > 1e4, "κ = " + s.conditionNumber());
        // At lr 1e-5 the flattest direction barely moves: it keeps more than 99.9% of its error each step.
        assertTrue(1 - 1e-5 * s.smallestCurvature() > 0.999);
        assertTrue(1e-5 < s.stabilityLimit(0), "the book's lr is stable");
    }

    @Test
    void grids_refuse_a_parameter_paired_with_itself() {
        LossSurface s = LossSurface.of(Models.LINEAR, new Dataset(new double[] {0, 1}, new double[] {0, 1}));
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
            () -> s.grid(1, 1, new double[] {0, 0}, 0, 1, 0, 1, 3, 3));
        assertTrue(e.getMessage().contains("two different"));
    }
}
