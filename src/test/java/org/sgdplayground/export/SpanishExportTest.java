package org.sgdplayground.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.sgdplayground.server.LocalApp;
import org.junit.jupiter.api.io.TempDir;
import org.sgdplayground.experiment.ExperimentCodec;
import org.sgdplayground.experiment.QueryStrings;
import org.sgdplayground.i18n.Messages;

/**
 * Exports in Spanish ({@code lang=es}, or the Spanish lesson's own preset): the notebook's markdown and the script's
 * comments are the Spanish catalogue's, the code is the English export's line for line, and under real PyTorch the
 * Spanish programs print exactly what the playground computed (the log's format is the program's, not a language's).
 */
class SpanishExportTest {
    @TempDir
    static Path dir;
    @RegisterExtension
    static final LocalApp APP = new LocalApp();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Messages ES = Messages.of("es").orElseThrow();
    /** The Spanish lesson as its preset gives it, on minibatches; and a race on standardised inputs, said in Spanish. */
    private static final String LESSON = "preset=fastai-sgd-es&batch=10&seed=3&steps=30",
        RACE = "preset=roller-coaster&standardize=1&lr=0.3&steps=30&race=sgd,sgd(momentum=0.9;nesterov=1),adam(lr=0.05;amsgrad=1)&lang=es";

    @Test
    void the_spanish_notebook_s_markdown_is_the_spanish_catalogue_s() throws Exception {
        JsonNode notebook = JSON.readTree(get("/export/notebook.ipynb?" + LESSON));
        String markdown = String.join("", texts(notebook.get("cells").get(0).get("source")));
        assertTrue(markdown.startsWith("# " + ES.text("notebook.title", "title", ES.text("preset.fastai-sgd-es.title")) + "\n"), markdown);
        String link = APP.origin() + "/?" + ExperimentCodec.encode(ExperimentCodec.decode(QueryStrings.parse(LESSON)), "es");
        assertTrue(markdown.contains(ES.text("notebook.intro.run", "link", link, "sameBatches", ES.text("notebook.intro.run.batches"))),
            "the introduction, linking the run in Spanish (the preset says es, so the link need not): " + markdown);
        assertTrue(markdown.contains(ES.text("notebook.minibatches", "batch", 10)), markdown);
        assertNotEquals(Messages.english().text("notebook.fullBatch"), ES.text("notebook.fullBatch"));
    }

    @Test
    void the_spanish_script_is_the_english_one_with_only_its_comments_translated() throws Exception {
        for (String q : List.of(LESSON, RACE)) {
            List<String> es = get("/export/train.py?" + q).lines().toList();
            List<String> en = get("/export/train.py?" + q.replace("&lang=es", "") + "&lang=en").lines().toList();
            assertEquals(en.stream().filter(l -> !comment(l)).map(SpanishExportTest::code).toList(),
                es.stream().filter(l -> !comment(l)).map(SpanishExportTest::code).toList(), q + ": the same code, line for line");
            List<String> spanishComments = es.stream().filter(SpanishExportTest::comment).filter(l -> !en.contains(l)).toList();
            assertTrue(spanishComments.size() >= 6, q + ": " + spanishComments);
        }
    }

    @Test
    void spanish_programs_run_under_pytorch_and_print_what_the_playground_computed() throws Exception {
        Path lesson = dir.resolve("lesson.py"), race = dir.resolve("race.py"), notebook = dir.resolve("notebook.py");
        Files.writeString(lesson, get("/export/train.py?" + LESSON));
        Files.writeString(race, get("/export/train.py?" + RACE));
        Files.writeString(notebook, codeCells(JSON.readTree(get("/export/notebook.ipynb?" + RACE))));
        TorchPython.require();
        TorchPython.runEach(List.of(lesson, race, notebook));
        assertEquals(List.of(), RunLog.assertLog(LESSON, JSON.readTree(post("/api/train?" + LESSON)), TorchPython.outputOf(lesson)));
        JsonNode raceAnswer = JSON.readTree(post("/api/train?" + RACE));
        assertEquals(List.of(), RunLog.assertLanes(RACE, raceAnswer, TorchPython.outputOf(race)));
        List<String> after = RunLog.assertLanes(RACE, raceAnswer, TorchPython.outputOf(notebook));
        boolean matplotlib = TorchPython.run(List.of(TorchPython.PYTHON.toString(), "-c", "import matplotlib"), null).exitCode() == 0;
        assertEquals(matplotlib ? List.of() : List.of(ES.text("notebook.plot.missing.race")), after, "the plot, or why not, in Spanish");
    }

    private static boolean comment(String line) {
        return line.trim().startsWith("#");
    }

    /** A line without its comment, docstring and string literals: what Python runs, bar the words it prints or keeps. */
    private static String code(String line) {
        if (line.trim().startsWith("\"\"\"") || line.trim().endsWith("\"\"\"")) return "docstring";
        return line.replaceAll("\"[^\"]*\"", "\"…\"").replaceAll("#.*$", "#");
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static String codeCells(JsonNode notebook) {
        StringBuilder program = new StringBuilder();
        for (JsonNode cell : notebook.path("cells")) {
            if (!cell.path("cell_type").asText().equals("code")) continue;
            for (JsonNode line : cell.path("source")) program.append(line.asText());
            program.append("\n\n");
        }
        return program.toString();
    }

    private static String get(String pathAndQuery) throws Exception {
        HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(uri(pathAndQuery)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), pathAndQuery + ": " + r.body());
        return r.body();
    }

    private static String post(String pathAndQuery) throws Exception {
        HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(uri(pathAndQuery)).POST(HttpRequest.BodyPublishers.noBody()).build(),
            HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return r.body();
    }

    private static URI uri(String pathAndQuery) {
        return URI.create(APP.origin() + pathAndQuery.replace(",", "%2C").replace("(", "%28").replace(")", "%29").replace(";", "%3B"));
    }
}
