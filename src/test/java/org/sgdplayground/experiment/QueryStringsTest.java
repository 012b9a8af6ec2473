package org.sgdplayground.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class QueryStringsTest {
    @Test
    void a_query_reads_into_keys_and_values_in_order() {
        assertEquals(Map.of("a", "1", "b", "two"), QueryStrings.parse("a=1&b=two"));
        assertEquals(Map.of("a", "1"), QueryStrings.parse("?a=1"));
        assertEquals(java.util.List.of("z", "a"), java.util.List.copyOf(QueryStrings.parse("z=1&a=2").keySet()));
    }

    @Test
    void escapes_and_plus_are_decoded_and_bad_escapes_kept_as_text() {
        assertEquals(Map.of("init", "0.5,0.75"), QueryStrings.parse("init=0.5%2C0.75"));
        assertEquals(Map.of("q", "a b"), QueryStrings.parse("q=a+b"));
        assertEquals(Map.of("q", "%ZZ"), QueryStrings.parse("q=%ZZ"));
    }

    @Test
    void the_first_value_wins_and_bare_or_empty_keys_read_as_empty_values() {
        assertEquals(Map.of("lr", "0.1"), QueryStrings.parse("lr=0.1&lr=5"));
        assertEquals(Map.of("autoplay", "", "x", ""), QueryStrings.parse("autoplay&x=&&"));
        assertEquals(Map.of(), QueryStrings.parse(""));
        assertEquals(Map.of(), QueryStrings.parse(null));
        assertEquals(Map.of("a", "b=c"), QueryStrings.parse("a=b=c"));
    }
}
