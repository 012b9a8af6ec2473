package org.sgdplayground.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class WeightedTest {
    @Test
    void items_come_in_the_order_listed_in_lower_case_with_a_missing_weight_read_as_1() {
        assertEquals(List.of(new Weighted("es-mx", 1), new Weighted("es", 0.9), new Weighted("*", 0.1)),
            Weighted.parse("ES-MX, es;q=0.9 ,*;Q=0.1"));
    }

    @Test
    void a_weight_is_0_to_1_with_up_to_three_decimals_and_a_malformed_one_refuses_its_item() {
        assertEquals(0.125, Weighted.parse("gzip;q=0.125").get(0).q());
        assertEquals(1, Weighted.parse("gzip;q=1.000").get(0).q());
        for (String malformed : List.of("gzip;q=2", "gzip;q=1.5", "gzip;q=0.0001", "gzip;q=", "gzip;q=high", "gzip;q=-1"))
            assertEquals(0, Weighted.parse(malformed).get(0).q(), malformed);
    }

    @Test
    void spaces_around_a_weight_are_read_past_and_other_parameters_ignored() {
        assertEquals(0.5, Weighted.parse("br; level=4; q = 0.5").get(0).q());
        assertEquals(0, Weighted.parse("gzip ;q= 0").get(0).q());
    }

    @Test
    void no_header_lists_nothing() {
        assertTrue(Weighted.parse(null).isEmpty());
    }
}
