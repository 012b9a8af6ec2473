package org.sgdplayground.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sgdplayground.model.Models;

/**
 * The table is complete: every row is listed, labelled and placed, and each one is read from its own field of an
 * {@link Experiment}, so a new parameter is a row and nothing else in the codec or the page.
 */
class ParameterTest {
    /** A preset that sets no {@code init}, so changing the model changes nothing else. */
    private static final String BASE = "roller-coaster";
    /** Stored points as many as the base preset's, so that choosing them changes no other setting. */
    private static final org.sgdplayground.data.Dataset STORED = new org.sgdplayground.data.Dataset(
        new double[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19}, new double[20]);
    private static final String STORED_ID = "AbCdEfGhIjKlMn-_";
    private static final PointLookup STORE = id -> id.equals(STORED_ID) ? java.util.Optional.of(STORED) : java.util.Optional.empty();

    @Test
    void every_constant_of_the_class_is_a_row_of_the_table_once() throws IllegalAccessException {
        Set<Object> declared = new HashSet<>();
        for (Field f : Parameter.class.getDeclaredFields()) {
            if (f.getType() == Parameter.class && Modifier.isStatic(f.getModifiers())) declared.add(f.get(null));
        }
        assertEquals(declared, new HashSet<>(Parameter.values()), "values() lists every constant");
        assertEquals(Parameter.values().size(), declared.size(), "and each once");
    }

    @Test
    void every_row_has_a_key_a_label_help_and_a_place_and_no_two_share_one() {
        Set<String> keys = new HashSet<>(), labels = new HashSet<>();
        Set<Parameter.Place> places = new HashSet<>();
        for (Parameter<?> p : Parameter.values()) {
            assertTrue(p.key().matches("[a-z][a-z0-9_]*"), p.key());
            assertFalse(p.label().isBlank() || p.help().isBlank(), p.key());
            assertTrue(keys.add(p.key()), "one row for " + p.key());
            assertTrue(labels.add(p.label()), p.key() + "'s label " + p.label() + " is its own");
            if (p.group().isFieldset()) assertTrue(places.add(p.place()), p.key() + " has a place of its own");
            assertEquals(p, Parameter.byKey(p.key()).orElseThrow());
        }
    }

    @Test
    void every_fieldset_holds_a_parameter_and_the_ones_without_a_control_are_points_autoplay_show_lang_and_every() {
        for (Parameter.Group g : Parameter.Group.values()) {
            if (g.isFieldset()) assertTrue(Parameter.values().stream().anyMatch(p -> p.group() == g), g + " is not empty");
        }
        assertEquals(List.of(Parameter.PRESET), Parameter.values().stream().filter(p -> p.group() == Parameter.Group.TOP).toList());
        assertEquals(List.of(Parameter.POINTS, Parameter.AUTOPLAY, Parameter.SHOW, Parameter.LANG, Parameter.EVERY),
            Parameter.values().stream().filter(p -> p.group() == Parameter.Group.NONE).toList());
    }

    @Test
    void every_default_is_allowed_and_written_back_as_the_same_text() {
        for (Parameter<?> p : Parameter.values()) {
            if (p.defaultText().isEmpty()) continue; // init: none, drawn from the seed
            assertEquals(p.defaultText(), writtenBack(p, p.defaultText()), p.key());
        }
    }

    @Test
    void every_setting_is_read_from_its_own_field_and_a_link_carries_it_alone() {
        Experiment base = ExperimentCodec.decode(Map.of("preset", BASE));
        Map<Parameter<?>, String> before = ExperimentCodec.settings(base);
        assertEquals(Parameter.values().stream().filter(Parameter::inExperiment).toList(), List.copyOf(before.keySet()),
            "settings lists every parameter an experiment holds, in table order");
        for (Parameter<?> p : Parameter.values()) {
            // nesterov=1 needs a momentum beside it (PyTorch's rule): OptimizerParametersTest carries it in a link
            if (p == Parameter.PRESET || !p.inExperiment() || p == Parameter.NESTEROV) continue;
            String text = anotherValue(p, before.get(p), base.model().parameterCount());
            assertNotEquals(before.get(p), text, p.key());

            Experiment changed = ExperimentCodec.decode(Map.of("preset", BASE, p.key(), text), STORE);
            Map<Parameter<?>, String> after = ExperimentCodec.settings(changed);
            for (Parameter<?> q : before.keySet()) {
                assertEquals(q == p ? text : before.get(q), after.get(q), "setting " + p.key() + " shows in " + q.key());
            }
            String link = ExperimentCodec.encode(changed);
            assertEquals("preset=" + BASE + "&" + p.key() + "=" + URLEncoder.encode(text, StandardCharsets.UTF_8), link);
            Experiment back = ExperimentCodec.decode(QueryStrings.parse(link), STORE);
            assertEquals(changed, back, link);
            assertEquals(changed.hashCode(), back.hashCode(), link);
            assertNotEquals(base, changed, "experiments that differ in " + p.key() + " are not equal");
        }
    }

    @Test
    void every_setting_reads_back_what_the_experiment_holds() {
        Experiment e = new Experiment("momentum", Models.QUADRATIC, "coaster", 37, 0.25, 7,
            new double[] {1.0 / 3, -0.0, 1e-300}, 1e-5, 12, 5, 0.9, 12.5, true, null, true);
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("preset", "momentum");
        expected.put("model", "quadratic");
        expected.put("data", "coaster");
        expected.put("points", "");
        expected.put("n", "37");
        expected.put("noise", "0.25");
        expected.put("seed", "7");
        expected.put("init", "0.3333333333333333,-0,1e-300");
        expected.put("lr", "1e-5");
        expected.put("steps", "12");
        expected.put("batch", "5");
        expected.put("momentum", "0.9");
        for (String[] atDefault : new String[][] {{"optimizer", "sgd"}, {"dampening", "0"}, {"nesterov", "0"}, {"beta1", "0.9"},
            {"beta2", "0.999"}, {"amsgrad", "0"}, {"alpha", "0.99"}, {"centered", "0"}, {"eps", "1e-8"}, {"weight_decay", "0"}, {"race", "none"}}) {
            expected.put(atDefault[0], atDefault[1]);
        }
        expected.put("standardize", "1");
        expected.put("speed", "12.5");
        expected.put("autoplay", "1");
        assertEquals(expected, ExperimentCodec.settingsByKey(e));
        double[] positiveZero = e.init();
        positiveZero[1] = 0.0;
        Experiment other = new Experiment("momentum", Models.QUADRATIC, "coaster", 37, 0.25, 7, positiveZero, 1e-5, 12, 5, 0.9,
            12.5, true, null, true);
        assertNotEquals(e, other, "-0 and 0 start differently: the sign survives a link, so equality keeps it too");
    }

    /** Parses {@code text} as {@code p} and writes the value back. */
    private static <T> String writtenBack(Parameter<T> p, String text) {
        return p.domain().format(p.parse(text));
    }

    /** A value {@code p} allows, other than {@code current}, with digits that must survive the trip. */
    private static String anotherValue(Parameter<?> p, String current, int parameterCount) {
        Domain<?> d = p.domain();
        if (d instanceof Domain.Choice c) return c.options().stream().filter(o -> !o.equals(current)).findFirst().orElseThrow();
        if (d instanceof Domain.Flag) return current.equals("1") ? "0" : "1";
        if (p == Parameter.RACE) return "sgd,adam(lr=0.05)";
        if (d instanceof Domain.Token) return STORED_ID;
        if (d instanceof Domain.Whole w) return Long.toString(w.min() + 1 == Long.parseLong(current) ? w.min() + 2 : w.min() + 1);
        if (d instanceof Domain.Real r) return Numbers.format(r.min() + (r.max() - r.min()) / 3);
        double[] init = Arrays.copyOf(new double[] {1.0 / 3, -2.0 / 7, 1e-300}, parameterCount);
        return ((Domain.RealList) d).format(init);
    }
}
