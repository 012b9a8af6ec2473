package org.sgdplayground.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class NumbersTest {
    @Test
    void numbers_are_written_short_and_without_a_trailing_point_zero() {
        assertEquals("0.1", Numbers.format(0.1));
        assertEquals("1e-5", Numbers.format(1e-5));
        assertEquals("100", Numbers.format(100.0));
        assertEquals("-1", Numbers.format(-1.0));
        assertEquals("0", Numbers.format(0.0));
        assertEquals("-0", Numbers.format(-0.0));
        assertEquals("0.30000000000000004", Numbers.format(0.1 + 0.2));
        assertEquals("1.5e-7", Numbers.format(1.5e-7));
        assertEquals("1e20", Numbers.format(1e20));
    }

    /** Every finite double, written by {@link Numbers#format} and read by the codec's own rule, comes back bit for bit. */
    @Test
    void every_finite_double_reads_back_bit_for_bit_through_the_codecs_number_rule() {
        Random random = new Random(12);
        double[] special = {0.1 + 0.2, 1e-5, 1.0 / 3, Math.PI, -0.0, Double.MIN_VALUE, Double.MIN_NORMAL, Double.MAX_VALUE,
            -Double.MAX_VALUE, Math.nextDown(1.0), Math.nextUp(1.0), 1e15, 1e15 - 1, Math.nextUp(1e15), 9007199254740993.0, 123456789.125};
        for (double v : special) assertReadsBack(v);
        for (int i = 0; i < 20_000; i++) {
            double v = Double.longBitsToDouble(random.nextLong());
            if (Double.isFinite(v)) assertReadsBack(v);
            assertReadsBack(random.nextGaussian() * Math.pow(10, random.nextInt(40) - 20));
        }
    }

    private static void assertReadsBack(double v) {
        String text = Numbers.format(v);
        assertTrue(Domain.NUMBER.matcher(text).matches(), text + " is a number the codec accepts");
        assertEquals(Double.doubleToRawLongBits(v), Double.doubleToRawLongBits(Domain.parseNumber("x", text, "")), v + " → " + text);
    }
}
