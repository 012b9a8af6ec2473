package org.sgdplayground.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sgdplayground.experiment.Decoding.assertRefused;
import static org.sgdplayground.experiment.Decoding.decode;
import static org.sgdplayground.experiment.Decoding.settings;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sgdplayground.data.Generators;
import org.sgdplayground.data.Seeds;
import org.sgdplayground.model.Models;

/** Reading an experiment: what is refused and how the error reads, what is ignored, and how the layers combine. */
class ExperimentCodecTest {
    private static final String LR_RANGE = Numbers.format(Limits.MAX_LEARNING_RATE);

    // ---- names ----------------------------------------------------------------------------------------------

    @Test
    void an_unknown_preset_is_refused_with_the_list_of_presets() {
        assertRefused(settings("preset", "fastai-sdg"), "preset", "fastai-sdg", Presets.names().toArray(new String[0]));
    }

    @Test
    void an_unknown_model_is_refused_with_the_list_of_models() {
        assertRefused(settings("model", "cubic"), "model", "cubic", Models.names().toArray(new String[0]));
        assertRefused(settings("model", "Linear"), "model", "Linear", "linear");
    }

    @Test
    void unknown_data_is_refused_with_the_list_of_generators() {
        assertRefused(settings("data", "spiral"), "data", "spiral", Generators.names().toArray(new String[0]));
    }

    // ---- numbers --------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"abc", "NaN", "nan", "Infinity", "-Infinity", "+Infinity", "Inf", "0x1p-3", "0x10", "1d", "0.1f",
        "1,2", "1e", "e5", ".", "--1", "1 2", "½", "0.1.2", "1_000", "١"})
    void a_learning_rate_that_is_not_a_plain_finite_number_is_refused(String text) {
        assertRefused(settings("lr", text), "lr", text, "greater than 0", LR_RANGE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e999", "-1e999", "1e4000"})
    void a_number_too_large_for_a_double_is_refused_as_not_finite(String text) {
        assertRefused(settings("lr", text), "lr", text, "finite");
        assertRefused(settings("noise", text), "noise", text, "finite");
        assertRefused(settings("init", text + ",1"), "init", text + ",1", "finite");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.1", "1e-5", "1E-5", ".5", "5.", "+0.25", "1e+2", "  0.5  ", "0001.5", "2.5e-3"})
    void plain_decimal_and_scientific_numbers_are_read(String text) {
        assertEquals(Double.parseDouble(text.trim()), decode("lr", text).learningRate(), 0.0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"NaN", "Infinity", "abc", "1.5", "1e3", "0x10", "-Infinity", "12345678901234567890"})
    void whole_number_parameters_refuse_anything_but_digits(String text) {
        assertRefused(settings("n", text), "n", text, "whole number", "2", Integer.toString(Limits.MAX_POINTS));
        assertRefused(settings("steps", text), "steps", text, "whole number", Integer.toString(Limits.MAX_STEPS));
        assertRefused(settings("seed", text), "seed", text, "whole number", Integer.toString(Integer.MAX_VALUE));
        assertRefused(settings("batch", text), "batch", text, "whole number", Integer.toString(Limits.MAX_POINTS));
        assertRefused(settings("every", text), "every", text, "whole number", Integer.toString(Limits.MAX_STEPS));
    }

    @ParameterizedTest
    @ValueSource(strings = {"NaN", "Infinity", "-Infinity", "abc", "0x1p1"})
    void every_real_parameter_refuses_nan_infinity_and_hex(String text) {
        assertRefused(settings("noise", text), "noise", text, Numbers.format(Limits.MAX_MAGNITUDE));
        assertRefused(settings("momentum", text), "momentum", text, "0", "below 1");
        assertRefused(settings("speed", text), "speed", text, Numbers.format(Limits.MIN_SPEED), Numbers.format(Limits.MAX_SPEED));
    }

    @Test
    void out_of_range_values_are_refused_with_the_range() {
        assertRefused(settings("n", "1"), "n", "1", "from 2 to " + Limits.MAX_POINTS);
        assertRefused(settings("n", "-5"), "n", "-5", "from 2 to " + Limits.MAX_POINTS);
        assertRefused(settings("steps", "-1"), "steps", "-1", "from 0 to " + Limits.MAX_STEPS);
        assertRefused(settings("lr", "0"), "lr", "0", "greater than 0 and at most " + LR_RANGE);
        assertRefused(settings("lr", "-0.1"), "lr", "-0.1", "greater than 0 and at most " + LR_RANGE);
        assertRefused(settings("momentum", "1"), "momentum", "1", "at least 0 and below 1");
        assertRefused(settings("momentum", "-0.5"), "momentum", "-0.5", "at least 0 and below 1");
        assertRefused(settings("speed", "0"), "speed", "0", "from " + Numbers.format(Limits.MIN_SPEED) + " to " + Numbers.format(Limits.MAX_SPEED));
        assertRefused(settings("seed", "-1"), "seed", "-1", "from 0 to " + Integer.MAX_VALUE);
        assertRefused(settings("noise", "-0.001"), "noise", "-0.001", "from 0 to " + Numbers.format(Limits.MAX_MAGNITUDE));
        assertRefused(settings("batch", "-1"), "batch", "-1", "from 0 to " + Limits.MAX_POINTS);
        assertRefused(settings("every", "0"), "every", "0", "from 1 to " + Limits.MAX_STEPS);
        assertRefused(settings("autoplay", "yes"), "autoplay", "yes", "0 or 1");
        assertRefused(settings("autoplay", "2"), "autoplay", "2", "0 or 1");
    }

    @Test
    void a_batch_larger_than_the_points_is_refused_with_n() {
        assertRefused(settings("n", "50", "batch", "51"), "batch", "51", "n = 50");
        assertRefused(settings("preset", "roller-coaster", "batch", "21"), "batch", "21", "n = 20");
        assertEquals(50, decode("n", "50", "batch", "50").batch(), "a batch of all the points is allowed");
    }

    @Test
    void a_run_of_more_than_the_work_limit_is_refused_on_steps_with_the_most_steps_allowed() {
        int n = 50_000;
        long most = Limits.MAX_WORK / n;
        assertRefused(settings("n", Integer.toString(n), "steps", Long.toString(most + 1)), "steps", Long.toString(most + 1),
            "at most " + most, Integer.toString(n) + " points", Long.toString(Limits.MAX_WORK));
        // with minibatches the work is steps × batch, so the same steps fit
        assertEquals(most + 1, decode("n", Integer.toString(n), "batch", "100", "steps", Long.toString(most + 1)).steps());
    }

    // ---- init -----------------------------------------------------------------------------------------------

    @Test
    void an_explicit_init_of_the_wrong_length_is_refused_naming_the_model() {
        assertRefused(settings("init", "0.5"), "init", "0.5", "2 numbers", "linear", Models.LINEAR.formula());
        assertRefused(settings("init", "1,2,3"), "init", "1,2,3", "2 numbers", "linear");
        assertRefused(settings("model", "quadratic", "init", "1,2"), "init", "1,2", "3 numbers", "quadratic", Models.QUADRATIC.formula());
        assertRefused(settings("init", "1,2,3,4"), "init", "1,2,3,4", "1 to 3 numbers");
    }

    @Test
    void an_init_from_the_preset_that_does_not_fit_the_model_is_dropped_for_a_seeded_start() {
        Experiment e = decode("preset", "fastai-sgd", "model", "quadratic", "seed", "7");
        assertNull(e.init());
        assertArrayEquals(Seeds.standardNormal(7, 3), e.initialParams(), 0.0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a,b", "0.5,x", "1,,2", "1,", ",1", "NaN,1", "1,Infinity", "0x1p1,2", "1;2", " , "})
    void an_init_with_something_other_than_numbers_is_refused_naming_the_whole_list(String text) {
        assertRefused(settings("init", text), "init", text, "comma list", "random");
    }

    @Test
    void an_init_beyond_the_largest_magnitude_is_refused() {
        String past = Numbers.format(Math.nextUp(Limits.MAX_MAGNITUDE));
        assertRefused(settings("init", "1," + past), "init", "1," + past, Numbers.format(Limits.MAX_MAGNITUDE));
        assertArrayEquals(new double[] {-Limits.MAX_MAGNITUDE, Limits.MAX_MAGNITUDE},
            decode("init", Numbers.format(-Limits.MAX_MAGNITUDE) + "," + Numbers.format(Limits.MAX_MAGNITUDE)).init(), 0.0);
    }

    @Test
    void the_random_start_depends_on_the_seed_and_the_model_but_not_on_the_points() {
        double[] start = decode("init", "random", "seed", "5", "n", "10").initialParams();
        assertArrayEquals(start, decode("init", "random", "seed", "5", "n", "5000", "data", "coaster", "noise", "9").initialParams(), 0.0);
        assertTrue(!java.util.Arrays.equals(start, decode("init", "random", "seed", "6", "n", "10").initialParams()));
    }

    @Test
    void init_random_draws_the_start_from_the_seed() {
        Experiment e = decode("preset", "fastai-sgd", "init", "random", "seed", "11");
        assertNull(e.init());
        assertArrayEquals(Seeds.standardNormal(11, 2), e.initialParams(), 0.0);
        assertArrayEquals(new double[] {-1, 0.25}, decode("init", " -1 , 0.25 ").init(), 0.0);
    }

    // ---- what is not refused ----------------------------------------------------------------------------------

    @Test
    void unknown_parameters_are_ignored() {
        Experiment plain = decode("preset", "roller-coaster", "lr", "1e-4");
        assertEquals(plain, decode("preset", "roller-coaster", "utm_source", "newsletter", "lr", "1e-4", "fbclid", "IwAR0x!<script>",
            "LR", "NaN", "gclid", ""));
        assertEquals(plain, ExperimentCodec.decode(QueryStrings.parse("?utm_source=x&preset=roller-coaster&utm_medium=%ZZ&lr=1e-4&fbclid=abc")));
    }

    @Test
    void empty_values_count_as_absent() {
        Experiment preset = decode("preset", "roller-coaster");
        assertEquals(preset, decode("preset", "roller-coaster", "lr", "", "model", "", "n", " ", "init", "", "steps", "", "data", "",
            "noise", "", "seed", "", "batch", "", "momentum", "", "speed", "", "autoplay", "", "every", ""));
        assertEquals(Presets.defaultPreset().name(), decode("preset", "").preset());
        assertEquals(decode(), ExperimentCodec.decode(QueryStrings.parse("preset=&lr=&init")));
    }

    @Test
    void the_link_overrides_the_preset_which_overrides_the_table_defaults() {
        Experiment e = decode("preset", "roller-coaster", "lr", "0.001", "steps", "3");
        assertEquals(0.001, e.learningRate(), 0.0);
        assertEquals(3, e.steps());
        assertSame(Models.QUADRATIC, e.model(), "from the preset");
        assertEquals(20, e.n(), "from the preset");
        assertEquals(Parameter.AUTOPLAY.defaultText(), e.autoplay() ? "1" : "0", "neither sets autoplay: the table's default");
        assertTrue(decode("autoplay", "1").autoplay());
        assertTrue(decode("autoplay", "true").autoplay());
    }

    // ---- custom points ----------------------------------------------------------------------------------------

    @Test
    void custom_points_of_different_lengths_are_refused() {
        Map<String, String> none = Map.of();
        assertRefused(() -> ExperimentCodec.decode(none, new double[] {1, 2, 3}, new double[] {1, 2}), "3 x, 2 y", "y", "2 values", "x has 3");
    }

    @Test
    void too_few_or_too_many_custom_points_are_refused() {
        Map<String, String> none = Map.of();
        assertRefused(() -> ExperimentCodec.decode(none, new double[] {1}, new double[] {1}), "one point", "x", "1 values",
            "2 to " + Limits.MAX_POINTS);
        assertRefused(() -> ExperimentCodec.decode(none, new double[0], new double[0]), "no points", "x", "0 values");
        assertRefused(() -> ExperimentCodec.decode(none, null, new double[] {1, 2}), "y without x", "x", "");
        assertRefused(() -> ExperimentCodec.decode(none, new double[] {1, 2}, null), "x without y", "y", "");
    }

    @Test
    void non_finite_or_huge_custom_coordinates_are_refused_naming_the_index() {
        Map<String, String> none = Map.of();
        assertRefused(() -> ExperimentCodec.decode(none, new double[] {0, Double.NaN, 2}, new double[] {1, 2, 3}), "NaN x", "x", "x[1] = NaN",
            "finite");
        assertRefused(() -> ExperimentCodec.decode(none, new double[] {0, 1, 2}, new double[] {1, 2, Double.POSITIVE_INFINITY}), "∞ y", "y",
            "y[2] = Infinity", "finite");
        assertRefused(() -> ExperimentCodec.decode(none, new double[] {0, 1}, new double[] {Double.NEGATIVE_INFINITY, 2}), "−∞ y", "y",
            "y[0] = -Infinity");
    }

    @Test
    void custom_points_set_n_and_bound_the_batch() {
        Experiment e = ExperimentCodec.decode(settings("n", "7", "batch", "3"), new double[] {0, 1, 2}, new double[] {1, 3, 5});
        assertEquals(3, e.n());
        assertEquals(3, e.dataset().size());
        assertArrayEquals(new double[] {1, 3, 5}, e.dataset().ys(), 0.0);
        assertRefused(() -> ExperimentCodec.decode(settings("batch", "4"), new double[] {0, 1, 2}, new double[] {1, 3, 5}), "batch 4 of 3",
            "batch", "4", "n = 3");
    }
}
