package org.sgdplayground.i18n;

import java.util.List;
import java.util.Optional;
import org.sgdplayground.http.Weighted;

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
        for (Weighted range : Weighted.parse(acceptLanguage)) {
            String code = range.value().equals("*") ? Messages.FALLBACK : range.value().split("-")[0];
            if (range.q() > bestQ && available.contains(code)) {
                best = code;
                bestQ = range.q();
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
}
