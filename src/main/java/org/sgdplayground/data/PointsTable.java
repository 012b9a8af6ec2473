package org.sgdplayground.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads a person's points from a table pasted or uploaded as CSV/TSV text (SPEC §6): a comma, semicolon or tab
 * separator (found by {@link DelimitedText#separator}), an optional header row, a decimal comma where the separator
 * is not a comma, quotes, CRLF, a byte-order mark, blank lines anywhere. With more than two columns, x and y are
 * the first two columns that hold numbers on the first data row, unless {@code xcol}/{@code ycol} name them (a
 * header name, any case, or a 1-based number); an unnamed first column, pandas' index from {@code df.to_csv()}, is
 * skipped. Anything else is a {@link Refusal} that says the line, the column and what was found there.
 */
public final class PointsTable {
    private PointsTable() {}

    private static final Pattern NOT_FINITE = Pattern.compile("[+-]?(nan|inf|infinity|∞)", Pattern.CASE_INSENSITIVE);
    private static final Pattern WHOLE = Pattern.compile("\\d{1,9}");

    /** What a table may hold: from {@code minPoints} to {@code maxPoints} points, each coordinate within ±{@code maxMagnitude}. */
    public record Rules(int minPoints, int maxPoints, double maxMagnitude) {}

    /**
     * Why a table was refused, and where: {@code line} and {@code column} are 1-based ({@code column} is 0 when the
     * refusal names no column: an {@code xcol} that is not in the table), {@code value} is what was found there, shortened. {@code parameter} is {@code points}, or
     * {@code xcol}/{@code ycol} when the column asked for is not in the table.
     */
    public static final class Refusal extends IllegalArgumentException {
        private static final int MAX_ECHO = 60;
        private final String parameter;
        private final int line, column;
        private final String value;

        public Refusal(String parameter, int line, int column, String value, String message) {
            super(message);
            this.parameter = parameter;
            this.line = line;
            this.column = column;
            this.value = value.length() <= MAX_ECHO ? value : value.substring(0, MAX_ECHO) + "…";
        }

        Refusal(int line, int column, String value, String message) {
            this("points", line, column, value, message);
        }

        public String parameter() {
            return parameter;
        }

        public int line() {
            return line;
        }

        public int column() {
            return column;
        }

        /** The cell as found (shortened). Untrusted: escape it wherever it is shown. */
        public String value() {
            return value;
        }
    }

    /**
     * The points of a table's bytes (UTF-8, or UTF-16 with its mark).
     *
     * @param xcol the x column's header name or 1-based number, or null to choose
     * @param ycol the y column's, or null
     * @throws Refusal naming the line and column of the first thing that cannot be read
     */
    public static Dataset read(byte[] body, String xcol, String ycol, Rules rules) {
        return read(DelimitedText.decode(body), xcol, ycol, rules);
    }

    /** The points of a table's text; see {@link #read(byte[], String, String, Rules)}. */
    public static Dataset read(String text, String xcol, String ycol, Rules rules) {
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') text = text.substring(1);
        char separator = DelimitedText.separator(text);
        List<DelimitedText.Row> rows;
        try {
            rows = DelimitedText.rows(text, separator);
        } catch (DelimitedText.UnclosedQuote q) {
            throw new Refusal(q.line, q.column, "\"", q.getMessage() + " (a cell that starts with \" ends with \")");
        }
        rows.removeIf(DelimitedText.Row::blank);
        if (rows.isEmpty()) throw new Refusal(1, 1, "", "the table is empty: send x,y rows, e.g. 1,2 on one line and 3,5 on the next");

        DelimitedText.Row first = rows.get(0);
        int width = first.cells().size();
        if (width < 2) {
            throw new Refusal(first.line(), 1, first.cells().get(0).strip(), "the table has one column: it needs two, x and y, "
                + "separated by commas, semicolons or tabs");
        }
        boolean header = first.cells().stream().noneMatch(c -> isNumber(c, separator));
        int firstData = header ? 1 : 0;
        for (DelimitedText.Row row : rows) {
            if (row.cells().size() != width) {
                int column = Math.min(row.cells().size(), width) + 1;
                String found = row.cells().size() > width ? row.cells().get(width).strip() : "";
                throw new Refusal(row.line(), column, found, "line " + row.line() + " has " + row.cells().size() + " cells but line "
                    + first.line() + " has " + width + ": every row needs the same number of columns");
            }
        }
        if (rows.size() - firstData < rules.minPoints()) {
            DelimitedText.Row last = rows.get(rows.size() - 1);
            throw new Refusal(last.line(), 1, "", (rows.size() - firstData) + " point" + (rows.size() - firstData == 1 ? "" : "s")
                + (header ? " under the header" : "") + ": a fit needs at least " + rules.minPoints());
        }
        int[] xy = columns(rows, header, separator, xcol, ycol);

        int n = Math.min(rows.size() - firstData, rules.maxPoints() + 1);
        if (n > rules.maxPoints()) {
            DelimitedText.Row over = rows.get(firstData + rules.maxPoints());
            throw new Refusal(over.line(), 1, "", "more than " + rules.maxPoints() + " points: line " + over.line()
                + " is point " + (rules.maxPoints() + 1) + " (at most " + rules.maxPoints() + ")");
        }
        double[] x = new double[n], y = new double[n];
        for (int i = 0; i < n; i++) {
            DelimitedText.Row row = rows.get(firstData + i);
            x[i] = number(row, xy[0], separator, rules);
            y[i] = number(row, xy[1], separator, rules);
        }
        return new Dataset(x, y);
    }

    /** The 0-based x and y columns. */
    private static int[] columns(List<DelimitedText.Row> rows, boolean header, char separator, String xcol, String ycol) {
        DelimitedText.Row names = header ? rows.get(0) : null;
        DelimitedText.Row data = rows.get(header ? 1 : 0);
        int width = data.cells().size();
        int x = xcol == null || xcol.isBlank() ? -1 : named("xcol", xcol, names, width, data.line());
        int y = ycol == null || ycol.isBlank() ? -1 : named("ycol", ycol, names, width, data.line());
        // pandas writes its index as an unnamed first column: not a coordinate
        int from = names != null && width > 2 && isUnnamed(names.cells().get(0)) ? 1 : 0;
        List<Integer> numeric = new ArrayList<>();
        for (int c = from; c < width; c++) {
            if (c != x && c != y && isNumber(data.cells().get(c), separator)) numeric.add(c);
        }
        if (x < 0 && !numeric.isEmpty()) x = numeric.remove(0);
        if (y < 0 && !numeric.isEmpty()) y = numeric.remove(0);
        if (x >= 0 && y >= 0) {
            if (x == y) throw new Refusal("ycol", data.line(), y + 1, ycol, "xcol and ycol name the same column, " + (x + 1));
            return new int[] {x, y};
        }
        for (int c = from; c < width; c++) {
            String cell = data.cells().get(c);
            if (!isNumber(cell, separator)) throw notANumber(data, c, separator, " (x and y are the first two columns of numbers)");
        }
        throw new IllegalStateException("a row of two numbers has two numeric columns");
    }

    /** The 0-based column {@code wanted} names: a header name (any case) or a 1-based number. */
    private static int named(String parameter, String wanted, DelimitedText.Row names, int width, int line) {
        String w = wanted.strip();
        if (WHOLE.matcher(w).matches()) {
            int c = Integer.parseInt(w);
            if (c >= 1 && c <= width) return c - 1;
            throw new Refusal(parameter, line, 0, wanted, parameter + "=" + w + " is not a column: the table has columns 1 to " + width);
        }
        if (names != null) {
            for (int c = 0; c < names.cells().size(); c++) {
                if (names.cells().get(c).strip().equalsIgnoreCase(w)) return c;
            }
        }
        String has = names == null ? "the table has no header row, so name a column by number, 1 to " + width
            : "the header has " + String.join(", ", names.cells().stream().map(s -> quoted(s)).toList());
        throw new Refusal(parameter, names == null ? line : names.line(), 0, wanted, parameter + "=" + quoted(w) + " is not a column: " + has);
    }

    private static boolean isUnnamed(String name) {
        String s = name.strip();
        return s.isEmpty() || s.toLowerCase(Locale.ROOT).startsWith("unnamed:");
    }

    private static double number(DelimitedText.Row row, int column, char separator, Rules rules) {
        String cell = row.cells().get(column);
        String text = normalised(cell, separator);
        if (text == null || !isNumeral(text)) throw notANumber(row, column, separator, "");
        double v = Double.parseDouble(text);
        if (!Double.isFinite(v) || Math.abs(v) > rules.maxMagnitude()) {
            throw new Refusal(row.line(), column + 1, cell.strip(), "line " + row.line() + ", column " + (column + 1) + ": "
                + quoted(cell.strip()) + " is beyond ±" + plain(rules.maxMagnitude()) + ", the largest coordinate the playground takes");
        }
        return v;
    }

    /** The refusal of a cell that is not a number, saying why as precisely as the cell allows. */
    private static Refusal notANumber(DelimitedText.Row row, int column, char separator, String note) {
        String s = row.cells().get(column).strip();
        String why;
        if (NOT_FINITE.matcher(s).matches()) why = "is not a finite number";
        else if (s.isEmpty()) why = "is empty: every point needs an x and a y";
        else if (separator == ',' && s.matches("[+-]?\\d*,\\d+")) {
            why = "has a comma, which separates cells here: write a decimal point (1.5) or separate cells with ; or tabs";
        } else if (s.contains(".") && s.contains(",")) why = "is not a number (thousands separators are not read: write 1234.5)";
        else why = "is not a number";
        return new Refusal(row.line(), column + 1, s, "line " + row.line() + ", column " + (column + 1) + ": " + quoted(s) + " " + why + note);
    }

    /** Whether a cell reads as a number here (finite or not, any magnitude: those are refused later, by name). */
    private static boolean isNumber(String cell, char separator) {
        String text = normalised(cell, separator);
        return text != null && isNumeral(text);
    }

    /**
     * Whether {@code s} is a number as the codec reads one, {@code [+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d{1,4})?}: no
     * NaN, Infinity, hex or {@code 1d}. By hand rather than by regex: it runs for every cell of 100,000 rows.
     */
    static boolean isNumeral(String s) {
        int i = 0, n = s.length();
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) i++;
        int digits = 0;
        while (i < n && isDigit(s.charAt(i))) { i++; digits++; }
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && isDigit(s.charAt(i))) { i++; digits++; }
        }
        if (digits == 0) return false;
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) i++;
            int exponent = 0;
            while (i < n && isDigit(s.charAt(i))) { i++; exponent++; }
            if (exponent < 1 || exponent > 4) return false;
        }
        return i == n;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /**
     * The cell as Java reads numbers: trimmed, a Unicode minus as {@code -}, and where the separator is not a comma,
     * one decimal comma as a point ({@code 1,5} → {@code 1.5}); null when it cannot be a number.
     */
    private static String normalised(String cell, char separator) {
        String s = cell.strip();
        if (s.indexOf('\u2212') >= 0) s = s.replace('\u2212', '-');
        if (separator != ',' && s.indexOf(',') >= 0) {
            if (s.indexOf('.') >= 0 || s.indexOf(',') != s.lastIndexOf(',')) return null;
            s = s.replace(',', '.');
        }
        return s;
    }

    private static String quoted(String s) {
        String t = s.strip();
        return "\"" + (t.length() <= 40 ? t : t.substring(0, 40) + "…") + "\"";
    }

    /** {@code 1e9} for 1e9: the limit as people write it. */
    private static String plain(double v) {
        return String.format(Locale.ROOT, "%.0e", v).replace("e+0", "e").replace("e+", "e");
    }
}
