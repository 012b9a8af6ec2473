package org.sgdplayground.server.json;

import java.math.BigInteger;

/**
 * Writes a double as the shortest decimal text that reads back as the same double, straight into a byte array:
 * Raffaello Giulietti's Schubfach, the algorithm behind {@code Double.toString} since Java 19 and behind Jackson's
 * fast double writer. The text is exactly theirs ({@code 0.1}, {@code 100.0}, {@code 1.0E-5}, {@code 1.2345678E7},
 * {@code -0.0}); what this adds is speed for answers made mostly of numbers: no object, array or string a number,
 * and the JDK's intrinsic {@link Math#multiplyHigh}.
 *
 * <p>Reference: R. Giulietti, "The Schubfach way to render doubles" (2020); the section numbers below are its.
 * {@code ShortestDoubleTest} checks the text against Jackson's writer and {@link Double#parseDouble} over millions
 * of random bit patterns, and its shortness against a plain search with {@link java.math.BigDecimal}.
 */
public final class ShortestDouble {
    private ShortestDouble() {}

    /** The longest text a double can take, {@code -2.2250738585072014E-308}: leave this much room before writing. */
    public static final int MAX_CHARS = 24;

    private static final int P = 53;                       // precision, hidden bit included
    private static final int Q_MIN = -1074;                // the exponent of the smallest subnormal's unit
    private static final long C_MIN = 1L << (P - 1);       // the smallest normal significand
    private static final long C_TINY = 3;                  // below it a subnormal's significand needs one more digit
    private static final int BQ_MASK = (1 << 11) - 1;
    private static final long T_MASK = (1L << (P - 1)) - 1;
    private static final long MASK_63 = (1L << 63) - 1;
    private static final int MASK_28 = (1 << 28) - 1;
    private static final int H = 17;                       // the most digits a double needs
    private static final int K_MIN = -324, K_MAX = 292;    // the range of the decimal exponents k in the table

    private static final long[] POW10 = new long[H + 1];
    /** For each k, g = floor(10^−k · 2^−r) + 1 with 2^125 ≤ 10^−k · 2^−r < 2^126, as two 63-bit halves (§9.8.3). */
    private static final long[] G = new long[(K_MAX - K_MIN + 1) * 2];

    static {
        POW10[0] = 1;
        for (int i = 1; i <= H; i++) POW10[i] = POW10[i - 1] * 10;
        BigInteger mask63 = BigInteger.ONE.shiftLeft(63).subtract(BigInteger.ONE);
        for (int k = K_MIN; k <= K_MAX; k++) {
            BigInteger g;
            if (k <= 0) {
                // 10^−k is a whole number N: β = N · 2^−r with r = bitLength(N) − 126
                BigInteger n = BigInteger.TEN.pow(-k);
                int r = n.bitLength() - 126;
                g = (r >= 0 ? n.shiftRight(r) : n.shiftLeft(-r)).add(BigInteger.ONE);
            } else {
                // 10^−k = 1/D with D = 10^k (never a power of two): β = 2^s / D with s = 125 + bitLength(D)
                BigInteger d = BigInteger.TEN.pow(k);
                g = BigInteger.ONE.shiftLeft(125 + d.bitLength()).divide(d).add(BigInteger.ONE);
            }
            int at = (k - K_MIN) << 1;
            G[at] = g.shiftRight(63).longValueExact();
            G[at + 1] = g.and(mask63).longValue();
        }
    }

    /** Writes {@code v} at {@code at} (with {@link #MAX_CHARS} bytes of room) and returns where the text ends. */
    public static int write(double v, byte[] out, int at) {
        long bits = Double.doubleToRawLongBits(v);
        long t = bits & T_MASK;
        int bq = (int) (bits >>> (P - 1)) & BQ_MASK;
        if (bq == BQ_MASK) return special(t != 0 ? "NaN" : bits > 0 ? "Infinity" : "-Infinity", out, at);
        if (bits < 0) out[at++] = '-';
        if (bq != 0) {
            // a normal value; mq = −q
            int mq = -Q_MIN + 1 - bq;
            long c = C_MIN | t;
            // §8.3's fast path: a whole number below 2^53
            if (0 < mq && mq < P) {
                long f = c >> mq;
                if (f << mq == c) return digits(f, 0, out, at);
            }
            return decimal(-mq, c, 0, out, at);
        }
        if (t != 0) return t < C_TINY ? decimal(Q_MIN, 10 * t, -1, out, at) : decimal(Q_MIN, t, 0, out, at);
        return special("0.0", out, at); // the sign, for −0.0, is already written
    }

    private static int special(String text, byte[] out, int at) {
        for (int i = 0; i < text.length(); i++) out[at++] = (byte) text.charAt(i);
        return at;
    }

    /** Figure 7's skeleton, computed as figure 9 does: the shortest decimal in the rounding interval of c·2^q. */
    private static int decimal(int q, long c, int dk, byte[] out, int at) {
        int odd = (int) c & 1;
        long cb = c << 2;
        long cbr = cb + 2;
        long cbl;
        int k;
        if (c != C_MIN || q == Q_MIN) {
            cbl = cb - 2; // regular spacing
            k = flog10pow2(q);
        } else {
            cbl = cb - 1; // irregular spacing: the value is a power of two
            k = flog10threeQuartersPow2(q);
        }
        int h = q + flog2pow10(-k) + 2;
        int gAt = (k - K_MIN) << 1;
        long g1 = G[gAt], g0 = G[gAt + 1];
        long vb = rop(g1, g0, cb << h);
        long vbl = rop(g1, g0, cbl << h);
        long vbr = rop(g1, g0, cbr << h);

        long s = vb >> 2;
        if (s >= 100) {
            // §9.3 with n = 17, m = 1 from §10's table: s' = floor(s / 10); sp10 = 10 s', tp10 = 10 t'
            long sp10 = 10 * Math.multiplyHigh(s, 115_292_150_460_684_698L << 4);
            long tp10 = sp10 + 10;
            boolean upin = vbl + odd <= sp10 << 2;
            boolean wpin = (tp10 << 2) + odd <= vbr;
            if (upin != wpin) return digits(upin ? sp10 : tp10, k, out, at);
        }
        // u = s·10^k and w = t·10^k, one digit more: keep the one in the interval, or the closer (ties to even)
        long tt = s + 1;
        boolean uin = vbl + odd <= s << 2;
        boolean win = (tt << 2) + odd <= vbr;
        if (uin != win) return digits(uin ? s : tt, k + dk, out, at);
        long cmp = vb - ((s + tt) << 1);
        return digits(cmp < 0 || cmp == 0 && (s & 1) == 0 ? s : tt, k + dk, out, at);
    }

    /** rop(cp · g · 2^−127), g = g1·2^63 + g0 (§9.9, figure 8). */
    private static long rop(long g1, long g0, long cp) {
        long x1 = Math.multiplyHigh(g0, cp);
        long y0 = g1 * cp;
        long y1 = Math.multiplyHigh(g1, cp);
        long z = (y0 >>> 1) + x1;
        long vbp = y1 + (z >>> 63);
        return vbp | ((z & MASK_63) + MASK_63) >>> 63;
    }

    /** Writes f·10^e as Java does: plain for 10^−3 ≤ v < 10^7, else d.ddd…E±x; f has at most 17 digits. */
    private static int digits(long f, int e, byte[] out, int at) {
        int len = flog10pow2(Long.SIZE - Long.numberOfLeadingZeros(f));
        if (f >= POW10[len]) len += 1;
        // now 10^(len−1) ≤ f < 10^len; scale f to exactly 17 digits: f·10^e = 0.f'·10^e'
        f *= POW10[H - len];
        e += len;
        // h = the leading digit, m = the next eight, l = the last eight (§10: floor(f / 10^8), floor(hm / 10^8))
        long hm = Math.multiplyHigh(f, 193_428_131_138_340_668L) >>> 20;
        int l = (int) (f - 100_000_000L * hm);
        int hd = (int) (hm * 1_441_151_881L >>> 57);
        int m = (int) (hm - 100_000_000 * hd);
        if (0 < e && e <= 7) return plainAtLeastOne(hd, m, l, e, out, at);
        if (-3 < e && e <= 0) return plainBelowOne(hd, m, l, e, out, at);
        return scientific(hd, m, l, e, out, at);
    }

    /** 1 ≤ v < 10^7: the first e digits, the point, the rest. */
    private static int plainAtLeastOne(int hd, int m, int l, int e, byte[] out, int at) {
        out[at++] = (byte) ('0' + hd);
        int y = y(m);
        int i = 1;
        for (; i < e; ++i) {
            int t = 10 * y;
            out[at++] = (byte) ('0' + (t >>> 28));
            y = t & MASK_28;
        }
        out[at++] = '.';
        for (; i <= 8; ++i) {
            int t = 10 * y;
            out[at++] = (byte) ('0' + (t >>> 28));
            y = t & MASK_28;
        }
        return lowDigits(l, out, at);
    }

    /** 10^−3 ≤ v < 1: 0., the leading zeros, the digits. */
    private static int plainBelowOne(int hd, int m, int l, int e, byte[] out, int at) {
        out[at++] = '0';
        out[at++] = '.';
        for (; e < 0; ++e) out[at++] = '0';
        out[at++] = (byte) ('0' + hd);
        at = eightDigits(m, out, at);
        return lowDigits(l, out, at);
    }

    /** d.ddd…E±x. */
    private static int scientific(int hd, int m, int l, int e, byte[] out, int at) {
        out[at++] = (byte) ('0' + hd);
        out[at++] = '.';
        at = eightDigits(m, out, at);
        at = lowDigits(l, out, at);
        return exponent(e - 1, out, at);
    }

    private static int lowDigits(int l, byte[] out, int at) {
        if (l != 0) at = eightDigits(l, out, at);
        // drop trailing zeros, but keep the one right after the point
        while (out[at - 1] == '0') --at;
        if (out[at - 1] == '.') ++at;
        return at;
    }

    /** a < 10^8 as exactly eight digits, left to right (algorithm 1 of Giulietti's digit extraction, n = 28). */
    private static int eightDigits(int a, byte[] out, int at) {
        int y = y(a);
        for (int i = 0; i < 8; ++i) {
            int t = 10 * y;
            out[at++] = (byte) ('0' + (t >>> 28));
            y = t & MASK_28;
        }
        return at;
    }

    /** floor((a + 1)·2^28 / 10^8) − 1. */
    private static int y(int a) {
        return (int) (Math.multiplyHigh((long) (a + 1) << 28, 193_428_131_138_340_668L) >>> 20) - 1;
    }

    private static int exponent(int e, byte[] out, int at) {
        out[at++] = 'E';
        if (e < 0) {
            out[at++] = '-';
            e = -e;
        }
        if (e < 10) {
            out[at++] = (byte) ('0' + e);
            return at;
        }
        if (e >= 100) {
            int d = e * 1_311 >>> 17; // floor(e / 100)
            out[at++] = (byte) ('0' + d);
            e -= 100 * d;
        }
        int d = e * 103 >>> 10; // floor(e / 10)
        out[at++] = (byte) ('0' + d);
        out[at++] = (byte) ('0' + (e - 10 * d));
        return at;
    }

    /** floor(log10(2^e)) for |e| ≤ 5456721. */
    private static int flog10pow2(int e) {
        return (int) (e * 661_971_961_083L >> 41);
    }

    /** floor(log10(3/4 · 2^e)) for |e| ≤ 5456721. */
    private static int flog10threeQuartersPow2(int e) {
        return (int) (e * 661_971_961_083L + -274_743_187_321L >> 41);
    }

    /** floor(log2(10^e)) for |e| ≤ 1838394. */
    private static int flog2pow10(int e) {
        return (int) (e * 913_124_641_741L >> 38);
    }
}
