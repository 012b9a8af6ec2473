package org.sgdplayground.page;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The one way a number a person reads is written (the notebook's format), exactly as {@code web/format.js}'s
 * {@code formatNumber} writes it, so a sentence the server renders reads the same once the browser rewrites it:
 * four significant digits, an exponent when the number is huge or tiny, a dash for anything not finite.
 */
public final class ShownNumbers {
    private ShownNumbers() {}

    private static final MathContext FOUR_DIGITS = new MathContext(4, RoundingMode.HALF_UP);

    /**
     * {@code toExponential(3)} for {@code |v| ≥ 1e5} or {@code < 1e-3}, else {@code toPrecision(4)}, whose own
     * exponent (from 10^4 on) is written the same way, {@code 1.235e4}; trailing zeros trimmed. Both round the
     * double's exact value half away from zero, as {@link RoundingMode#HALF_UP} does.
     */
    public static String format(double v) {
        if (!Double.isFinite(v)) return "—";
        if (v == 0) return "0";
        BigDecimal rounded = new BigDecimal(v).round(FOUR_DIGITS);
        int exponent = rounded.precision() - rounded.scale() - 1;
        double a = Math.abs(v);
        // toPrecision(4) takes an exponent itself from 10^4 on (9999.5 → "1.000e+4"): written as the larger ones are
        if (a >= 1e5 || a < 1e-3 || exponent >= 4) return trimZeros(mantissa(rounded, exponent)) + "e" + exponent;
        return trimZeros(rounded.toPlainString());
    }

    /** d.ddd: the four digits with the point after the first. */
    private static String mantissa(BigDecimal rounded, int exponent) {
        return rounded.movePointLeft(exponent).setScale(3, RoundingMode.UNNECESSARY).toPlainString();
    }

    private static String trimZeros(String text) {
        return text.contains(".") ? text.replaceAll("\\.?0+$", "") : text;
    }
}
