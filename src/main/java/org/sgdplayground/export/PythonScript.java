package org.sgdplayground.export;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * {@code train.py}: the program's cells one after another, markdown as {@code #} comments, a blank line between
 * cells. Run with {@code python3 train.py}.
 */
final class PythonScript {
    private PythonScript() {}

    /** Characters of a comment line, {@code # } included, before it wraps. */
    private static final int COMMENT_WIDTH = 100;

    static void write(List<Cell> cells, Writer out) throws IOException {
        boolean first = true;
        for (Cell cell : cells) {
            if (!first) out.write("\n");
            first = false;
            boolean comment = cell.kind() == Cell.Kind.MARKDOWN;
            cell.body().writeTo(line -> {
                if (comment) comment(line, out);
                else out.write(line + "\n");
            });
        }
    }

    /** A markdown line as comments, wrapped at word breaks; a heading loses its {@code #} (the comment's is enough). */
    private static void comment(String markdown, Writer out) throws IOException {
        String text = markdown.startsWith("# ") ? markdown.substring(2) : markdown;
        if (text.isEmpty()) {
            out.write("#\n");
            return;
        }
        StringBuilder line = new StringBuilder("#");
        for (String word : text.split(" ")) {
            if (line.length() > 1 && line.length() + 1 + word.length() > COMMENT_WIDTH) {
                out.write(line + "\n");
                line.setLength(1);
            }
            line.append(' ').append(word);
        }
        out.write(line + "\n");
    }
}
