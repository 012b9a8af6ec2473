package org.sgdplayground.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sgdplayground.analysis.Standardisation;
import org.sgdplayground.data.Dataset;
import org.sgdplayground.experiment.Experiment;
import org.sgdplayground.experiment.ExperimentCodec;

/** The note beside the standardize switch speaks of the points on screen, not of the roller coaster everywhere. */
class ScalingNoteTest {
    @Test
    void on_the_roller_coaster_t_squared_reaches_361_while_1_stays_1_and_scaling_brings_it_near_3() {
        Experiment e = ExperimentCodec.decode(Map.of("preset", "roller-coaster"));
        // t = 0…19: mean 9.5, sd √(399/12) = 5.766, so t' reaches 9.5/5.766 = 1.648 and t'² 2.714
        assertEquals("Why it helps: here t runs from 0 to 19, so t² reaches 361 while 1 stays 1: one lr is too big for p0 and "
            + "too small for p2. Scaled, x' = (t − 9.5)/5.766 runs from -1.648 to 1.648, so x'² reaches 2.714 and every "
            + "direction is alike.", ScalingNote.of(e));
    }

    @Test
    void a_line_through_the_roller_coaster_speaks_of_t_not_t_squared() {
        String note = ScalingNote.of(ExperimentCodec.decode(Map.of("preset", "roller-coaster", "model", "linear")));
        assertTrue(note.contains("so t reaches 19 while 1 stays 1: one lr is too big for p0 and too small for p1."), note);
    }

    @Test
    void on_lesson_twos_line_x_is_already_about_1_so_scaling_changes_little() {
        Experiment e = ExperimentCodec.decode(Map.of("preset", "fastai-sgd"));
        double[] x = e.dataset().xs();
        double lo = Arrays.stream(x).min().orElseThrow(), hi = Arrays.stream(x).max().orElseThrow();
        double far = Math.abs(lo) > Math.abs(hi) ? lo : hi;
        assertTrue(lo > -1 && hi < 1 && Math.abs(far) > 0.9, "x ~ U(−1, 1)");
        String note = ScalingNote.of(e);
        assertTrue(note.startsWith("Here x runs from " + ShownNumbers.format(lo) + " to " + ShownNumbers.format(hi) + ", so x reaches "
            + ShownNumbers.format(far) + ", about as big as the constant 1: scaling changes little (x' = (x "), note);
        assertTrue(!note.contains("361") && !note.contains("Why it helps"), note);
    }

    @Test
    void tiny_inputs_make_the_constant_the_steep_direction() {
        double[] x = {-0.02, -0.01, 0, 0.01, 0.02};
        String note = ScalingNote.of(x, Standardisation.of(new Dataset(x, new double[5])), List.of("p0", "p1", "p2"), "x");
        // the mean is 0 up to rounding; sd = √(0.001/5) = 0.01414, so x' reaches 0.02/0.01414 = 1.414 and x'² 2
        assertEquals("Why it helps: here x runs from -0.02 to 0.02, so x² reaches only 4e-4 while 1 stays 1: one lr is too small "
            + "for p0 and too big for p2. Scaled, x' = x/0.01414 runs from -1.414 to 1.414, so x'² reaches 2 and every "
            + "direction is alike.", note);
    }
}
