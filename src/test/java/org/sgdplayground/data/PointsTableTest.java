package org.sgdplayground.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Tables as people bring them, read to the exact doubles; and every refusal, with the line and column it names. */
class PointsTableTest {
    private static final PointsTable.Rules RULES = new PointsTable.Rules(2, 100_000, 1e9);

    static Stream<Arguments> shapes() {
        return Stream.of(
            shape("two bare columns", "1,2\n3,4", null, null, xs(1, 3), xs(2, 4)),
            shape("a header row", "x,y\n1,2\n3,4", null, null, xs(1, 3), xs(2, 4)),
            shape("CRLF line ends and a last CRLF", "x,y\r\n1,2\r\n3,4\r\n", null, null, xs(1, 3), xs(2, 4)),
            shape("old Mac CR line ends", "1,2\r3,4\r", null, null, xs(1, 3), xs(2, 4)),
            shape("trailing empty lines", "1,2\n3,4\n\n\n", null, null, xs(1, 3), xs(2, 4)),
            shape("a blank line in the middle", "1,2\n\n   \n3,4", null, null, xs(1, 3), xs(2, 4)),
            shape("semicolons with decimal commas (Excel in Spanish)", "x;y\n1,5;3,25\n-0,5;1e3\n", null, null, xs(1.5, -0.5), xs(3.25, 1000)),
            shape("Excel's trailing ;; lines", "x;y\r\n1,5;3,25\r\n2;4\r\n;\r\n;\r\n", null, null, xs(1.5, 2), xs(3.25, 4)),
            shape("tabs, from a spreadsheet's copy", "x\ty\n1.5\t2\n3\t4\n", null, null, xs(1.5, 3), xs(2, 4)),
            shape("tabs with decimal commas", "1,5\t2,25\n3\t4", null, null, xs(1.5, 3), xs(2.25, 4)),
            shape("quoted cells", "\"x\",\"y\"\n\"1\",\"2\"\n3,\"4\"", null, null, xs(1, 3), xs(2, 4)),
            shape("quoted header names holding the separator", "\"height, cm\",\"weight, kg\"\n170,65\n180,80.5", null, null,
                xs(170, 180), xs(65, 80.5)),
            shape("a doubled quote inside quotes", "\"the \"\"x\"\"\",y\n1,2\n3,4", null, null, xs(1, 3), xs(2, 4)),
            shape("pandas df.to_csv() with its unnamed index", ",x,y\n0,0.5,1.25\n1,1.5,2.5\n", null, null, xs(0.5, 1.5), xs(1.25, 2.5)),
            shape("a text column first, then x and y", "name,x,y\nalice,1,2\nbob,3,4", null, null, xs(1, 3), xs(2, 4)),
            shape("four numeric columns: the first two", "a,b,c,d\n1,2,3,4\n5,6,7,8", null, null, xs(1, 5), xs(2, 6)),
            shape("xcol and ycol by header name, any case", "a,b,c\n1,2,3\n4,5,6", "c", "A", xs(3, 6), xs(1, 4)),
            shape("xcol and ycol by number", "a,b,c\n1,2,3\n4,5,6", "3", "2", xs(3, 6), xs(2, 5)),
            shape("only ycol: x is the first other numeric column", "a,b,c\n1,2,3\n4,5,6", null, "1", xs(2, 5), xs(1, 4)),
            shape("spaces around cells", "  1 , 2 \n 3 ,4", null, null, xs(1, 3), xs(2, 4)),
            shape("a Unicode minus", "−1;2\n3;−4,5", null, null, xs(-1, 3), xs(2, -4.5)),
            shape("exponents, signs and bare points", "1e-3,+2E+2\n.5,5.", null, null, xs(1e-3, .5), xs(200, 5)),
            shape("a header cell spanning two lines", "\"x\nvalue\",y\n1,2\n3,4", null, null, xs(1, 3), xs(2, 4)),
            shape("digits Java must round, kept exactly as Double.parseDouble reads them", "0.1,0.30000000000000004\n1e-300,2.2250738585072014E-308",
                null, null, xs(0.1, 1e-300), xs(0.30000000000000004, 2.2250738585072014E-308)));
    }

    private static Arguments shape(String name, String text, String xcol, String ycol, double[] x, double[] y) {
        return Arguments.of(name, text, xcol, ycol, x, y);
    }

    private static double[] xs(double... v) {
        return v;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void a_table_as_people_bring_it_reads_as_its_exact_points(String name, String text, String xcol, String ycol, double[] x, double[] y) {
        Dataset d = PointsTable.read(text.getBytes(StandardCharsets.UTF_8), xcol, ycol, RULES);
        assertArrayEquals(x, d.xs(), name);
        assertArrayEquals(y, d.ys(), name);
    }

    @Test
    void a_byte_order_mark_is_dropped_in_utf_8_and_utf_16_from_excels_unicode_text() {
        byte[] bom = {(byte) 0xef, (byte) 0xbb, (byte) 0xbf};
        byte[] body = concat(bom, "x,y\n1,2\n3,4".getBytes(StandardCharsets.UTF_8));
        assertArrayEquals(new double[] {1, 3}, PointsTable.read(body, null, null, RULES).xs());

        byte[] utf16 = concat(new byte[] {(byte) 0xff, (byte) 0xfe}, "größe\tgewicht\r\n1,5\t60\r\n2\t70,25\r\n".getBytes(StandardCharsets.UTF_16LE));
        Dataset d = PointsTable.read(utf16, "größe", null, RULES);
        assertArrayEquals(new double[] {1.5, 2}, d.xs());
        assertArrayEquals(new double[] {60, 70.25}, d.ys());
    }

    @Test
    void minus_zero_keeps_its_sign_because_the_id_is_a_hash_of_the_exact_doubles() {
        Dataset d = PointsTable.read("-0,1\n0,1", null, null, RULES);
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(d.x(0)));
        assertEquals(Double.doubleToRawLongBits(0.0), Double.doubleToRawLongBits(d.x(1)));
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
            refusal("a cell that is not a number", "x,y\n1,2\n3,abc", 3, 2, "abc", "is not a number"),
            refusal("a first row with a word among numbers", "1,abc\n2,3", 1, 2, "abc", "is not a number"),
            refusal("a row with a cell too many", "x,y\n1,2\n3,4,5\n", 3, 3, "5", "has 3 cells but line 1 has 2"),
            refusal("a row with a cell too few", "x;y\n1;2\n3\n4;5", 3, 2, "", "has 1 cells but line 1 has 2"),
            refusal("one row under a header", "x,y\n1,2\n", 2, 1, "", "1 point under the header: a fit needs at least 2"),
            refusal("one row alone", "1,2", 1, 1, "", "1 point: a fit needs at least 2"),
            refusal("NaN", "x,y\n1,2\n3,NaN", 3, 2, "NaN", "is not a finite number"),
            refusal("Infinity in a first row", "-Infinity,2\n3,4", 1, 1, "-Infinity", "is not a finite number"),
            refusal("a number too large for a double", "1e999,2\n3,4", 1, 1, "1e999", "is beyond ±1e9"),
            refusal("a coordinate beyond the playground's range", "x,y\n1,2\n3,-2e9", 3, 2, "-2e9", "is beyond ±1e9"),
            refusal("an empty body", "", 1, 1, "", "the table is empty"),
            refusal("only blank lines", "\n \r\n\t\n", 1, 1, "", "the table is empty"),
            refusal("one column", "1\n2\n3", 1, 1, "1", "the table has one column"),
            refusal("an empty cell", "1,\n2,3", 1, 2, "", "is empty"),
            refusal("an empty cell further down", "x;y\n1;2\n;3", 3, 1, "", "is empty"),
            refusal("a quote never closed", "x,y\n\"1,2\n3,4", 2, 1, "\"", "a quote opened on line 2 is never closed"),
            refusal("a decimal comma where commas separate", "x,y\n\"1,5\",2\n3,4", 2, 1, "1,5", "write a decimal point (1.5)"),
            refusal("a thousands separator", "x;y\n1.234,5;2\n3;4", 2, 1, "1.234,5", "thousands separators are not read"),
            refusal("a word where a number was under a header", "name,x,y\nalice,1,2\nbob,three,4", 3, 2, "three", "is not a number"),
            refusal("a header over no numbers at all", "a,b\nc,d\n1,2", 2, 1, "c", "is not a number (x and y are the first two columns"),
            refusal("the line of a bad cell after a quoted line break", "\"x\nvalue\",y\n1,2\n3,oops", 4, 2, "oops", "line 4, column 2"));
    }

    private static Arguments refusal(String name, String text, int line, int column, String value, String says) {
        return Arguments.of(name, text, line, column, value, says);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void a_table_that_cannot_be_read_is_refused_with_the_line_column_and_what_was_there(String name, String text, int line, int column,
                                                                                       String value, String says) {
        PointsTable.Refusal r = assertThrows(PointsTable.Refusal.class, () -> PointsTable.read(text, null, null, RULES), name);
        assertEquals("points", r.parameter(), name);
        assertEquals(line, r.line(), name + ": " + r.getMessage());
        assertEquals(column, r.column(), name + ": " + r.getMessage());
        assertEquals(value, r.value(), name);
        assertTrue(r.getMessage().contains(says), name + ": " + r.getMessage());
    }

    @Test
    void the_point_past_the_limit_is_named_by_its_line() {
        StringBuilder text = new StringBuilder("x,y\n");
        for (int i = 0; i <= 100_000; i++) text.append(i).append(',').append(2 * i).append('\n');
        PointsTable.Refusal r = assertThrows(PointsTable.Refusal.class, () -> PointsTable.read(text.toString(), null, null, RULES));
        assertEquals(100_002, r.line(), "the header, then 100,000 points, then the one too many");
        assertTrue(r.getMessage().contains("more than 100000 points"), r.getMessage());

        text.setLength(text.lastIndexOf("100000,"));
        Dataset d = PointsTable.read(text.toString(), null, null, RULES);
        assertEquals(100_000, d.size(), "exactly the limit is allowed");
        assertEquals(99_999 * 2, d.y(99_999));
    }

    @Test
    void a_column_asked_for_that_the_table_lacks_is_refused_naming_xcol_or_ycol() {
        PointsTable.Refusal byName = assertThrows(PointsTable.Refusal.class, () -> PointsTable.read("a,b\n1,2\n3,4", "height", null, RULES));
        assertEquals("xcol", byName.parameter());
        assertEquals("height", byName.value());
        assertTrue(byName.getMessage().contains("the header has \"a\", \"b\""), byName.getMessage());

        PointsTable.Refusal byNumber = assertThrows(PointsTable.Refusal.class, () -> PointsTable.read("1,2\n3,4", null, "3", RULES));
        assertEquals("ycol", byNumber.parameter());
        assertTrue(byNumber.getMessage().contains("columns 1 to 2"), byNumber.getMessage());

        PointsTable.Refusal noHeader = assertThrows(PointsTable.Refusal.class, () -> PointsTable.read("1,2\n3,4", "x", null, RULES));
        assertTrue(noHeader.getMessage().contains("no header row"), noHeader.getMessage());

        PointsTable.Refusal same = assertThrows(PointsTable.Refusal.class, () -> PointsTable.read("a,b\n1,2\n3,4", "a", "1", RULES));
        assertEquals("ycol", same.parameter());
    }

    @Test
    void a_long_cell_is_echoed_shortened() {
        String junk = "z".repeat(500);
        PointsTable.Refusal r = assertThrows(PointsTable.Refusal.class, () -> PointsTable.read("1,2\n3," + junk, null, null, RULES));
        assertEquals(61, r.value().length(), "60 characters and an ellipsis");
        assertTrue(r.getMessage().length() < 200, r.getMessage());
    }

    @Test
    void a_cell_is_a_number_exactly_when_the_codec_would_read_it_as_one() {
        for (String s : new String[] {"1", "-1", "+1", "1.", ".5", "-.5", "1.5e3", "1E-4", "1e+1234", "1e12345", "1e", "e5", ".", "+",
            "-", "", "1.2.3", "1,5", "NaN", "Infinity", "0x1p3", "1d", "1f", " 1", "١", "1e-0", "00.00", "-0"}) {
            assertEquals(org.sgdplayground.experiment.Domain.NUMBER.matcher(s).matches(), PointsTable.isNumeral(s), s);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
