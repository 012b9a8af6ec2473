package org.sgdplayground.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.simple.SimpleMatrix;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.sgdplayground.experiment.Experiment;
import org.sgdplayground.experiment.ExperimentCodec;
import org.sgdplayground.experiment.NormalEquations;
import org.sgdplayground.experiment.QueryStrings;
import org.sgdplayground.experiment.ReferenceSgd;
import org.sgdplayground.autograd.Tensor;
import org.sgdplayground.data.Dataset;
import org.sgdplayground.model.Model;
import org.sgdplayground.model.Models;

class OptimumTest {
    private static final double EPS = Math.ulp(1.0);

    /** The mean squared error through the engine, and its gradient by autograd. */
    private static double[] autogradGradient(Model model, Dataset points, double[] p) {
        Tensor params = Tensor.parameters(p);
        model.predict(Tensor.column(points.xs()), params).sub(Tensor.column(points.ys())).pow(2).mean().backward();
        return params.gradient();
    }

    /**
     * {@code (2/n)·Σᵢ |φⱼ(xᵢ)|·(Σₖ |pₖφₖ(xᵢ)| + |yᵢ|)}: the size of what the gradient {@code (2/n)·Σᵢ φⱼ(xᵢ)·(Σₖ pₖφₖ(xᵢ) − yᵢ)}
     * adds up. Evaluating it rounds by at most {@code ~n·ε} times this, and a backward-stable least-squares solver
     * (QR) leaves a normal-equation residual {@code Aᵀ(Ap − y)} of the same order — whatever the conditioning.
     */
    private static double[] gradientTermScale(String model, Dataset points, double[] p) {
        double[] scale = new double[p.length];
        for (int i = 0; i < points.size(); i++) {
            double[] phi = ReferenceSgd.features(model, points.x(i));
            double size = Math.abs(points.y(i));
            for (int j = 0; j < p.length; j++) size += Math.abs(p[j] * phi[j]);
            for (int j = 0; j < p.length; j++) scale[j] += 2 * Math.abs(phi[j]) * size / points.size();
        }
        return scale;
    }

    @ParameterizedTest
    @ValueSource(strings = {"preset=fastai-sgd", "preset=fastai-sgd-es&n=37&seed=3", "preset=roller-coaster",
        "preset=fastai-sgd&model=quadratic", "preset=roller-coaster&n=200&noise=0.5", "preset=fastai-sgd&n=10000"})
    void the_optimum_solves_the_normal_equations_and_the_autograd_gradient_vanishes_there(String query) {
        Experiment e = ExperimentCodec.decode(QueryStrings.parse(query));
        Dataset points = e.dataset();
        String model = e.model().name();
        Optimum optimum = Optimum.of(e.model(), points);

        // Solving the normal equations loses up to cond(AᵀA)·ε of relative accuracy; QR does better. A hundred
        // times that bound covers both, and is still far below any real disagreement.
        double[] normal = NormalEquations.solve(model, points);
        double cond = new SimpleMatrix(NormalEquations.gram(model, points)).conditionP2();
        double largest = 0;
        for (double v : normal) largest = Math.max(largest, Math.abs(v));
        for (int j = 0; j < normal.length; j++) {
            assertEquals(normal[j], optimum.params()[j], 100 * cond * EPS * largest, query + ": p*" + j);
        }
        double lossThere = NormalEquations.loss(model, points, optimum.params());
        assertEquals(lossThere, optimum.loss(), 1e-12 * lossThere, query + ": the optimum's loss is its mean squared error");

        // ∇loss(p*) = 0, up to the rounding of its terms and of the solver (see gradientTermScale)
        double[] atOptimum = autogradGradient(e.model(), points, optimum.params());
        double[] scale = gradientTermScale(model, points, optimum.params());
        for (int j = 0; j < atOptimum.length; j++) {
            double tolerance = 8 * points.size() * EPS * scale[j];
            assertEquals(0, atOptimum[j], tolerance, query + ": ∂loss/∂p" + j + " at p*");
            // and the check has teeth: a step of 10⁻³ along pⱼ gives a gradient far above that tolerance
            double[] nudged = optimum.params().clone();
            nudged[j] += 1e-3 * Math.max(1, Math.abs(nudged[j]));
            assertTrue(Math.abs(autogradGradient(e.model(), points, nudged)[j]) > 100 * tolerance, query + ": p" + j + " nudged");
            // a minimum: the loss rises either way
            assertTrue(NormalEquations.loss(model, points, nudged) > optimum.loss(), query + ": loss rises along +p" + j);
        }
    }

    @Test
    void points_on_a_line_are_fitted_exactly() {
        double[] x = {-2, -0.5, 0, 1, 3.5}, y = new double[x.length];
        for (int i = 0; i < x.length; i++) y[i] = 2 * x[i] - 1;
        Optimum optimum = Optimum.of(Models.LINEAR, new Dataset(x, y));
        assertEquals(2, optimum.params()[0], 1e-12);
        assertEquals(-1, optimum.params()[1], 1e-12);
        assertEquals(0, optimum.loss(), 1e-24);
        Optimum quadratic = Optimum.of(Models.QUADRATIC, new Dataset(x, y));
        assertEquals(0, quadratic.params()[0], 1e-12, "no curvature in a line");
        assertEquals(0, quadratic.loss(), 1e-24);
    }

    @Test
    void a_rank_deficient_design_still_gives_a_minimiser() {
        // every x the same: any curve through (1, mean y) is optimal, and the loss is the variance of y
        double[] x = {1, 1, 1, 1}, y = {0, 1, 3, 4};
        for (Model model : Models.all()) {
            Optimum optimum = Optimum.of(model, new Dataset(x, y));
            assertEquals(2, model.valueAt(1, optimum.params()), 1e-12, model.name());
            assertEquals(2.5, optimum.loss(), 1e-12, model.name() + ": mean of (−2, −1, 1, 2)²");
        }
    }
}
