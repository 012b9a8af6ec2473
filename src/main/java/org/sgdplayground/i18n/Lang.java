package org.sgdplayground.i18n;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which language a page speaks when its link does not say: the browser's {@code Accept-Language} (RFC 9110 §12.5.4),
 * the language it prefers most among those with a catalogue, else English.
 */
public final class Lang {
    private Lang() {}

    /**
     * The best of {@code available} for {@code acceptLanguage}: the highest {@code q} wins (1 when absent), the first
     * listed among equals; {@code es-MX} asks for {@code es}, {@code *} for the fallback; {@code q=0} refuses. Nothing
     * acceptable, or no header, gives {@link Messages#FALLBACK}.
     */
    public static String negotiate(String acceptLanguage, List<String> available) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) return Messages.FALLBACK;
        String best = Messages.FALLBACK;
        double bestQ = 0;
        for (String range : acceptLanguage.split(",")) {
            String[] parts = range.trim().split(";");
            String tag = parts[0].trim().toLowerCase(Locale.ROOT);
            double q = quality(parts);
            String code = tag.equals("*") ? Messages.FALLBACK : tag.split("-")[0];
            if (q > bestQ && available.contains(code)) {
                best = code;
                bestQ = q;
            }
        }
        return best;
    }

    /** {@link #negotiate(String, List)} over every language with a catalogue. */
    public static String negotiate(String acceptLanguage) {
        return negotiate(acceptLanguage, Messages.languages());
    }

    /** The link's language when it gives one, else the browser's. */
    public static Messages resolve(Optional<String> fromLink, String acceptLanguage) {
        return Messages.orEnglish(fromLink.orElseGet(() -> negotiate(acceptLanguage)));
    }

    /** A range's {@code q} (RFC 9110: up to three decimals, 0 to 1); a malformed one counts as 0, refusing the range. */
    private static double quality(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].trim();
            if (!p.startsWith("q=") && !p.startsWith("Q=")) continue;
            String value = p.substring(2).trim();
            if (!value.matches("(0(\\.\\d{0,3})?|1(\\.0{0,3})?)")) return 0;
            return Double.parseDouble(value);
        }
        return 1;
    }
}
