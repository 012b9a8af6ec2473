package org.sgdplayground.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sgdplayground.experiment.Experiment;
import org.sgdplayground.experiment.ExperimentCodec;
import org.sgdplayground.experiment.QueryStrings;

/**
 * The notebook is nbformat 4.5 as its schema asks (cell ids, code cells with {@code execution_count} and
 * {@code outputs}, sources as lines), its code cells are the script's code, and a cell of base64 points is folded.
 */
class NotebookTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode notebook(Experiment e) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Export.NOTEBOOK.write(e, "http://localhost", out);
        return JSON.readTree(out.toByteArray());
    }

    private static String script(Experiment e) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Export.TRAIN_PY.write(e, "http://localhost", out);
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static Experiment experiment(String query) {
        return ExperimentCodec.decode(QueryStrings.parse(query));
    }

    @Test
    void it_is_nbformat_4_5_with_a_kernel_and_well_formed_cells() throws IOException {
        JsonNode nb = notebook(experiment("preset=minibatch-noise"));
        assertEquals(4, nb.path("nbformat").asInt());
        assertEquals(5, nb.path("nbformat_minor").asInt());
        assertEquals("python3", nb.path("metadata").path("kernelspec").path("name").asText());
        assertEquals("python", nb.path("metadata").path("language_info").path("name").asText());
        Set<String> ids = new HashSet<>();
        for (JsonNode cell : nb.path("cells")) {
            String id = cell.path("id").asText();
            assertTrue(id.matches("[a-zA-Z0-9_-]{1,64}") && ids.add(id), "a unique id of the allowed characters: " + id);
            assertTrue(cell.path("metadata").isObject());
            JsonNode source = cell.path("source");
            for (int i = 0; i < source.size(); i++) {
                assertEquals(i < source.size() - 1, source.get(i).asText().endsWith("\n"), "each line but the last ends its line");
            }
            if (cell.path("cell_type").asText().equals("code")) {
                assertTrue(cell.path("execution_count").isNull(), "not run yet");
                assertTrue(cell.path("outputs").isArray() && cell.path("outputs").isEmpty(), "no outputs yet");
            } else {
                assertEquals("markdown", cell.path("cell_type").asText());
            }
        }
        assertEquals("markdown", nb.path("cells").get(0).path("cell_type").asText(), "it opens with what it is");
    }

    @Test
    void its_code_cells_are_the_script_s_code_then_a_plot() throws IOException {
        Experiment e = experiment("preset=standardised");
        StringBuilder cells = new StringBuilder();
        String last = "";
        for (JsonNode cell : notebook(e).path("cells")) {
            if (!cell.path("cell_type").asText().equals("code")) continue;
            StringBuilder one = new StringBuilder();
            for (JsonNode line : cell.path("source")) one.append(line.asText());
            last = one.toString();
            cells.append(last).append("\n");
        }
        String script = script(e);
        String code = script.substring(script.indexOf("\nimport ") + 1);
        assertTrue(cells.toString().replace("\n\n", "\n").startsWith(code.replace("\n\n", "\n")), "the script's code, cell by cell");
        assertTrue(last.contains("import matplotlib.pyplot as plt") && last.contains("except ImportError"), last);
    }

    @Test
    void a_cell_of_base64_points_is_folded_and_readable_lists_are_not() throws IOException {
        assertEquals(1, hiddenCells(notebook(experiment("preset=fastai-sgd&n=" + (PythonNumbers.MAX_LITERAL_POINTS + 1)))));
        assertEquals(0, hiddenCells(notebook(experiment("preset=fastai-sgd"))));
    }

    private static int hiddenCells(JsonNode nb) {
        int hidden = 0;
        for (JsonNode cell : nb.path("cells")) if (cell.path("metadata").path("jupyter").path("source_hidden").asBoolean()) hidden++;
        return hidden;
    }
}
