package org.sgdplayground.page;

import java.util.Locale;

/**
 * The page's colours: dark (the notebooks' {@code dark_background}, the default) or light. A reader's choice is kept
 * in the {@code sgd-theme} cookie ({@code web/theme.js} writes it), so the server writes the page in it and the first
 * paint is already in the reader's colours.
 */
public enum Theme {
    DARK, LIGHT;

    /** The cookie {@code web/theme.js} writes: {@code light} or {@code dark}. */
    public static final String COOKIE = "sgd-theme";

    /** {@code <html data-theme>}: {@code dark} or {@code light}. */
    public String attribute() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The theme a cookie's value names, in any case; the default for none or anything else (a cookie is the
     * browser's, not a setting someone typed: nothing to refuse). Any case, because Jetty's parser keeps a
     * connection's header values and hands back a kept one that differs only in case, so {@code LIGHT} after
     * {@code light} on one connection reads as {@code light}: both must mean the same.
     */
    public static Theme fromCookie(String value) {
        return LIGHT.attribute().equalsIgnoreCase(value) ? LIGHT : DARK;
    }
}
