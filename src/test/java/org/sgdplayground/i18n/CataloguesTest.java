package org.sgdplayground.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The catalogues under {@code i18n/}: one per language, the same keys in each, each text taking English's placeholders. */
class CataloguesTest {
    private static final Path FOLDER = Path.of("src", "main", "resources", "i18n");

    @Test
    void the_languages_are_the_catalogue_files_present_english_first() throws IOException {
        List<String> files;
        try (Stream<Path> s = Files.list(FOLDER)) {
            files = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".properties"))
                .map(n -> n.substring(0, n.length() - ".properties".length())).sorted().toList();
        }
        assertTrue(files.containsAll(List.of("en", "es")), files.toString());
        assertEquals("en", Messages.languages().get(0));
        assertEquals(Set.copyOf(files), Set.copyOf(Messages.languages()));
    }

    @Test
    void every_language_holds_every_english_key_and_no_other() {
        Set<String> english = Messages.english().entries().keySet();
        assertTrue(english.size() > 150, "the server's and the browser's words: " + english.size());
        for (String lang : Messages.languages()) {
            Set<String> keys = Messages.of(lang).orElseThrow().entries().keySet();
            Set<String> missing = new TreeSet<>(english), extra = new TreeSet<>(keys);
            missing.removeAll(keys);
            extra.removeAll(english);
            assertEquals(Set.of(), missing, lang + ".properties lacks these keys");
            assertEquals(Set.of(), extra, lang + ".properties has keys English does not");
        }
    }

    @Test
    void every_text_takes_the_placeholders_english_takes() {
        for (String lang : Messages.languages()) {
            Messages m = Messages.of(lang).orElseThrow();
            Messages.english().entries().forEach((key, english) -> assertEquals(Set.copyOf(Messages.placeholders(english)),
                Set.copyOf(Messages.placeholders(m.entries().getOrDefault(key, ""))), lang + "'s " + key));
        }
    }

    @Test
    void every_catalogue_names_its_own_language_in_that_language() {
        assertEquals("English", Messages.english().text("language.name"));
        assertEquals("Español", Messages.of("es").orElseThrow().text("language.name"));
    }

    @Test
    void catalogues_are_read_as_utf_8() {
        // ISO-8859-1, Properties.load(InputStream)'s reading, would turn the two bytes of "ó" into "Ã³"
        String title = Messages.of("es").orElseThrow().text("preset.roller-coaster.title");
        assertTrue(title.contains("montaña"), title);
    }

    @Test
    void placeholders_are_filled_by_name_and_keep_a_number_as_written() {
        Messages spanish = Messages.of("es").orElseThrow();
        assertEquals("fastbook cap. 4: la montaña rusa", spanish.text("preset.roller-coaster.title"));
        String raw = spanish.entries().get("preview.loss");
        String filled = spanish.text("preview.loss", "fit", "F", "loss", "0.08073", "steps", 100);
        assertEquals(raw.replace("{fit}", "F").replace("{loss}", "0.08073").replace("{steps}", "100"), filled);
        assertTrue(filled.contains("0.08073"), "the decimal point stays a point: " + filled);
    }

    @Test
    void a_missing_key_or_an_unfilled_placeholder_fails_loudly() {
        IllegalArgumentException noKey = assertThrows(IllegalArgumentException.class, () -> Messages.english().text("no.such.key"));
        assertTrue(noKey.getMessage().contains("no.such.key"), noKey.getMessage());
        IllegalArgumentException unfilled = assertThrows(IllegalArgumentException.class,
            () -> Messages.english().text("preview.loss", "fit", "F"));
        assertTrue(unfilled.getMessage().contains("{loss}"), unfilled.getMessage());
    }

    @Test
    void parts_cut_a_text_at_its_placeholders() {
        String raw = Messages.english().entries().get("error.bad.value");
        List<String> parts = Messages.english().parts("error.bad.value");
        assertEquals(List.of("parameter", "value"), List.of(parts.get(1), parts.get(3)));
        assertEquals(raw, parts.get(0) + "{parameter}" + parts.get(2) + "{value}" + parts.get(4));
    }

    @Test
    void the_browser_gets_every_web_key_and_only_those() {
        Map<String, String> web = Messages.of("es").orElseThrow().withPrefix(Messages.WEB_PREFIX);
        assertTrue(web.keySet().stream().allMatch(k -> k.startsWith("web.")));
        long expected = Messages.english().entries().keySet().stream().filter(k -> k.startsWith("web.")).count();
        assertEquals(expected, web.size());
    }
}
