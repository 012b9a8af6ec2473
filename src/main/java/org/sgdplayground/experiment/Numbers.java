package org.sgdplayground.experiment;

/** How the playground writes numbers in links: the shortest text that reads back to the same double. */
public final class Numbers {
    private Numbers() {}

    /** {@code 0.1 → "0.1"}, {@code 1e-5 → "1e-5"}, {@code 100.0 → "100"}; reads back bit for bit. */
    public static String format(double v) {
        if (v == 0 && 1 / v < 0) return "-0";
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        String s = Double.toString(v);
        int e = s.indexOf('E');
        if (e < 0) return s;
        String mantissa = s.substring(0, e);
        if (mantissa.endsWith(".0")) mantissa = mantissa.substring(0, mantissa.length() - 2);
        return mantissa + "e" + s.substring(e + 1);
    }
}
