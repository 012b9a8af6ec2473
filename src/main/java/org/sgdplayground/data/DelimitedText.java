package org.sgdplayground.data;

import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A table as text, split into rows of cells the way spreadsheets write it (RFC 4180 and its cousins): cells
 * separated by a comma, semicolon or tab, rows by LF, CRLF or CR, a cell in double quotes may hold separators and
 * line breaks, and {@code ""} inside quotes is one quote. Knows nothing of numbers: {@link PointsTable} reads them.
 */
final class DelimitedText {
    private DelimitedText() {}

    /** Rows sampled to choose the separator: enough to see past a title-less header, few enough to be instant. */
    private static final int SNIFFED_ROWS = 20;

    /** One row: the line it starts on (1-based, a CRLF counts once) and its cells, untrimmed. */
    record Row(int line, List<String> cells) {
        /** Whether every cell is empty or blank (a blank line, or Excel's trailing {@code ;;} lines). */
        boolean blank() {
            for (String c : cells) if (!c.isBlank()) return false;
            return true;
        }
    }

    /** A quote opened on {@code line} that the text never closes. */
    static final class UnclosedQuote extends IllegalArgumentException {
        final int line, column;

        UnclosedQuote(int line, int column) {
            super("a quote opened on line " + line + " is never closed");
            this.line = line;
            this.column = column;
        }
    }

    /**
     * The body as text: UTF-16 when it starts with a UTF-16 byte-order mark (Excel's "Unicode text"), else UTF-8,
     * its mark dropped; bytes that are not UTF-8 become U+FFFD, which no number contains, so they are refused
     * where they matter and harmless in a header.
     */
    static String decode(byte[] body) {
        int skip = 0;
        Charset charset = StandardCharsets.UTF_8;
        if (body.length >= 2 && (body[0] & 0xff) == 0xff && (body[1] & 0xff) == 0xfe) {
            charset = StandardCharsets.UTF_16LE;
            skip = 2;
        } else if (body.length >= 2 && (body[0] & 0xff) == 0xfe && (body[1] & 0xff) == 0xff) {
            charset = StandardCharsets.UTF_16BE;
            skip = 2;
        } else if (body.length >= 3 && (body[0] & 0xff) == 0xef && (body[1] & 0xff) == 0xbb && (body[2] & 0xff) == 0xbf) {
            skip = 3;
        }
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE)
                .decode(ByteBuffer.wrap(body, skip, body.length - skip)).toString();
        } catch (java.nio.charset.CharacterCodingException cannotHappenWithReplace) {
            throw new IllegalStateException(cannotHappenWithReplace);
        }
    }

    /**
     * The separator of {@code text}: a tab when most sampled rows have one outside quotes, else a semicolon when most
     * have one, else a comma. In that order because {@code 1,5;3,25} (a decimal comma) has commas too, and a
     * tab-separated row may hold either; "most" so that one ragged row is refused as ragged, not read another way.
     */
    static char separator(String text) {
        int rows = 0, withTab = 0, withSemicolon = 0;
        boolean quoted = false, tab = false, semicolon = false, content = false;
        for (int i = 0; i <= text.length() && rows < SNIFFED_ROWS; i++) {
            char c = i < text.length() ? text.charAt(i) : '\n';
            if (quoted) {
                if (c == '"') quoted = false;
                continue;
            }
            if (c == '"') quoted = true;
            else if (c == '\t') tab = true;
            else if (c == ';') semicolon = true;
            else if (c == '\n' || c == '\r') {
                if (content) {
                    rows++;
                    if (tab) withTab++;
                    if (semicolon) withSemicolon++;
                }
                tab = semicolon = content = false;
                continue;
            }
            if (!Character.isWhitespace(c) || c == '\t') content = true;
        }
        if (2 * withTab > rows) return '\t';
        if (2 * withSemicolon > rows) return ';';
        return ',';
    }

    /**
     * Every row of {@code text}, blank ones included (the caller skips them), cells unquoted.
     *
     * @throws UnclosedQuote when a quote is still open at the end
     */
    static List<Row> rows(String text, char separator) {
        List<Row> rows = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        int line = 1, rowLine = 1, quoteLine = 0, quoteColumn = 0;
        boolean quoted = false, cellStarted = false;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < n && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n' || (c == '\r' && !(i + 1 < n && text.charAt(i + 1) == '\n'))) line++;
                    cell.append(c);
                }
            } else if (c == '"' && !cellStarted) {
                quoted = true;
                cellStarted = true;
                quoteLine = line;
                quoteColumn = cells.size() + 1;
                cell.setLength(0); // spaces before the opening quote are not part of the cell
            } else if (c == separator) {
                cells.add(cell.toString());
                cell.setLength(0);
                cellStarted = false;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') i++;
                cells.add(cell.toString());
                rows.add(new Row(rowLine, List.copyOf(cells)));
                cells.clear();
                cell.setLength(0);
                cellStarted = false;
                rowLine = ++line;
            } else {
                cell.append(c);
                if (c != ' ') cellStarted = true;
            }
        }
        if (quoted) throw new UnclosedQuote(quoteLine, quoteColumn);
        if (cellStarted || cell.length() > 0 || !cells.isEmpty()) {
            cells.add(cell.toString());
            rows.add(new Row(rowLine, List.copyOf(cells)));
        }
        return rows;
    }
}
