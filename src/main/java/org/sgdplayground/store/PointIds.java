package org.sgdplayground.store;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.regex.Pattern;
import org.sgdplayground.data.Dataset;

/**
 * How a set of points is stored and named. Stored as {@code x[0..n)} then {@code y[0..n)}, each an IEEE-754
 * double, big-endian; named by the first 96 bits of SHA-256 over those bytes, base64url (16 characters). So the same
 * doubles in the same order always get the same id on any server, any other set almost surely another (2⁻⁹⁶ a
 * pair), and an id cannot be guessed from the points people might have: a link is the only way to its points.
 */
public final class PointIds {
    private PointIds() {}

    /** Bits of the hash an id keeps: SPEC §6 asks for at least 64. */
    static final int ID_BITS = 96;
    /** Characters of an id: 96 bits in base64url, 6 bits a character. */
    public static final int ID_LENGTH = ID_BITS / 6;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{" + ID_LENGTH + "}");

    /** The stored form of {@code points}: 16·n bytes. */
    public static byte[] bytes(Dataset points) {
        int n = points.size();
        ByteBuffer out = ByteBuffer.allocate(16 * n);
        for (int i = 0; i < n; i++) out.putDouble(points.x(i));
        for (int i = 0; i < n; i++) out.putDouble(points.y(i));
        return out.array();
    }

    /** The points of a stored form. */
    public static Dataset points(byte[] bytes) {
        if (bytes.length % 16 != 0) throw new IllegalArgumentException("a stored set has 16 bytes a point, not " + bytes.length + " in all");
        int n = bytes.length / 16;
        ByteBuffer in = ByteBuffer.wrap(bytes);
        double[] x = new double[n], y = new double[n];
        for (int i = 0; i < n; i++) x[i] = in.getDouble();
        for (int i = 0; i < n; i++) y[i] = in.getDouble();
        return new Dataset(x, y);
    }

    /** The id of the points whose stored form is {@code bytes}. */
    public static String of(byte[] bytes) {
        byte[] hash;
        try {
            hash = MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException everyJavaHasIt) {
            throw new IllegalStateException(everyJavaHasIt);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(hash, ID_BITS / 8));
    }

    /** The id of {@code points}. */
    public static String of(Dataset points) {
        return of(bytes(points));
    }

    /** Whether {@code text} has the shape of an id (it may still name nothing). */
    public static boolean isWellFormed(String text) {
        return text != null && ID.matcher(text).matches();
    }
}
