package org.sgdplayground.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.sgdplayground.data.Dataset;

/** Points written as Python read back to the very same doubles, as lists or, for many points, as base64. */
class PythonNumbersTest {
    /** Doubles that test a writer: thirds, a negative zero, the largest and a tiny magnitude, random bits. */
    private static Dataset awkward(int n) {
        SplittableRandom random = new SplittableRandom(7);
        double[] x = new double[n], y = new double[n];
        double[] special = {-0.0, 1.0 / 3, 1e9, -1e9, 4.9e-300, 0.1, 100, 2.5e-7};
        for (int i = 0; i < n; i++) {
            x[i] = i < special.length ? special[i] : (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(-8, 9));
            y[i] = random.nextDouble() * 1e3 - 500;
        }
        return new Dataset(x, y);
    }

    private static List<String> lines(Dataset points) throws IOException {
        List<String> out = new ArrayList<>();
        PythonNumbers.points(points, out::add);
        return out;
    }

    @Test
    void a_few_points_are_two_readable_lists_of_the_same_doubles() throws IOException {
        Dataset points = awkward(PythonNumbers.MAX_LITERAL_POINTS);
        String text = String.join("\n", lines(points));
        assertTrue(text.startsWith("x = torch.tensor(["), text);
        String xs = text.substring(text.indexOf('[') + 1, text.indexOf(']'));
        String rest = text.substring(text.indexOf("y = torch.tensor(["));
        String ys = rest.substring(rest.indexOf('[') + 1, rest.indexOf(']'));
        assertArrayEquals(bits(points.xs()), bits(parse(xs)), "x, bit for bit");
        assertArrayEquals(bits(points.ys()), bits(parse(ys)), "y, bit for bit");
        assertTrue(lines(points).stream().allMatch(l -> l.length() <= 110), "lines a reader can read");
    }

    @Test
    void many_points_are_base64_of_little_endian_doubles_x_then_y() throws IOException {
        Dataset points = awkward(PythonNumbers.MAX_LITERAL_POINTS + 1);
        List<String> lines = lines(points);
        int open = lines.indexOf("xy = struct.unpack(f\"<{2 * n}d\", base64.b64decode(\"\"\"");
        int close = lines.indexOf("\"\"\"))");
        assertEquals("n = " + points.size(), lines.get(open - 1));
        byte[] raw = Base64.getDecoder().decode(String.join("", lines.subList(open + 1, close)));
        ByteBuffer buffer = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(16 * points.size(), raw.length);
        double[] x = new double[points.size()], y = new double[points.size()];
        for (int i = 0; i < x.length; i++) x[i] = buffer.getDouble();
        for (int i = 0; i < y.length; i++) y[i] = buffer.getDouble();
        assertArrayEquals(bits(points.xs()), bits(x));
        assertArrayEquals(bits(points.ys()), bits(y));
        assertTrue(lines.subList(open + 1, close).stream().allMatch(l -> l.length() <= 76), "MIME-sized lines");
    }

    private static double[] parse(String list) {
        return java.util.Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).mapToDouble(Double::parseDouble).toArray();
    }

    private static long[] bits(double[] values) {
        return java.util.Arrays.stream(values).mapToLong(Double::doubleToRawLongBits).toArray();
    }
}
