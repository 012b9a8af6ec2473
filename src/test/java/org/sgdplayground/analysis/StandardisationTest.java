package org.sgdplayground.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sgdplayground.data.Dataset;
import org.sgdplayground.experiment.Experiment;
import org.sgdplayground.experiment.ExperimentCodec;
import org.sgdplayground.experiment.Frame;
import org.sgdplayground.experiment.QueryStrings;
import org.sgdplayground.experiment.TrainingRun;
import org.sgdplayground.model.Model;

class StandardisationTest {

    private static Experiment coaster(String extra) {
        return ExperimentCodec.decode(QueryStrings.parse("preset=roller-coaster" + extra));
    }

    @Test
    void scaled_inputs_have_mean_zero_and_unit_spread() {
        Dataset d = coaster("").dataset();
        Dataset scaled = Standardisation.of(d).apply(d);
        double mean = 0, square = 0;
        for (int i = 0; i < scaled.size(); i++) { mean += scaled.x(i) / scaled.size(); square += scaled.x(i) * scaled.x(i) / scaled.size(); }
        assertEquals(0, mean, 1e-12);
        assertEquals(1, square, 1e-12);
        assertEquals(d.y(7), scaled.y(7));
    }

    @Test
    void coefficients_in_scaled_units_draw_the_same_curve_in_original_units() {
        Standardisation s = new Standardisation(9.5, 5.766);
        for (double[] scaled : List.of(new double[] {2, -3}, new double[] {0.7, -1.5, 4})) {
            double[] original = s.toOriginal(scaled);
            for (double x : new double[] {-4, 0, 3.3, 19}) {
                double viaScaled = 0, viaOriginal = 0;
                int d = scaled.length - 1;
                for (int j = 0; j <= d; j++) {
                    viaScaled += scaled[j] * Math.pow(s.apply(x), d - j);
                    viaOriginal += original[j] * Math.pow(x, d - j);
                }
                assertEquals(viaScaled, viaOriginal, 1e-9 * Math.max(1, Math.abs(viaScaled)));
            }
        }
    }

    @Test
    void the_optimum_on_scaled_inputs_maps_back_to_the_closed_form_optimum() {
        Experiment e = coaster("");
        Model model = e.model();
        Dataset d = e.dataset();
        Standardisation s = Standardisation.of(d);
        double[] viaScaled = s.toOriginal(Optimum.of(model, s.apply(d)).params());
        double[] direct = Optimum.of(model, d).params();
        for (int j = 0; j < direct.length; j++) assertEquals(direct[j], viaScaled[j], 1e-8 * Math.max(1, Math.abs(direct[j])));
    }

    @Test
    void standardising_turns_the_stalled_roller_coaster_into_one_that_converges() {
        Experiment e = coaster("&steps=100");
        Dataset d = e.dataset();
        Standardisation s = Standardisation.of(d);
        Dataset scaled = s.apply(d);
        LossSurface raw = LossSurface.of(e.model(), d), better = LossSurface.of(e.model(), scaled);
        assertTrue(better.conditionNumber() < raw.conditionNumber() / 1000,
            "κ from " + raw.conditionNumber() + " to " + better.conditionNumber());

        // The same optimiser settings but a learning rate the scaled problem allows: half its stability limit.
        double lr = 0.5 * better.stabilityLimit(0);
        Experiment scaledRun = ExperimentCodec.decode(QueryStrings.parse("preset=roller-coaster&steps=100&lr=" + lr));
        List<Frame> frames = new TrainingRun(scaledRun, scaled).all();
        double finalExcess = frames.get(100).loss() - better.optimumLoss();
        // The slowest direction contracts by at most this much each step; the excess loss by its square.
        double bound = Math.pow(better.slowestContraction(lr), 2 * 100) * (frames.get(0).loss() - better.optimumLoss());
        assertTrue(finalExcess <= bound * 1.0001 + 1e-9, finalExcess + " > " + bound);
        assertTrue(finalExcess < 1e-3 * raw.optimumLoss());

        // Unscaled at the book's lr, 100 steps leave it far from the optimum: the stall the book shows.
        List<Frame> stalled = new TrainingRun(e, d).all();
        assertTrue(stalled.get(100).loss() > 10 * raw.optimumLoss());
    }
}
