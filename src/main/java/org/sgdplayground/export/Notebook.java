package org.sgdplayground.export;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.sgdplayground.json.Jackson;

/**
 * {@code notebook.ipynb}: the program's cells as a Jupyter notebook, nbformat 4.5 (cells carry ids; code cells have
 * no outputs yet), written with a streaming generator so a cell of a hundred thousand points is never held whole.
 * The points' cell is folded ({@code metadata.jupyter.source_hidden}) when it is base64.
 */
final class Notebook {
    private Notebook() {}

    static void write(List<Cell> cells, OutputStream out) throws IOException {
        try (JsonGenerator g = Jackson.FACTORY.createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeArrayFieldStart("cells");
            int id = 0;
            for (Cell cell : cells) {
                g.writeStartObject();
                g.writeStringField("cell_type", cell.kind() == Cell.Kind.MARKDOWN ? "markdown" : "code");
                g.writeStringField("id", "cell-" + ++id);
                g.writeObjectFieldStart("metadata");
                if (cell.hidden()) {
                    g.writeObjectFieldStart("jupyter");
                    g.writeBooleanField("source_hidden", true);
                    g.writeEndObject();
                }
                g.writeEndObject();
                if (cell.kind() == Cell.Kind.CODE) {
                    g.writeNullField("execution_count");
                    g.writeArrayFieldStart("outputs");
                    g.writeEndArray();
                }
                source(cell, g);
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeObjectFieldStart("metadata");
            g.writeObjectFieldStart("kernelspec");
            g.writeStringField("display_name", "Python 3");
            g.writeStringField("language", "python");
            g.writeStringField("name", "python3");
            g.writeEndObject();
            g.writeObjectFieldStart("language_info");
            g.writeStringField("name", "python");
            g.writeEndObject();
            g.writeEndObject();
            g.writeNumberField("nbformat", 4);
            g.writeNumberField("nbformat_minor", 5);
            g.writeEndObject();
        }
    }

    /** The source as nbformat keeps it: a list of lines, each but the last ending in its line break. */
    private static void source(Cell cell, JsonGenerator g) throws IOException {
        g.writeArrayFieldStart("source");
        String[] held = {null};
        cell.body().writeTo(line -> {
            if (held[0] != null) g.writeString(held[0] + "\n");
            held[0] = line;
        });
        if (held[0] != null) g.writeString(held[0]);
        g.writeEndArray();
    }
}
