package org.sgdplayground.page;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.Arrays;
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
            .filter(p -> p != Parameter.AUTOPLAY && p != Parameter.EVERY).map(Parameter::key).sorted().toList();
        assertEquals(expected, names.stream().sorted().toList(), "one field per run parameter, no duplicates");
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
