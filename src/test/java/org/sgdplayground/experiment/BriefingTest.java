package org.sgdplayground.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sgdplayground.analysis.LossSurface;
import org.sgdplayground.analysis.Optimum;
import org.sgdplayground.analysis.Standardisation;
import org.sgdplayground.data.Dataset;

class BriefingTest {
    @Test
    void a_raw_run_is_briefed_with_its_settings_and_the_optimum_and_surface_of_its_own_points() {
        Experiment e = Decoding.decode("preset", "roller-coaster", "momentum", "0.5", "steps", "7");
        Dataset points = e.dataset();
        Briefing b = Briefing.of(e, points);
        assertEquals(ExperimentCodec.encode(e), b.query());
        assertEquals(ExperimentCodec.settingsByKey(e), b.settings());
        assertSame(e.model(), b.model());
        assertEquals(7, b.steps());
        assertEquals(e.speed(), b.speed());
        assertSame(points, b.points());
        assertTrue(b.standardisation().isEmpty(), "a raw run is not rescaled");
        Optimum best = Optimum.of(e.model(), points);
        assertArrayEquals(best.params(), b.optimum().params());
        assertEquals(best.loss(), b.optimum().loss());
        LossSurface s = LossSurface.of(e.model(), points);
        assertArrayEquals(s.gram(), b.surface().gram());
        assertArrayEquals(s.optimum(), b.surface().optimum());
        assertEquals(s.optimumLoss(), b.surface().optimumLoss());
        assertArrayEquals(s.curvatures(), b.surface().curvatures());
        assertEquals(2 * 1.5 / s.largestCurvature(), b.surface().stabilityLimit().getAsDouble(), 1e-15, "2(1+μ)/λmax at μ = 0.5");
        assertEquals(s.largestCurvature() / s.smallestCurvature(), b.surface().conditionNumber().getAsDouble());
    }

    @Test
    void a_standardised_run_is_briefed_in_the_scaled_units_it_trains_in_with_its_points_as_measured() {
        Experiment e = Decoding.decode("preset", "standardised");
        Dataset points = e.dataset();
        Briefing b = Briefing.of(e, points);
        Standardisation scaling = Standardisation.of(points);
        assertEquals(scaling, b.standardisation().orElseThrow());
        assertSame(points, b.points());
        Dataset scaled = scaling.apply(points);
        assertArrayEquals(Optimum.of(e.model(), scaled).params(), b.optimum().params());
        LossSurface s = LossSurface.of(e.model(), scaled);
        assertArrayEquals(s.curvatures(), b.surface().curvatures());
        assertEquals(s.stabilityLimit(0), b.surface().stabilityLimit().getAsDouble());
        assertTrue(b.surface().conditionNumber().getAsDouble() < 100, "rescaling makes every direction alike");
    }

    @Test
    void points_that_leave_a_direction_flat_have_a_stability_limit_but_no_condition_number() {
        Experiment e = ExperimentCodec.decode(Map.of("model", "linear", "steps", "3"), new double[] {2, 2, 2}, new double[] {1, 2, 3});
        Briefing b = Briefing.of(e, e.dataset());
        assertFalse(b.surface().conditionNumber().isPresent(), "every x alike: slope and intercept trade off freely");
        // features (2, 1): G = [[4, 2], [2, 1]], H = 2G has eigenvalues 0 and 10
        assertEquals(2 / 10.0, b.surface().stabilityLimit().getAsDouble(), 1e-15);
        assertEquals(2 / 3.0, b.optimum().loss(), 1e-12, "the best a line can do at x = 2 is y's mean, 2: residuals −1, 0, 1");
    }

    @Test
    void the_divergence_message_names_the_iteration_and_what_to_do() {
        assertEquals("The loss stopped being finite at iteration 12: the learning rate is too large for these points, so every"
            + " step overshoots further. Try a smaller lr.", Briefing.divergence(12));
    }
}
