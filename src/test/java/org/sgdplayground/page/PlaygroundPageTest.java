package org.sgdplayground.page;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.sgdplayground.experiment.ExperimentCodec;
import org.sgdplayground.experiment.InvalidParameterException;
import org.sgdplayground.experiment.Parameter;

class PlaygroundPageTest {
    private static final Pattern FIELD_NAME = Pattern.compile("<(?:input|select)[^>]*\\bname=\"([^\"]+)\"");
    private static final Pattern FIELDSET = Pattern.compile("<fieldset class=\"group\"><legend>([^<]+)</legend>(.*?)</fieldset>");
    /** A field's label, its key beside the label, and the name of the input or select after it. */
    private static final Pattern FIELD = Pattern.compile(
        "<span class=\"name\">([^<]+)</span><code class=\"key\">([^<]+)</code></label><(?:input|select) name=\"([^\"]+)\"");

    @Test
    void a_hostile_parameter_value_is_escaped_in_the_400_page() {
        InvalidParameterException e = assertThrows(InvalidParameterException.class,
            () -> ExperimentCodec.decode(Map.of("lr", "<script>alert(1)</script>")));
        String page = PlaygroundPage.badParameter(e, "/");
        assertFalse(page.contains("<script>alert(1)</script>"), "the value is shown as text, not markup");
        assertTrue(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the value is shown");
        assertTrue(page.contains("<code>lr</code>"), "the page names the parameter");
        assertTrue(page.contains(Parameter.LR.domain().allowed()), "the page says what is allowed");
        assertTrue(page.contains("href=\"/\""), "a way back to the defaults");
    }

    @Test
    void every_control_is_named_after_a_url_parameter_and_every_run_parameter_has_a_control() {
        String page = PlaygroundPage.render(ExperimentCodec.decode(Map.of()), "/oembed");
        List<String> names = new ArrayList<>();
        Matcher m = FIELD_NAME.matcher(page);
        while (m.find()) names.add(m.group(1));
        for (String name : names) {
            assertTrue(Parameter.byKey(name).isPresent(), name + " is a URL parameter");
        }
        List<String> expected = Parameter.values().stream()
            .filter(p -> p.group() != Parameter.Group.NONE).map(Parameter::key).sorted().toList();
        assertEquals(expected, names.stream().sorted().toList(), "one field per run parameter, no duplicates");
    }

    @Test
    void each_fieldset_is_a_group_of_the_table_with_its_parameters_fields_labelled_and_in_place_order() {
        String page = PlaygroundPage.render(ExperimentCodec.decode(Map.of()), "/oembed");
        Matcher fieldset = FIELDSET.matcher(page);
        List<Parameter.Group> seen = new ArrayList<>();
        while (fieldset.find()) {
            Parameter.Group group = Arrays.stream(Parameter.Group.values())
                .filter(g -> fieldset.group(1).equals(g.legend())).findFirst().orElseThrow(() -> new AssertionError(fieldset.group(1)));
            seen.add(group);
            List<String> fields = new ArrayList<>();
            Matcher field = FIELD.matcher(fieldset.group(2));
            while (field.find()) {
                Parameter<?> p = Parameter.byKey(field.group(2)).orElseThrow();
                assertEquals(p.label(), field.group(1), p.key() + "'s label");
                assertEquals(p.key(), field.group(3), "the field is named after its key");
                fields.add(p.key());
            }
            assertEquals(Parameter.values().stream().filter(p -> p.group() == group)
                .sorted(Comparator.comparingInt(p -> p.place().order())).map(Parameter::key).toList(), fields, group.legend());
        }
        assertEquals(Arrays.stream(Parameter.Group.values()).filter(Parameter.Group::isFieldset).toList(), seen,
            "one fieldset a group, in order");
        assertTrue(page.contains("<span class=\"name\">" + Parameter.PRESET.label() + "</span><code class=\"key\">preset</code>"),
            "the preset picker above the fieldsets");
    }

    @Test
    void the_controls_carry_each_parameters_limits_and_help_from_the_table() {
        String page = PlaygroundPage.render(ExperimentCodec.decode(Map.of()), "/oembed");
        for (Parameter<Long> p : List.of(Parameter.STEPS, Parameter.N, Parameter.SEED, Parameter.BATCH)) {
            var whole = (org.sgdplayground.experiment.Domain.Whole) p.domain();
            Matcher m = Pattern.compile("<input[^>]*name=\"" + p.key() + "\"[^>]*>").matcher(page);
            assertTrue(m.find(), p.key());
            assertTrue(m.group().contains("min=\"" + whole.min() + "\"") && m.group().contains("max=\"" + whole.max() + "\""), m.group());
            assertTrue(m.group().contains(p.help()), m.group());
        }
    }

    @Test
    void the_page_shows_the_experiments_settings_and_hands_them_to_the_script_as_json() {
        String page = PlaygroundPage.render(ExperimentCodec.decode(Map.of("preset", "roller-coaster", "lr", "2e-5")), "/oembed");
        assertTrue(page.matches("(?s).*<input[^>]*name=\"lr\"[^>]*value=\"2e-5\".*"), "the lr field holds the link's value");
        assertTrue(page.contains("<option value=\"roller-coaster\" selected>"));
        assertTrue(page.contains("<script type=\"application/json\" id=\"boot\">"));
        assertFalse(page.matches("(?s).*<script>(?!</script>).*"), "no inline executable script");
        assertFalse(page.contains("style=\""), "no inline style: the CSP forbids it");
    }

    @Test
    void json_for_a_script_block_cannot_close_the_block() {
        assertEquals("{\"a\":\"\\u003c/script\\u003e\\u0026\"}", BootData.safeForScript("{\"a\":\"</script>&\"}"));
    }
}
