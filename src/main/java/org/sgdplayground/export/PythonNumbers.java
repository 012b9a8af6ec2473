package org.sgdplayground.export;

import com.fasterxml.jackson.core.io.NumberOutput;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import java.util.StringJoiner;
import org.sgdplayground.data.Dataset;

/**
 * Numbers as Python source: each double as its shortest exact text (Python's {@code float()} reads it back to the
 * same double), and a set of points either as two lists a reader can read or, past {@link #MAX_LITERAL_POINTS}, as
 * base64 of little-endian float64s that {@code struct} decodes: 16 bytes a point as 21⅓ characters, streamed a line
 * at a time.
 */
final class PythonNumbers {
    private PythonNumbers() {}

    /** Most points written as readable lists; more are written as base64 (100,000 points: 2.1 MB instead of 4). */
    static final int MAX_LITERAL_POINTS = 200;
    /** Characters of a line of listed numbers, after the indent. */
    private static final int LINE_WIDTH = 100;
    /** Bytes a line of base64 encodes: 57 bytes are 76 characters, MIME's line. */
    private static final int BASE64_LINE_BYTES = 57;

    /** The shortest text that reads back as {@code v}, in Python's syntax too ({@code 0.1}, {@code 1.0E-5}, {@code -0.0}). */
    static String number(double v) {
        return NumberOutput.toString(v, true);
    }

    /** {@code [a, b, c]}. */
    static String list(double[] values) {
        StringJoiner j = new StringJoiner(", ", "[", "]");
        for (double v : values) j.add(number(v));
        return j.toString();
    }

    /** Python lines that set {@code x} and {@code y} to float64 tensors of the points, bit for bit. */
    static void points(Dataset points, Cell.Lines out) throws IOException {
        if (points.size() <= MAX_LITERAL_POINTS) {
            literal("x", points.xs(), out);
            literal("y", points.ys(), out);
            return;
        }
        int n = points.size();
        out.add("n = " + n);
        out.add("xy = struct.unpack(f\"<{2 * n}d\", base64.b64decode(\"\"\"");
        base64(points, out);
        out.add("\"\"\"))");
        out.add("x = torch.tensor(xy[:n], dtype=torch.float64)");
        out.add("y = torch.tensor(xy[n:], dtype=torch.float64)");
    }

    private static void literal(String name, double[] values, Cell.Lines out) throws IOException {
        out.add(name + " = torch.tensor([");
        StringBuilder line = new StringBuilder();
        for (double v : values) {
            String text = number(v) + ",";
            if (line.length() > 0 && line.length() + 1 + text.length() > LINE_WIDTH) {
                out.add("    " + line);
                line.setLength(0);
            }
            if (line.length() > 0) line.append(' ');
            line.append(text);
        }
        if (line.length() > 0) out.add("    " + line);
        out.add("], dtype=torch.float64)");
    }

    /** x then y as little-endian float64s, base64, 76 characters a line: one line's bytes in memory at a time. */
    private static void base64(Dataset points, Cell.Lines out) throws IOException {
        int n = points.size();
        ByteBuffer line = ByteBuffer.allocate(BASE64_LINE_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        Base64.Encoder encoder = Base64.getEncoder();
        byte[] pending = new byte[8];
        for (int i = 0; i < 2 * n; i++) {
            double v = i < n ? points.x(i) : points.y(i - n);
            ByteBuffer.wrap(pending).order(ByteOrder.LITTLE_ENDIAN).putDouble(v);
            for (int b = 0; b < 8; b++) {
                line.put(pending[b]);
                if (!line.hasRemaining()) {
                    out.add(encoder.encodeToString(line.array()));
                    line.clear();
                }
            }
        }
        if (line.position() > 0) out.add(encoder.encodeToString(java.util.Arrays.copyOf(line.array(), line.position())));
    }
}
