package org.sgdplayground.export;

import java.io.IOException;

/**
 * One cell of an exported program: markdown prose or Python code, written line by line so that a cell holding a
 * hundred thousand points streams out instead of being built whole. The script ({@link PythonScript}) writes the
 * markdown as comments; the notebook ({@link Notebook}) writes each cell as a cell.
 *
 * @param kind    markdown or code
 * @param hidden  whether a notebook folds the cell's source away (the points: data, not reading)
 * @param body    writes the cell's lines, each without its line break
 */
record Cell(Kind kind, boolean hidden, Body body) {
    enum Kind { MARKDOWN, CODE }

    /** Where a cell's lines go. */
    @FunctionalInterface
    interface Lines {
        void add(String line) throws IOException;
    }

    /** A cell's content, written to whatever sink asks for it, as many times as asked. */
    @FunctionalInterface
    interface Body {
        void writeTo(Lines out) throws IOException;
    }

    static Cell markdown(Body body) {
        return new Cell(Kind.MARKDOWN, false, body);
    }

    static Cell code(Body body) {
        return new Cell(Kind.CODE, false, body);
    }

    /** A code cell a notebook shows folded. */
    static Cell hiddenCode(Body body) {
        return new Cell(Kind.CODE, true, body);
    }

    /** A cell of fixed lines. */
    static Body lines(String... lines) {
        return out -> {
            for (String line : lines) out.add(line);
        };
    }
}
