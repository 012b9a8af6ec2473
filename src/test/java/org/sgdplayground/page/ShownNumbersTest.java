package org.sgdplayground.page;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The notebook's number format, as format.js writes it (StateJsIT holds the two together on many more values). */
class ShownNumbersTest {
    @Test
    void four_significant_digits_trimmed_with_an_exponent_for_the_huge_and_the_tiny() {
        assertEquals("2.463", ShownNumbers.format(2.46318));
        assertEquals("0.08073", ShownNumbers.format(0.080726));
        assertEquals("1.235e6", ShownNumbers.format(1234567));
        assertEquals("2.5e-7", ShownNumbers.format(2.5e-7));
        assertEquals("-3", ShownNumbers.format(-3));
        assertEquals("361", ShownNumbers.format(361));
        assertEquals("0", ShownNumbers.format(0));
        assertEquals("1e-3", ShownNumbers.format(0.00099996), "rounding up to the next power keeps the exponent form");
    }

    @Test
    void it_keeps_javascripts_quirks_so_both_sides_read_the_same() {
        assertEquals("1.235e4", ShownNumbers.format(12345), "from 10^4 on, an exponent written as the larger numbers' are");
        assertEquals("1e4", ShownNumbers.format(9999.5), "its zeros trimmed");
        assertEquals("-9.999e4", ShownNumbers.format(-99985), "below 10^5 by rounding");
        assertEquals("1", ShownNumbers.format(1.0005), "the double just under 1.0005 rounds down, as the exact value says");
        assertEquals("0.125", ShownNumbers.format(0.125));
    }

    @Test
    void anything_not_finite_is_a_dash() {
        assertEquals("—", ShownNumbers.format(Double.NaN));
        assertEquals("—", ShownNumbers.format(Double.POSITIVE_INFINITY));
    }
}
