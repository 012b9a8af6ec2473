package org.sgdplayground.server.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.io.schubfach.DoubleToDecimal;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleConsumer;
import org.junit.jupiter.api.Test;

/**
 * The text of a double is exact (reads back as the same bits), as short as can be, and the very text Jackson's fast
 * writer (an independent port of the same algorithm) gives, over millions of doubles of every kind.
 */
class ShortestDoubleTest {
    private static String text(double v) {
        byte[] out = new byte[ShortestDouble.MAX_CHARS + 8];
        int end = ShortestDouble.write(v, out, 4);
        assertTrue(end - 4 <= ShortestDouble.MAX_CHARS, "at most MAX_CHARS for " + v);
        return new String(out, 4, end - 4, StandardCharsets.US_ASCII);
    }

    /** Doubles of every kind: any bit pattern, subnormals, whole numbers, U(−1,1) like the points, ratios of small ints. */
    private static void forMany(int count, long seed, DoubleConsumer check) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < count; i++) {
            double v = switch (i % 6) {
                case 0, 1 -> Double.longBitsToDouble(random.nextLong());
                case 2 -> Double.longBitsToDouble(random.nextLong() & 0x800F_FFFF_FFFF_FFFFL); // subnormal or ±0
                case 3 -> (random.nextBoolean() ? -1 : 1) * (double) random.nextLong(1L << 54);
                case 4 -> -1 + 2 * random.nextDouble();
                default -> random.nextInt(1_000_000) / (double) (1 + random.nextInt(1000)) * Math.pow(10, random.nextInt(-12, 12));
            };
            if (Double.isFinite(v)) check.accept(v);
        }
    }

    /** Values at the edges: extremes, powers of two (whose rounding interval is lopsided), format boundaries. */
    private static List<Double> edges() {
        List<Double> out = new ArrayList<>(List.of(0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, 2 * Double.MIN_VALUE,
            3 * Double.MIN_VALUE, Double.MIN_NORMAL, Math.nextDown(Double.MIN_NORMAL), Double.MAX_VALUE, -Double.MAX_VALUE,
            1.0, 0.1, 0.2, 0.3, 1e7, Math.nextDown(1e7), 1e-3, Math.nextDown(1e-3), 9999999.999999998, 1e23, 2e23, 9007199254740993.0,
            4.9e-324, 1.7976931348623157e308, 2.2250738585072014e-308, 123456789012345678.0, 5e-324 * 1e10));
        for (int e = -1074; e <= 1023; e++) {
            double p = Math.scalb(1.0, e);
            out.add(p);
            out.add(Math.nextUp(p));
            out.add(Math.nextDown(p));
        }
        for (int e = -325; e <= 308; e++) out.add(Double.parseDouble("1e" + e));
        return out;
    }

    @Test
    void every_text_is_the_one_jacksons_fast_writer_gives() {
        for (double v : edges()) assertEquals(DoubleToDecimal.toString(v), text(v), () -> "bits " + Long.toHexString(Double.doubleToRawLongBits(v)));
        forMany(2_000_000, 1, v -> {
            String mine = text(v);
            if (!mine.equals(DoubleToDecimal.toString(v))) {
                assertEquals(DoubleToDecimal.toString(v), mine, "bits " + Long.toHexString(Double.doubleToRawLongBits(v)));
            }
        });
    }

    @Test
    void every_text_reads_back_as_the_same_bits() {
        for (double v : edges()) assertEquals(Double.doubleToRawLongBits(v), Double.doubleToRawLongBits(Double.parseDouble(text(v))), text(v));
        forMany(2_000_000, 2, v -> {
            long back = Double.doubleToRawLongBits(Double.parseDouble(text(v)));
            if (back != Double.doubleToRawLongBits(v)) assertEquals(Double.doubleToRawLongBits(v), back, text(v));
        });
    }

    /** Significant digits of Java's text: no sign, point, exponent, leading or trailing zeros (at least one). */
    private static int digits(String text) {
        String mantissa = text.replace("-", "").split("E")[0].replace(".", "");
        String trimmed = mantissa.replaceAll("^0+", "").replaceAll("0+$", "");
        return Math.max(1, trimmed.length());
    }

    /**
     * With one digit fewer, no decimal reads back as v: it suffices to try the two nearest, v rounded down and up to
     * that many digits by BigDecimal, since any other lies further out on one side. (Java's rule lets a 2-digit text
     * stand when a closer 2-digit decimal beats a 1-digit one, as 4.9E-324 does 5E-324, so 2 digits are never too many.)
     */
    private static void assertShortest(double v) {
        String text = text(v);
        int d = digits(text);
        if (d <= 2 || v == 0) return;
        BigDecimal exact = new BigDecimal(v);
        for (RoundingMode mode : new RoundingMode[] {RoundingMode.FLOOR, RoundingMode.CEILING}) {
            BigDecimal shorter = exact.round(new MathContext(d - 1, mode));
            assertNotEquals(v, Double.parseDouble(shorter.toString()), () -> text + " could be " + shorter);
        }
    }

    @Test
    void no_text_has_a_digit_too_many() {
        edges().forEach(ShortestDoubleTest::assertShortest);
        forMany(100_000, 3, ShortestDoubleTest::assertShortest);
    }

    @Test
    void the_format_is_javas_plain_between_a_thousandth_and_ten_million_else_scientific() {
        assertEquals("0.0", text(0.0));
        assertEquals("-0.0", text(-0.0));
        assertEquals("1.0", text(1.0));
        assertEquals("100.0", text(100.0));
        assertEquals("0.1", text(0.1));
        assertEquals("0.001", text(0.001));
        assertEquals("9.99E-4", text(0.000999));
        assertEquals("9999999.0", text(9_999_999.0));
        assertEquals("1.0E7", text(1e7));
        assertEquals("-1.2345E-5", text(-1.2345e-5));
        assertEquals("4.9E-324", text(Double.MIN_VALUE));
        assertEquals("1.7976931348623157E308", text(Double.MAX_VALUE));
        assertEquals("0.30000000000000004", text(0.1 + 0.2));
    }
}
