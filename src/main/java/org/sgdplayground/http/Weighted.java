package org.sgdplayground.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One item of a header that lists choices with weights ({@code Accept-Language}, {@code Accept-Encoding}; RFC 9110
 * §12.4.2): the item in lower case and its weight {@code q}.
 */
public record Weighted(String value, double q) {
    /** A weight as RFC 9110 writes it: 0 to 1, up to three decimals. */
    private static final Pattern QVALUE = Pattern.compile("0(\\.\\d{0,3})?|1(\\.0{0,3})?");

    /**
     * The items of {@code header} in the order listed; none for no header. An item's {@code q} is 1 when it gives
     * none, and 0 (refusing it) when the one it gives is malformed; spaces around its {@code =} are read past.
     */
    public static List<Weighted> parse(String header) {
        List<Weighted> items = new ArrayList<>();
        if (header == null) return items;
        for (String item : header.split(",")) {
            String[] parts = item.trim().split(";");
            items.add(new Weighted(parts[0].trim().toLowerCase(Locale.ROOT), weight(parts)));
        }
        return items;
    }

    /** The first {@code q=} parameter's weight, or 1 when there is none. */
    private static double weight(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].replace(" ", "").replace("\t", "");
            if (!p.startsWith("q=") && !p.startsWith("Q=")) continue;
            String value = p.substring(2);
            return QVALUE.matcher(value).matches() ? Double.parseDouble(value) : 0;
        }
        return 1;
    }
}
