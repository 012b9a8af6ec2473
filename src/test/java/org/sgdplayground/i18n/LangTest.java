package org.sgdplayground.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which language a page speaks when its link does not say: the browser's Accept-Language, q-values honoured. */
class LangTest {
    private static final List<String> OURS = List.of("en", "es");

    @Test
    void a_browser_that_asks_for_spanish_gets_spanish() {
        assertEquals("es", Lang.negotiate("es", OURS));
        assertEquals("es", Lang.negotiate("es-MX,es;q=0.9", OURS), "a region asks for its language");
        assertEquals("es", Lang.negotiate("ES-ar", OURS), "tags are case-insensitive");
    }

    @Test
    void the_highest_q_wins_whatever_the_order() {
        assertEquals("en", Lang.negotiate("en-GB,es;q=0.5", OURS));
        assertEquals("es", Lang.negotiate("en;q=0.4, es;q=0.8", OURS));
        assertEquals("es", Lang.negotiate("es;q=0.5, en;q=0.5", OURS), "equal q: the first listed");
        assertEquals("en", Lang.negotiate("en;q=0.5, es;q=0.5", OURS), "equal q: the first listed");
    }

    @Test
    void languages_without_a_catalogue_are_passed_over() {
        assertEquals("es", Lang.negotiate("fr-FR, fr;q=0.9, es;q=0.3", OURS));
        assertEquals("en", Lang.negotiate("fr, de;q=0.5", OURS), "none of ours: English");
    }

    @Test
    void q_zero_refuses_and_a_malformed_q_counts_as_zero() {
        assertEquals("en", Lang.negotiate("es;q=0", OURS));
        assertEquals("en", Lang.negotiate("es;q=2", OURS));
        assertEquals("en", Lang.negotiate("es;q=abc", OURS));
    }

    @Test
    void no_header_an_empty_one_or_a_star_gives_english() {
        assertEquals("en", Lang.negotiate(null, OURS));
        assertEquals("en", Lang.negotiate("  ", OURS));
        assertEquals("en", Lang.negotiate("*", OURS));
        assertEquals("es", Lang.negotiate("es, *;q=0.1", OURS));
    }

    @Test
    void a_link_that_says_its_language_beats_the_header() {
        assertEquals("en", Lang.resolve(Optional.of("en"), "es").lang());
        assertEquals("es", Lang.resolve(Optional.empty(), "es").lang());
    }
}
