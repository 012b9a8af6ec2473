package org.sgdplayground.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sgdplayground.page.Theme;

/**
 * A reader's theme, kept in the {@code sgd-theme} cookie, is written into every page, so its first paint is in their
 * colours; a page without it, or with anything else in it, is dark; the answer says it varies with the cookie.
 */
class PageThemeTest {
    @RegisterExtension
    static final LocalApp APP = new LocalApp();
    private static final Pattern HTML = Pattern.compile("<html [^>]*data-theme=\"([a-z]+)\"");

    private static String theme(HttpResponse<String> r) {
        Matcher m = HTML.matcher(r.body());
        assertTrue(m.find(), "an <html data-theme>: " + r.body().substring(0, Math.min(200, r.body().length())));
        return m.group(1);
    }

    /** As a browser asks: for HTML (an address we do not have answers a page only then). */
    private static HttpResponse<String> get(String path, String cookie) throws Exception {
        return cookie == null ? APP.get(path, "Accept", "text/html") : APP.get(path, "Accept", "text/html", "Cookie", cookie);
    }

    /** The playground, the embed, a refused setting (400), unknown points (404) and an address we do not have (404). */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/?preset=roller-coaster", "/embed", "/?lr=fast", "/?points=0123456789abcdef0123", "/no-such-page"})
    void every_page_is_written_in_the_cookies_theme_and_says_it_varies_with_the_cookie(String path) throws Exception {
        HttpResponse<String> light = get(path, Theme.COOKIE + "=light"), dark = get(path, Theme.COOKIE + "=dark"), none = get(path, null);
        assertEquals("light", theme(light), path);
        assertEquals("dark", theme(dark), path);
        assertEquals("dark", theme(none), path + ": dark unless the reader chose light");
        assertEquals(light.statusCode(), none.statusCode(), path + ": the theme changes nothing else");
        assertTrue(none.headers().allValues("Vary").contains("Cookie"), path + ": " + none.headers().allValues("Vary"));
    }

    @Test
    void a_cookie_naming_no_theme_is_dark_beside_other_cookies_it_is_read_all_the_same() throws Exception {
        assertEquals("dark", theme(get("/", Theme.COOKIE + "=<script>")));
        assertEquals("dark", theme(get("/", Theme.COOKIE + "=lights")));
        assertEquals("light", theme(get("/", Theme.COOKIE + "=LIGHT")), "in any case");
        assertEquals("light", theme(get("/", "other=1; " + Theme.COOKIE + "=light; more=2")));
    }

    @Test
    void each_theme_is_kept_as_its_own_page_with_its_own_entity_tag() throws Exception {
        HttpResponse<String> light = get("/", Theme.COOKIE + "=light"), dark = get("/", null);
        String lightTag = light.headers().firstValue("ETag").orElseThrow(), darkTag = dark.headers().firstValue("ETag").orElseThrow();
        assertNotEquals(lightTag, darkTag);
        assertEquals(304, APP.get("/", "Cookie", Theme.COOKIE + "=light", "If-None-Match", lightTag).statusCode(), "a repeat visit in light");
        HttpResponse<String> switched = APP.get("/", "If-None-Match", lightTag);
        assertEquals(200, switched.statusCode(), "the light page's tag does not stand for the dark page");
        assertEquals("dark", theme(switched));
    }
}
