package org.sgdplayground.browser;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The English a translated page must not show, derived from the catalogues: every English text whose Spanish differs,
 * cut at its placeholders into the fragments a page shows word for word, keeping those that are words a reader would
 * notice: a phrase of two words or more, or one long word that is not a name the page keeps in every language (a
 * parameter, a preset, a model: `momentum` is a preset's name on a Spanish page too). Not English either: a fragment
 * the other catalogue uses itself (the Spanish preset's title is Spanish in both), and the language's own name, which
 * the language switch shows on every page ("English" beside "Español").
 */
final class EnglishLeftovers {
    private static final Path CATALOGUES = Path.of("src", "main", "resources", "i18n");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\w+}");
    private static final Pattern WORD = Pattern.compile("[A-Za-z][a-z']+");
    /** A single word shorter than this ("loss", "data", "now") could be a code name or a Spanish one; phrases are not. */
    private static final int LONE_WORD = 6;
    /** The language's name in its own words: the switch shows every language's, whatever the page's. */
    private static final String OWN_NAME = "language.name";

    private final Set<String> phrases = new TreeSet<>();
    private final Set<Pattern> words = new java.util.LinkedHashSet<>();

    /** @param keptNames names the page shows in every language (parameter keys, preset and model names, options) */
    EnglishLeftovers(String translated, Collection<String> keptNames) {
        Properties english = catalogue("en"), other = catalogue(translated);
        String otherText = String.join("\n", other.stringPropertyNames().stream().map(other::getProperty).toList());
        for (String key : english.stringPropertyNames()) {
            String text = english.getProperty(key);
            if (key.equals(OWN_NAME) || text.equals(other.getProperty(key))) continue; // the same in both: not a missed translation
            for (String fragment : PLACEHOLDER.split(text)) {
                String f = fragment.strip();
                if (otherText.contains(f)) continue; // words the translation uses itself
                long count = WORD.matcher(f).results().count();
                if (count >= 2) phrases.add(f);
                else if (count == 1 && WORD.matcher(f).results().anyMatch(m -> m.group().length() >= LONE_WORD)) {
                    String word = WORD.matcher(f).results().map(m -> m.group()).findFirst().orElseThrow();
                    if (keptNames.stream().noneMatch(n -> n.equalsIgnoreCase(word))) {
                        words.add(Pattern.compile("(?<![A-Za-z])" + Pattern.quote(word) + "(?![A-Za-z])"));
                    }
                }
            }
        }
    }

    /** How many English fragments are looked for: enough that the search means something. */
    int size() {
        return phrases.size() + words.size();
    }

    /** The English fragments found in {@code texts}, each with the text it was found in. */
    List<String> in(Collection<String> texts) {
        Set<String> found = new TreeSet<>();
        for (String text : texts) {
            for (String phrase : phrases) if (text.contains(phrase)) found.add("\"" + phrase + "\" in \"" + text + "\"");
            for (Pattern word : words) if (word.matcher(text).find()) found.add(word + " in \"" + text + "\"");
        }
        return List.copyOf(found);
    }

    static Properties catalogue(String lang) {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(CATALOGUES.resolve(lang + ".properties"), StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
