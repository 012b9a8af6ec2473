package org.sgdplayground.server.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Every value comes out as the bytes Jackson's mapper, with its fast double writer, gives for it. */
class JsonBytesTest {
    private static final ObjectMapper JACKSON = new ObjectMapper(
        JsonFactory.builder().enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER).build());

    private static String written(JsonBytes bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        bytes.writeTo(out);
        assertEquals(out.size(), bytes.size());
        assertEquals(out.toString(StandardCharsets.UTF_8), new String(bytes.toByteArray(), StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void strings_are_escaped_as_jackson_escapes_them() throws IOException {
        StringBuilder every = new StringBuilder();
        for (char c = 0; c < 0x80; c++) every.append(c);
        String[] samples = {"", "plain", "quote \" backslash \\ slash /", every.toString(), "y = 3x + 2 + noise·U(0,1), x ~ U(−1,1)",
            "0.75·(t − 9.5)² → ∞", "emoji 😀 and 中文", "\u2028\u2029\u007f"};
        for (String s : samples) assertEquals(JACKSON.writeValueAsString(s), written(new JsonBytes(1).string(s)), s);
    }

    @Test
    void whole_numbers_come_out_as_jackson_writes_them() throws IOException {
        SplittableRandom random = new SplittableRandom(5);
        long[] edges = {0, 1, -1, 9, 10, -10, 99, 100, Integer.MAX_VALUE, Integer.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE,
            999_999_999_999_999_999L, 1_000_000_000_000_000_000L, -999_999_999_999_999_999L};
        for (long v : edges) assertEquals(JACKSON.writeValueAsString(v), written(new JsonBytes(1).number(v)));
        for (int i = 0; i < 100_000; i++) {
            long v = random.nextLong() >> random.nextInt(64);
            assertEquals(JACKSON.writeValueAsString(v), written(new JsonBytes(1).number(v)));
        }
    }

    @Test
    void doubles_and_arrays_of_them_come_out_as_jacksons_fast_writer_writes_them_not_finite_ones_included() throws IOException {
        double[] values = {0.1, -0.0, 1e300, 5e-324, 123456.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1e-7};
        for (double v : values) assertEquals(JACKSON.writeValueAsString(v), written(new JsonBytes(1).number(v)));
        assertEquals(JACKSON.writeValueAsString(values), written(new JsonBytes(1).numbers(values)));
        assertEquals("[]", written(new JsonBytes(1).numbers(new double[0])));
    }

    @Test
    void a_tree_of_every_kind_of_node_comes_out_as_jackson_writes_it() throws IOException {
        ObjectNode tree = JACKSON.createObjectNode();
        tree.put("text", "a \"quoted\"\nline").put("int", -7).put("long", 1L << 40).put("double", 0.1 + 0.2)
            .put("true", true).put("false", false).putNull("null").put("decimal", new BigDecimal("1.50")).put("float", 0.1f)
            .put("nan", Double.NaN);
        ArrayNode array = tree.putArray("array");
        array.add(1).add(2.5).add("x").addNull().addObject().put("nested", 1e-9);
        array.addArray();
        tree.putObject("empty");
        assertEquals(JACKSON.writeValueAsString(tree), written(new JsonBytes(1).tree(tree)));
    }

    @Test
    void names_and_raw_text_build_an_object() throws IOException {
        JsonBytes out = new JsonBytes(1).raw('{').name("a").number(1L).raw(',').name("b\t").numbers(new double[] {0.5, 2}).raw('}');
        ObjectNode expected = JACKSON.createObjectNode().put("a", 1);
        expected.putArray("b\t").add(0.5).add(2.0);
        assertEquals(JACKSON.writeValueAsString(expected), written(out));
    }
}
