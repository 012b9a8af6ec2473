package org.sgdplayground.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sgdplayground.experiment.Limits;
import org.sgdplayground.experiment.Presets;
import org.sgdplayground.server.PlaygroundApp;
import org.sgdplayground.store.Database;
import org.sgdplayground.store.JdbcPointStore;
import org.sgdplayground.store.PointStore;
import org.sgdplayground.store.StoreLimits;

/**
 * The exported programs run under real PyTorch ({@code /usr/bin/python3} with Debian's {@code python3-torch}) and
 * print what the playground's own engine computed: every logged loss and the last frame against {@code /api/train}'s
 * frames for the same query, to 1e-9 relative. Every preset, and momentum, minibatches, standardised inputs, points
 * past the readable-list size (base64) up to the most a run may have, and stored points of one's own.
 */
class TorchExportTest {
    @TempDir
    static Path dir;
    private static Javalin app;
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Query → the script's path, and the same for notebooks (their code cells, concatenated). */
    private static final Map<String, Path> SCRIPTS = new LinkedHashMap<>(), NOTEBOOKS = new LinkedHashMap<>();
    private static final Map<String, JsonNode> ANSWERS = new LinkedHashMap<>();
    private static String ownPoints;
    /** Races: a preset of each kind, and one of every optimizer with lanes' own settings on minibatches. */
    private static final List<String> RACES = List.of(
        "preset=race-momentum&steps=60",
        "preset=race-noisy&steps=40",
        "preset=race-adam",
        "preset=race-overshoot",
        "preset=fastai-sgd&steps=40&batch=10&seed=7&race=sgd,sgd(momentum=0.9;nesterov=1),adam(lr=0.05;amsgrad=1),"
            + "rmsprop(lr=0.01;centered=1;momentum=0.3),adagrad(lr=0.3;weight_decay=0.01)");
    /** Every optimizer with settings away from PyTorch's defaults, and SGD with each of its options. */
    private static final List<String> OPTIMIZERS = List.of(
        "preset=fastai-sgd&lr=0.01&momentum=0.9&nesterov=1&steps=40",
        "preset=fastai-sgd&lr=0.01&momentum=0.8&dampening=0.3&weight_decay=0.05&batch=16&seed=4&steps=40",
        "preset=fastai-sgd&weight_decay=0.1&steps=25",
        "preset=fastai-sgd&optimizer=adam&lr=0.05&beta1=0.8&beta2=0.99&eps=1e-6&weight_decay=0.01&steps=60",
        "preset=roller-coaster&optimizer=adam&lr=0.1&amsgrad=1&batch=8&seed=6&steps=50",
        "preset=fastai-sgd&optimizer=rmsprop&lr=0.01&alpha=0.9&eps=1e-6&momentum=0.5&centered=1&weight_decay=0.02&steps=60",
        "preset=fastai-sgd&optimizer=rmsprop&lr=0.005&steps=30&model=quadratic",
        "preset=fastai-sgd&optimizer=adagrad&lr=0.5&eps=1e-8&weight_decay=0.01&batch=10&seed=8&steps=40");

    @BeforeAll
    static void exportAndRunEverything() throws Exception {
        TorchPython.require();
        PointStore store = JdbcPointStore.open(Database.h2(dir.resolve("db")), StoreLimits.DEFAULT);
        app = PlaygroundApp.create(store, StoreLimits.DEFAULT).start(0);
        ownPoints = storeOwnPoints(300);

        List<String> queries = new ArrayList<>();
        for (String preset : Presets.names()) if (!preset.startsWith("race-")) queries.add("preset=" + preset);
        queries.addAll(List.of(
            "preset=fastai-sgd&momentum=0.5&batch=16&seed=3&steps=60",
            "preset=roller-coaster&standardize=1&lr=0.3&steps=40&init=random&seed=5",
            "preset=fastai-sgd&n=1000&batch=64&steps=50&seed=11",
            "preset=fastai-sgd&n=" + Limits.MAX_POINTS + "&batch=4000&steps=30&seed=2",
            "points=" + ownPoints + "&model=quadratic&batch=50&momentum=0.9&standardize=1&lr=0.02&steps=60&seed=9",
            "points=" + ownPoints + "&lr=0.005&steps=15&init=1,-2"));
        queries.addAll(OPTIMIZERS);
        queries.addAll(RACES);
        List<Path> programs = new ArrayList<>();
        int i = 0;
        for (String q : queries) {
            Path script = dir.resolve("train" + i++ + ".py");
            Files.writeString(script, get("/export/train.py?" + q));
            SCRIPTS.put(q, script);
            programs.add(script);
            ANSWERS.put(q, JSON.readTree(post("/api/train?" + q)));
        }
        for (String q : List.of("preset=roller-coaster", queries.get(queries.size() - RACES.size() - OPTIMIZERS.size() - 2), RACES.get(RACES.size() - 1))) {
            Path cells = dir.resolve("notebook" + i++ + ".py");
            Files.writeString(cells, codeCells(JSON.readTree(get("/export/notebook.ipynb?" + q))));
            NOTEBOOKS.put(q, cells);
            programs.add(cells);
        }
        TorchPython.runEach(programs);
    }

    @AfterAll
    static void stop() {
        if (app != null) app.stop();
    }

    @Test
    void every_preset_s_script_prints_the_page_s_log_and_the_last_frame_as_the_engine_computed_them() throws Exception {
        for (String preset : Presets.names()) if (!preset.startsWith("race-")) assertReproduces("preset=" + preset);
    }

    @Test
    void every_optimizer_with_its_own_settings_is_pytorch_s_own_class_and_reproduces_the_run() throws Exception {
        for (String q : OPTIMIZERS) {
            String script = Files.readString(SCRIPTS.get(q));
            String optimizer = q.contains("optimizer=") ? q.replaceAll(".*optimizer=([a-z]+).*", "$1") : "sgd";
            String torchClass = Map.of("sgd", "SGD", "adam", "Adam", "rmsprop", "RMSprop", "adagrad", "Adagrad").get(optimizer);
            assertTrue(script.contains("opt = torch.optim." + torchClass + "([params], lr=lr"), q + ": " + torchClass);
            assertReproduces(q);
        }
    }

    @Test
    void a_race_s_script_runs_every_lane_from_the_same_start_and_prints_each_lane_s_log_and_final_line() throws Exception {
        for (String q : RACES) {
            List<String> after = RunLog.assertLanes(q, ANSWERS.get(q), TorchPython.outputOf(SCRIPTS.get(q)));
            assertEquals(List.of(), after, q + ": the last lane's final line is the last");
        }
    }

    @Test
    void plain_sgd_keeps_fastbook_s_own_step_and_no_optimizer_object() throws Exception {
        String script = Files.readString(SCRIPTS.get("preset=fastai-sgd"));
        assertTrue(script.contains("params.data -= lr * params.grad.data"), script);
        assertTrue(!script.contains("torch.optim"), script);
    }

    @Test
    void momentum_minibatches_standardised_inputs_many_points_and_own_points_reproduce_too() throws Exception {
        for (String q : SCRIPTS.keySet()) if (!OPTIMIZERS.contains(q) && !RACES.contains(q) && (!q.startsWith("preset=") || q.contains("&"))) assertReproduces(q);
    }

    @Test
    void the_notebook_s_code_cells_run_in_order_print_the_same_log_then_plot_or_say_why_not() throws Exception {
        boolean matplotlib = TorchPython.run(List.of(TorchPython.PYTHON.toString(), "-c", "import matplotlib"), null).exitCode() == 0;
        for (Map.Entry<String, Path> notebook : NOTEBOOKS.entrySet()) {
            JsonNode answer = ANSWERS.getOrDefault(notebook.getKey(), JSON.readTree(post("/api/train?" + notebook.getKey())));
            List<String> printed = TorchPython.outputOf(notebook.getValue());
            List<String> after = RACES.contains(notebook.getKey()) ? RunLog.assertLanes(notebook.getKey(), answer, printed)
                : RunLog.assertLog(notebook.getKey(), answer, printed);
            if (matplotlib) assertEquals(List.of(), after, "the plot cell draws and prints nothing");
            else assertEquals(1, after.size(), "one note: " + after);
            if (!matplotlib) assertTrue(after.get(0).startsWith("matplotlib is not installed"), after.get(0));
        }
    }

    @Test
    void a_downloaded_script_runs_on_its_own_as_python3_train_py() throws Exception {
        String q = "preset=minibatch-noise";
        Path script = SCRIPTS.get(q);
        TorchPython.Result r = TorchPython.run(List.of(TorchPython.PYTHON.toString(), script.getFileName().toString()), dir);
        assertEquals(0, r.exitCode(), r.output());
        assertEquals(List.of(), RunLog.assertLog(q, ANSWERS.get(q), r.lines()), "nothing after the final line");
    }

    private static void assertReproduces(String q) throws Exception {
        List<String> after = RunLog.assertLog(q, ANSWERS.get(q), TorchPython.outputOf(SCRIPTS.get(q)));
        assertEquals(List.of(), after, q + ": the final line is the last");
    }

    /** A notebook's code cells, in order, as one program: what running them top to bottom does. */
    private static String codeCells(JsonNode notebook) {
        StringBuilder program = new StringBuilder();
        for (JsonNode cell : notebook.path("cells")) {
            if (!cell.path("cell_type").asText().equals("code")) continue;
            for (JsonNode line : cell.path("source")) program.append(line.asText());
            program.append("\n\n");
        }
        return program.toString();
    }

    /** Stores {@code n} points on a bumpy parabola, none of them round numbers, and returns their id. */
    private static String storeOwnPoints(int n) throws Exception {
        StringBuilder csv = new StringBuilder("x,y\n");
        for (int i = 0; i < n; i++) {
            double x = -4 + 8.0 * i / (n - 1) + 0.01 * Math.sin(7.0 * i);
            csv.append(x).append(',').append(0.5 * x * x - 1.5 * x + 2 + Math.cos(3.0 * i)).append('\n');
        }
        HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(uri("/api/points")).header("Content-Type", "text/csv")
            .POST(HttpRequest.BodyPublishers.ofString(csv.toString())).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, r.statusCode(), r.body());
        return JSON.readTree(r.body()).path("id").asText();
    }

    private static String get(String pathAndQuery) throws Exception {
        HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(uri(pathAndQuery)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(200, r.statusCode(), pathAndQuery + ": " + r.body());
        return r.body();
    }

    private static String post(String pathAndQuery) throws Exception {
        HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(uri(pathAndQuery)).POST(HttpRequest.BodyPublishers.noBody()).build(),
            HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), pathAndQuery + ": " + r.body());
        return r.body();
    }

    private static URI uri(String pathAndQuery) {
        return URI.create("http://localhost:" + app.port() + pathAndQuery);
    }
}
