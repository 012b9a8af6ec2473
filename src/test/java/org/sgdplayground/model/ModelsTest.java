package org.sgdplayground.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sgdplayground.autograd.Tensor;

class ModelsTest {
    private static final double EPS = Math.ulp(1.0);
    private static final double[] X = {-3, -1.5, -0.2, 0, 0.7, 2, 19};

    @Test
    void linear_predicts_p0_x_plus_p1() {
        double[] p = {3.25, -2.5};
        double[] predicted = Models.LINEAR.predict(Tensor.column(X), Tensor.parameters(p)).values();
        for (int i = 0; i < X.length; i++) {
            assertEquals(p[0] * X[i] + p[1], predicted[i], 0.0, "x = " + X[i]);
        }
    }

    @Test
    void quadratic_predicts_p0_x_squared_plus_p1_x_plus_p2() {
        double[] p = {0.75, -14.25, 68.6875};
        double[] predicted = Models.QUADRATIC.predict(Tensor.column(X), Tensor.parameters(p)).values();
        for (int i = 0; i < X.length; i++) {
            double x = X[i];
            // the engine forms (x·x)·p0, the formula p0·x·x: each term within an ulp or two, so the sum within 4ε·Σ|terms|
            double magnitude = Math.abs(p[0] * x * x) + Math.abs(p[1] * x) + Math.abs(p[2]);
            assertEquals(p[0] * x * x + p[1] * x + p[2], predicted[i], 4 * EPS * magnitude, "x = " + x);
        }
    }

    @Test
    void features_and_value_at_agree_with_predict_for_every_model() {
        Random random = new Random(5);
        for (Model model : Models.all()) {
            double[] p = new double[model.parameterCount()];
            for (int j = 0; j < p.length; j++) p[j] = random.nextGaussian() * 3;
            double[] predicted = model.predict(Tensor.column(X), Tensor.parameters(p)).values();
            for (int i = 0; i < X.length; i++) {
                double[] phi = model.features(X[i]);
                assertEquals(p.length, phi.length, model.name() + ": one feature per parameter");
                double byFeatures = 0, magnitude = 0;
                for (int j = 0; j < p.length; j++) {
                    byFeatures += p[j] * phi[j];
                    magnitude += Math.abs(p[j] * phi[j]);
                }
                assertEquals(byFeatures, predicted[i], 4 * EPS * magnitude, model.name() + " at x = " + X[i]);
                assertEquals(byFeatures, model.valueAt(X[i], p), 4 * EPS * magnitude, model.name() + ".valueAt(" + X[i] + ")");
            }
        }
    }

    @Test
    void the_gradient_of_a_prediction_with_respect_to_the_parameters_is_the_features() {
        // predict is linear in p, so ∂(Σ wᵢ·fᵢ)/∂pⱼ = Σ wᵢ·φⱼ(xᵢ), exactly what the closed-form optimum relies on
        double[] w = {1, -2, 0.5, 3, -1, 0.25, 2};
        for (Model model : Models.all()) {
            Tensor p = Tensor.parameters(new double[model.parameterCount()]);
            model.predict(Tensor.column(X), p).mul(Tensor.column(w)).sum().backward();
            double[] expected = new double[model.parameterCount()];
            double[] magnitude = new double[model.parameterCount()];
            for (int i = 0; i < X.length; i++) {
                double[] phi = model.features(X[i]);
                for (int j = 0; j < phi.length; j++) {
                    expected[j] += w[i] * phi[j];
                    magnitude[j] += Math.abs(w[i] * phi[j]);
                }
            }
            double[] actual = p.gradient();
            for (int j = 0; j < expected.length; j++) {
                assertEquals(expected[j], actual[j], 8 * X.length * EPS * magnitude[j], model.name() + " ∂/∂p" + j);
            }
        }
    }

    @Test
    void the_name_table_lists_linear_then_quadratic() {
        assertEquals(List.of("linear", "quadratic"), Models.names());
        assertEquals(List.of(Models.LINEAR, Models.QUADRATIC), Models.all());
        assertSame(Models.LINEAR, Models.byName("linear").orElseThrow());
        assertSame(Models.QUADRATIC, Models.byName("quadratic").orElseThrow());
        assertTrue(Models.byName("cubic").isEmpty());
        assertTrue(Models.byName("Linear").isEmpty(), "names are exact");
    }

    @Test
    void parameter_names_count_up_from_p0() {
        assertEquals(List.of("p0", "p1"), Models.LINEAR.parameterNames());
        assertEquals(List.of("p0", "p1", "p2"), Models.QUADRATIC.parameterNames());
        assertEquals(2, Models.LINEAR.parameterCount());
        assertEquals(3, Models.QUADRATIC.parameterCount());
        assertArrayEquals(new double[] {2.5, 1}, Models.LINEAR.features(2.5), 0.0);
        assertArrayEquals(new double[] {6.25, 2.5, 1}, Models.QUADRATIC.features(2.5), 0.0);
    }
}
