package org.sgdplayground.server.json;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import org.sgdplayground.data.Dataset;

/**
 * The points as the socket sends them: up to {@link WireLimits#MAX_POINTS_AS_NUMBERS} as {@code {"x":[…],"y":[…]}},
 * every double exact; beyond it as {@code {"n":N,"encoding":"grid16","x":{"min":…,"max":…,"codes":"…"},"y":{…}}},
 * each coordinate rounded to one of 65,536 evenly spaced values across its axis's extent,
 * {@code v ≈ min + (max − min)·q/65535}, the codes {@code q} little-endian uint16 in base64.
 *
 * <p>Why a grid and not floats: the browser only draws these and hit-tests them by index, and 65,536 steps across the
 * points' extent is 1/16 of a pixel on a 4,096-pixel plot. float32 would take 8 bytes a point, 1.07 MB in base64 at
 * 100,000 points; the grid takes 4, 533 KB. The exact doubles stay on the server (the run trains on them) and the
 * page asks for them ({@code {"type":"points"}}) only when someone edits the set.
 */
public final class PointsWire {
    /** The largest code: the grid has this many steps between an axis's min and max. */
    static final int MAX_CODE = 65_535;
    static final String GRID16 = "grid16";

    private PointsWire() {}

    /** Whether {@code n} points go as exact JSON numbers. */
    public static boolean asNumbers(int n) {
        return n <= WireLimits.MAX_POINTS_AS_NUMBERS;
    }

    /** The {@code points} value for the socket: exact numbers or the grid, by size. */
    public static void write(JsonGenerator g, Dataset points) throws IOException {
        if (asNumbers(points.size())) {
            numbers(g, points);
            return;
        }
        g.writeStartObject();
        g.writeNumberField("n", points.size());
        g.writeStringField("encoding", GRID16);
        g.writeFieldName("x");
        axis(g, points.xs());
        g.writeFieldName("y");
        axis(g, points.ys());
        g.writeEndObject();
    }

    /** {@code {"x":[…],"y":[…]}}, every double as its shortest exact text. */
    public static void numbers(JsonGenerator g, Dataset points) throws IOException {
        g.writeStartObject();
        g.writeFieldName("x");
        g.writeArray(points.xs(), 0, points.size());
        g.writeFieldName("y");
        g.writeArray(points.ys(), 0, points.size());
        g.writeEndObject();
    }

    private static void axis(JsonGenerator g, double[] values) throws IOException {
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        g.writeStartObject();
        g.writeNumberField("min", min);
        g.writeNumberField("max", max);
        g.writeStringField("codes", Base64.getEncoder().encodeToString(codes(values, min, max)));
        g.writeEndObject();
    }

    /** Each value's nearest grid step, {@code round((v − min)/(max − min)·65535)}, as little-endian uint16. */
    static byte[] codes(double[] values, double min, double max) {
        ByteBuffer out = ByteBuffer.allocate(2 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        double span = max - min;
        for (double v : values) out.putShort((short) (span > 0 ? Math.round((v - min) / span * MAX_CODE) : 0));
        return out.array();
    }
}
