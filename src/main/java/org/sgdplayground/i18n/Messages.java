package org.sgdplayground.i18n;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One language's words for people: the catalogue {@code i18n/LANG.properties}, read once, never changed. A text may
 * hold named placeholders, {@code {iter}}, filled by plain replacement (no {@code MessageFormat}: its quoting rules
 * would eat the apostrophes of "fastbook's"). Numbers are filled in already written ({@code ShownNumbers}), so both
 * languages keep the notebook's decimal point.
 *
 * <p>Every language is the set of catalogue files present: adding {@code fr.properties} adds French. A key a
 * catalogue lacks falls back to English (a catalogue test holds every language to English's keys); a key English
 * lacks, or a placeholder left unfilled, is a bug and throws.
 */
public final class Messages {
    /** The language every other falls back to, and the page's when nothing else says. */
    public static final String FALLBACK = "en";
    /** The keys shipped to the browser start with this. */
    public static final String WEB_PREFIX = "web.";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_]*)}");
    private static final Map<String, Messages> ALL = loadAll();

    private final String lang;
    private final Map<String, String> texts;
    private final Messages fallback;

    private Messages(String lang, Map<String, String> texts, Messages fallback) {
        this.lang = lang;
        this.texts = Collections.unmodifiableMap(texts);
        this.fallback = fallback;
    }

    private static Map<String, Messages> loadAll() {
        Messages english = new Messages(FALLBACK, entries(Catalogues.read(FALLBACK)), null);
        Map<String, Messages> all = new LinkedHashMap<>();
        all.put(FALLBACK, english);
        for (String code : Catalogues.languages()) {
            if (!code.equals(FALLBACK)) all.put(code, new Messages(code, entries(Catalogues.read(code)), english));
        }
        return Collections.unmodifiableMap(all);
    }

    private static Map<String, String> entries(Properties p) {
        Map<String, String> out = new TreeMap<>();
        p.stringPropertyNames().forEach(k -> out.put(k, p.getProperty(k)));
        return out;
    }

    /** Every language with a catalogue, English first, then by code. */
    public static List<String> languages() {
        return List.copyOf(ALL.keySet());
    }

    /** English. */
    public static Messages english() {
        return ALL.get(FALLBACK);
    }

    /** The catalogue of {@code lang}, if there is one. */
    public static Optional<Messages> of(String lang) {
        return Optional.ofNullable(lang == null ? null : ALL.get(lang));
    }

    /** {@code lang}'s catalogue, or English when there is none. */
    public static Messages orEnglish(String lang) {
        return of(lang).orElse(english());
    }

    /** The language's code, as {@code <html lang>} and {@code lang=} write it. */
    public String lang() {
        return lang;
    }

    /** The text under {@code key}, which must not need placeholders filled. */
    public String text(String key) {
        return filled(key, raw(key), Map.of());
    }

    /**
     * The text under {@code key} with each placeholder filled: {@code namesAndValues} alternates a name and its value
     * ({@code text("outcome.diverged", "iter", 12)}); a value is written with {@code String.valueOf}.
     */
    public String text(String key, Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) throw new IllegalArgumentException(key + ": names and values come in pairs");
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) values.put((String) namesAndValues[i], String.valueOf(namesAndValues[i + 1]));
        return filled(key, raw(key), values);
    }

    /**
     * The text under {@code key} cut at its placeholders, for a view that fills them with markup: literal text at even
     * places, a placeholder's name at odd ones ({@code "a {b} c"} → {@code ["a ", "b", " c"]}).
     */
    public List<String> parts(String key) {
        String text = raw(key);
        Matcher m = PLACEHOLDER.matcher(text);
        List<String> out = new java.util.ArrayList<>();
        int at = 0;
        while (m.find()) {
            out.add(text.substring(at, m.start()));
            out.add(m.group(1));
            at = m.end();
        }
        out.add(text.substring(at));
        return List.copyOf(out);
    }

    /** Whether this catalogue (not its fallback) holds {@code key}. */
    public boolean has(String key) {
        return texts.containsKey(key);
    }

    /** This catalogue's own entries, by key, sorted. */
    public Map<String, String> entries() {
        return texts;
    }

    /** Every entry whose key starts with {@code prefix}, English's filling any gap, as the text stands (placeholders kept). */
    public Map<String, String> withPrefix(String prefix) {
        Map<String, String> out = new TreeMap<>();
        if (fallback != null) fallback.texts.forEach((k, v) -> { if (k.startsWith(prefix)) out.put(k, v); });
        texts.forEach((k, v) -> { if (k.startsWith(prefix)) out.put(k, v); });
        return Collections.unmodifiableMap(out);
    }

    /** The placeholder names in {@code text}, in order of first use. */
    public static List<String> placeholders(String text) {
        Matcher m = PLACEHOLDER.matcher(text);
        List<String> names = new java.util.ArrayList<>();
        while (m.find()) if (!names.contains(m.group(1))) names.add(m.group(1));
        return List.copyOf(names);
    }

    private String raw(String key) {
        String t = texts.get(key);
        if (t != null) return t;
        if (fallback != null) return fallback.raw(key);
        throw new IllegalArgumentException("no message " + key + " in i18n/" + FALLBACK + ".properties");
    }

    private String filled(String key, String text, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) throw new IllegalArgumentException(lang + " message " + key + " needs {" + m.group(1) + "}");
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    @Override
    public String toString() {
        return "Messages[" + lang + "]";
    }
}
