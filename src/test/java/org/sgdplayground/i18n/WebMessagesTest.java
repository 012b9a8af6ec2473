package org.sgdplayground.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The browser's words (web/i18n.js): every {@code web.*} key a module names is in every catalogue, every {@code web.*}
 * key a catalogue holds is named by some module, and each language's text takes the same placeholders as English's.
 */
class WebMessagesTest {
    private static final Path WEB = Path.of("web");
    private static final Path CATALOGUES = Path.of("src", "main", "resources", "i18n");
    /** A key as the modules write it: a quoted literal, whether passed to t() directly or kept in a table first. */
    private static final Pattern KEY_IN_SOURCE = Pattern.compile("['\"`](web\\.[A-Za-z0-9_.]+)['\"`]");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

    @Test
    void every_key_a_module_names_is_in_every_catalogue() {
        Set<String> used = keysUsedByModules().keySet();
        assertTrue(used.size() > 50, "the modules name their words by key: " + used.size() + " keys found");
        for (Map.Entry<String, Set<String>> catalogue : webKeysByLanguage().entrySet()) {
            Set<String> missing = new TreeSet<>(used);
            missing.removeAll(catalogue.getValue());
            assertEquals(Set.of(), missing, catalogue.getKey() + ".properties lacks keys that web/*.js uses "
                + "(each named with the module that uses it: " + where(missing) + ")");
        }
    }

    @Test
    void every_web_key_in_a_catalogue_is_named_by_some_module() {
        Set<String> used = keysUsedByModules().keySet();
        for (Map.Entry<String, Set<String>> catalogue : webKeysByLanguage().entrySet()) {
            Set<String> unused = new TreeSet<>(catalogue.getValue());
            unused.removeAll(used);
            assertEquals(Set.of(), unused, catalogue.getKey() + ".properties holds web.* keys no module in web/ uses");
        }
    }

    @Test
    void every_language_has_the_english_web_keys_with_the_same_placeholders() {
        Properties english = catalogue("en");
        for (String lang : webKeysByLanguage().keySet()) {
            Properties other = catalogue(lang);
            for (String key : english.stringPropertyNames()) {
                if (!key.startsWith("web.")) continue;
                assertEquals(placeholders(english.getProperty(key)), placeholders(other.getProperty(key, "")),
                    lang + "'s " + key + " takes the placeholders English's does");
            }
        }
    }

    @Test
    void spanish_is_a_translation_not_a_copy() {
        Properties english = catalogue("en"), spanish = catalogue("es");
        long same = english.stringPropertyNames().stream().filter(k -> k.startsWith("web."))
            .filter(k -> english.getProperty(k).equals(spanish.getProperty(k))).count();
        long all = english.stringPropertyNames().stream().filter(k -> k.startsWith("web.")).count();
        // a few may be the same in both: "grad" is the gradient's name in the code
        assertTrue(same <= 3, same + " of " + all + " web texts are word for word the English ones");
    }

    /** Each key named in web/*.js, with a module that names it. */
    private static Map<String, String> keysUsedByModules() {
        Map<String, String> keys = new TreeMap<>();
        try (Stream<Path> files = Files.list(WEB)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".js")).sorted().toList()) {
                Matcher m = KEY_IN_SOURCE.matcher(Files.readString(file));
                while (m.find()) keys.putIfAbsent(m.group(1), file.getFileName().toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return keys;
    }

    private static String where(Set<String> keys) {
        Map<String, String> used = keysUsedByModules();
        return keys.stream().map(k -> k + " in " + used.get(k)).collect(Collectors.joining(", "));
    }

    /** Every catalogue file's language and its web.* keys. */
    private static Map<String, Set<String>> webKeysByLanguage() {
        Map<String, Set<String>> out = new TreeMap<>();
        try (Stream<Path> files = Files.list(CATALOGUES)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".properties")).toList()) {
                String lang = file.getFileName().toString().replace(".properties", "");
                out.put(lang, catalogue(lang).stringPropertyNames().stream().filter(k -> k.startsWith("web."))
                    .collect(Collectors.toCollection(TreeSet::new)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertTrue(out.containsKey("en") && out.containsKey("es"), "English and Spanish catalogues: " + out.keySet());
        return out;
    }

    private static Properties catalogue(String lang) {
        return Catalogues.read(lang);
    }

    private static Set<String> placeholders(String text) {
        Set<String> names = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) names.add(m.group(1));
        return names;
    }
}
