package org.sgdplayground.export.picture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The replay file's inlined modules: every module replay.js needs, each importing the others by the map's names. */
class ReplayPageTest {
    private static final Pattern RELATIVE_IMPORT = Pattern.compile("from\\s*['\"]\\./|import\\s*['\"]\\./");
    private static final Pattern ANY_IMPORT = Pattern.compile("(?:from|import)\\s*['\"]([^'\"]+)['\"]");

    @Test
    void the_modules_are_replay_js_and_everything_it_imports_with_no_relative_import_left() {
        Map<String, String> modules = ReplayPage.modules(ReplayPage.browserCode());
        assertEquals("replay.js", modules.keySet().iterator().next());
        for (String name : Set.of("run.js", "plot.js", "losschart.js", "scene.js", "theme.js", "format.js", "axes.js", "scale.js", "curves.js", "wiring.js", "state.js")) {
            assertTrue(modules.containsKey(name), name);
        }
        modules.forEach((name, source) -> {
            assertFalse(RELATIVE_IMPORT.matcher(source).find(), name + " still imports by a relative path");
            Matcher m = ANY_IMPORT.matcher(source);
            while (m.find()) {
                assertTrue(m.group(1).startsWith("sgd/"), name + " imports " + m.group(1));
                assertTrue(modules.containsKey(m.group(1).substring(4)), name + " imports " + m.group(1) + ", which the map must hold");
            }
        });
    }

    @Test
    void the_import_map_holds_each_module_as_a_data_url_of_its_rewritten_source() {
        Map<String, String> modules = ReplayPage.modules(ReplayPage.browserCode());
        String html = ReplayPage.render("t", Palette.DARK, "{}", ReplayPage.browserCode());
        for (var module : modules.entrySet()) {
            String encoded = Base64.getEncoder().encodeToString(module.getValue().getBytes(StandardCharsets.UTF_8));
            assertTrue(html.contains("\"sgd/" + module.getKey() + "\":\"data:text/javascript;base64," + encoded + "\""), module.getKey());
        }
    }

    @Test
    void the_file_forbids_itself_every_request_and_keeps_json_from_closing_its_script() {
        String html = ReplayPage.render("a <b> title", Palette.LIGHT, "{\"q\":\"</script><script>alert(1)</script>\"}", ReplayPage.browserCode());
        assertTrue(html.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';"));
        assertTrue(html.contains("data-theme=\"light\""));
        assertTrue(html.contains("<title>a &lt;b&gt; title</title>"));
        assertFalse(html.contains("</script><script>alert"));
        assertTrue(html.contains("\\u003c/script\\u003e"));
    }

    @Test
    void a_spanish_replay_speaks_spanish_and_carries_the_language_and_the_browsers_words_for_its_modules() throws Exception {
        org.sgdplayground.i18n.Messages es = org.sgdplayground.i18n.Messages.of("es").orElseThrow();
        String html = ReplayPage.render("t", Palette.DARK, "{}", ReplayPage.browserCode(), es);
        assertTrue(html.contains("<html lang=\"es\""));
        assertTrue(html.contains(">" + es.text("transport.play") + "</button>"));
        assertTrue(html.contains("<p class=\"note\">" + es.text("replay.note") + "</p>"));
        Matcher boot = Pattern.compile("<script type=\"application/json\" id=\"boot\">(.*?)</script>").matcher(html);
        assertTrue(boot.find(), "a boot block, as the page's");
        com.fasterxml.jackson.databind.JsonNode json = org.sgdplayground.json.Jackson.MAPPER.readTree(boot.group(1));
        assertEquals("es", json.get("lang").asText());
        assertEquals(es.withPrefix("web.").size(), json.get("messages").size());
        es.withPrefix("web.").forEach((key, text) -> assertEquals(text, json.get("messages").get(key).asText(), key));
    }
}
