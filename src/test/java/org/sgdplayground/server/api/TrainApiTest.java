package org.sgdplayground.server.api;

import org.sgdplayground.server.PlaygroundApp;
import org.sgdplayground.json.Jackson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sgdplayground.experiment.ExperimentCodec;
import org.sgdplayground.experiment.Frame;
import org.sgdplayground.experiment.Limits;
import org.sgdplayground.analysis.Optimum;
import org.sgdplayground.experiment.Presets;
import org.sgdplayground.experiment.QueryStrings;
import org.sgdplayground.experiment.TrainingRun;

/** {@code POST /api/train}, {@code GET /api/presets} and {@code /healthz} over real HTTP. */
class TrainApiTest {
    private static Javalin app;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        app = PlaygroundApp.create().start(0);
    }

    @AfterAll
    static void stop() {
        app.stop();
    }

    private static HttpResponse<String> post(String pathAndQuery, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + pathAndQuery))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + pathAndQuery)).build(),
            HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return Jackson.MAPPER.readTree(response.body());
    }

    /** The frames the engine gives for a query, straight from TrainingRun: what the API must repeat. */
    private static List<Frame> engineFrames(String query) {
        return new TrainingRun(ExperimentCodec.decode(QueryStrings.parse(query))).all();
    }

    private static void assertFrame(Frame expected, JsonNode actual) {
        assertEquals(expected.iter(), actual.get("iter").asInt());
        assertEquals(expected.loss(), actual.get("loss").asDouble());
        for (int j = 0; j < expected.params().length; j++) {
            assertEquals(expected.params()[j], actual.get("params").get(j).asDouble());
            assertEquals(expected.grad()[j], actual.get("grad").get(j).asDouble());
        }
    }

    @Test
    void healthz_says_ok() throws Exception {
        HttpResponse<String> r = get("/healthz");
        assertEquals(200, r.statusCode());
        assertEquals("ok", r.body());
    }

    @Test
    void an_empty_body_trains_the_default_preset_and_answers_every_frame_bit_for_bit() throws Exception {
        HttpResponse<String> r = post("/api/train", "");
        assertEquals(200, r.statusCode(), r.body());
        JsonNode body = json(r);
        List<Frame> expected = engineFrames("preset=fastai-sgd");
        assertEquals("preset=fastai-sgd", body.get("query").asText());
        assertEquals(expected.size(), body.get("frames").size());
        for (int i = 0; i < expected.size(); i++) assertFrame(expected.get(i), body.get("frames").get(i));
        assertEquals("done", body.get("outcome").get("type").asText());
        assertEquals(100, body.get("outcome").get("iter").asInt());
        assertEquals(100, body.get("points").get("x").size());
        assertEquals("linear", body.get("model").get("name").asText());
    }

    @Test
    void the_body_overrides_the_query_and_json_numbers_arrays_and_strings_are_all_read() throws Exception {
        HttpResponse<String> r = post("/api/train?lr=0.5&steps=3", "{\"lr\": 0.05, \"init\": [1, -2], \"seed\": \"7\", \"utm_source\": {\"x\": 1}}");
        assertEquals(200, r.statusCode(), r.body());
        List<Frame> expected = engineFrames("lr=0.05&steps=3&init=1,-2&seed=7");
        JsonNode frames = json(r).get("frames");
        assertEquals(4, frames.size());
        for (int i = 0; i < expected.size(); i++) assertFrame(expected.get(i), frames.get(i));
    }

    @Test
    void every_keeps_each_kth_frame_and_always_the_last() throws Exception {
        JsonNode frames = json(post("/api/train", "{\"steps\": 25, \"every\": 10}")).get("frames");
        int[] iters = new int[frames.size()];
        for (int i = 0; i < iters.length; i++) iters[i] = frames.get(i).get("iter").asInt();
        assertEquals(List.of(0, 10, 20, 25), java.util.Arrays.stream(iters).boxed().toList());
    }

    @Test
    void your_own_points_are_trained_and_the_optimum_is_their_least_squares_fit() throws Exception {
        double[] x = {0, 1, 2, 3}, y = {1, 3, 5, 7.5};
        HttpResponse<String> r = post("/api/train", "{\"x\": [0, 1, 2, 3], \"y\": [1, 3, 5, 7.5], \"steps\": 5, \"init\": \"0,0\"}");
        assertEquals(200, r.statusCode(), r.body());
        JsonNode body = json(r);
        // The least-squares line through these points, from the normal equations written out by hand.
        double n = x.length, sx = 0, sy = 0, sxx = 0, sxy = 0;
        for (int i = 0; i < x.length; i++) { sx += x[i]; sy += y[i]; sxx += x[i] * x[i]; sxy += x[i] * y[i]; }
        double slope = (n * sxy - sx * sy) / (n * sxx - sx * sx), intercept = (sy - slope * sx) / n;
        assertEquals(slope, body.get("optimum").get("params").get(0).asDouble(), 1e-12);
        assertEquals(intercept, body.get("optimum").get("params").get(1).asDouble(), 1e-12);
        assertEquals(4, body.get("points").get("x").size());
        assertEquals(7.5, body.get("points").get("y").get(3).asDouble());
        // Frame 0 at p = (0, 0): the loss is the mean of y².
        double meanSquare = 0;
        for (double v : y) meanSquare += v * v / n;
        assertEquals(meanSquare, body.get("frames").get(0).get("loss").asDouble(), 1e-12);
        assertEquals(Optimum.of(org.sgdplayground.model.Models.LINEAR, new org.sgdplayground.data.Dataset(x, y)).loss(),
            body.get("optimum").get("loss").asDouble(), 0);
    }

    @Test
    void a_diverging_run_ends_diverged_and_no_frame_carries_a_non_finite_number() throws Exception {
        JsonNode body = json(post("/api/train", "{\"preset\": \"diverging-lr\"}"));
        assertEquals("diverged", body.get("outcome").get("type").asText());
        int at = body.get("outcome").get("iter").asInt();
        assertEquals(at, body.get("frames").size(), "frames 0 … at−1 are emitted, frame `at` is not");
        assertTrue(body.get("outcome").get("message").asText().contains("lr"));
        for (JsonNode f : body.get("frames")) {
            assertTrue(Double.isFinite(f.get("loss").asDouble()));
        }
    }

    @Test
    void answers_to_many_requests_at_once_are_each_the_whole_answer_whoever_wrote_their_parts() throws Exception {
        // more requests than cores: the part writers are busy, so most requests write their own parts
        String query = "/api/train?n=3000&steps=30&model=quadratic&lr=0.01";
        ByteArrayOutputStream alone = new ByteArrayOutputStream();
        var e = ExperimentCodec.decode(QueryStrings.parse(query.substring(query.indexOf('?') + 1)));
        var points = e.dataset();
        TrainingRun run = new TrainingRun(e, points);
        TrainAnswerWriter.write(alone, e, points, run.all(), run.outcome());
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + query))
            .POST(HttpRequest.BodyPublishers.noBody()).build();
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < 12; i++) answers.add(HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
        for (CompletableFuture<HttpResponse<String>> answer : answers) {
            assertEquals(200, answer.get().statusCode());
            assertEquals(alone.toString(StandardCharsets.UTF_8), answer.get().body());
        }
    }

    @Test
    void presets_lists_every_preset_with_its_settings() throws Exception {
        HttpResponse<String> r = get("/api/presets");
        assertEquals(200, r.statusCode());
        JsonNode body = json(r);
        assertEquals(Presets.all().size(), body.size());
        assertEquals("fastai-sgd", body.get(0).get("name").asText());
        JsonNode coaster = null;
        for (JsonNode p : body) if (p.get("name").asText().equals("roller-coaster")) coaster = p;
        assertEquals("quadratic", coaster.get("settings").get("model").asText());
        assertEquals("1e-5", coaster.get("settings").get("lr").asText());
    }

    // ---- bad input: 400 naming the parameter, never 500 --------------------------------------------------

    private static void assertRefused(HttpResponse<String> r, int status, String parameter, String... mentions) throws IOException {
        assertEquals(status, r.statusCode(), r.body());
        JsonNode body = json(r);
        String error = body.get("error").asText();
        if (parameter != null) assertEquals(parameter, body.get("parameter").asText(), error);
        for (String m : mentions) assertTrue(error.contains(m), error + " should mention " + m);
        assertFalse(r.body().contains("Exception"), "no stack trace or exception name: " + r.body());
    }

    @Test
    void a_bad_learning_rate_in_the_query_is_refused_naming_lr_and_the_range() throws Exception {
        assertRefused(post("/api/train?lr=abc", ""), 400, "lr", "lr=abc", String.valueOf((int) Limits.MAX_LEARNING_RATE));
        assertRefused(post("/api/train?lr=-1", ""), 400, "lr", "greater than 0");
        assertRefused(post("/api/train?lr=NaN", ""), 400, "lr");
        assertRefused(post("/api/train", "{\"lr\": 1e999}"), 400, "lr");
    }

    @Test
    void bad_settings_in_the_body_are_refused_by_name() throws Exception {
        assertRefused(post("/api/train", "{\"model\": \"cubic\"}"), 400, "model", "linear, quadratic");
        assertRefused(post("/api/train", "{\"steps\": " + (Limits.MAX_STEPS + 1) + "}"), 400, "steps", Integer.toString(Limits.MAX_STEPS));
        assertRefused(post("/api/train", "{\"init\": [1, \"two\"]}"), 400, "init");
        assertRefused(post("/api/train", "{\"init\": [1, 2, 3]}"), 400, "init", "2 numbers");
        assertRefused(post("/api/train", "{\"lr\": {\"nested\": 1}}"), 400, "lr");
        assertRefused(post("/api/train", "{\"batch\": 101}"), 400, "batch", "100");
        assertRefused(post("/api/train", "{\"every\": 0}"), 400, "every");
    }

    @Test
    void bad_points_are_refused_by_name() throws Exception {
        assertRefused(post("/api/train", "{\"x\": [1, 2, 3], \"y\": [1, 2]}"), 400, "y", "equal length");
        assertRefused(post("/api/train", "{\"x\": [1]}"), 400, "y");
        assertRefused(post("/api/train", "{\"x\": [1, \"a\"], \"y\": [1, 2]}"), 400, "x", "x[1]");
        assertRefused(post("/api/train", "{\"x\": \"1,2\", \"y\": [1, 2]}"), 400, "x", "array");
        assertRefused(post("/api/train", "{\"x\": [1], \"y\": [2]}"), 400, "x", "2 to");
    }

    @Test
    void a_body_that_is_not_a_json_object_is_refused_with_a_plain_message() throws Exception {
        assertRefused(post("/api/train", "{not json"), 400, null, "not valid JSON");
        assertRefused(post("/api/train", "[1, 2]"), 400, null, "JSON object");
    }

    @Test
    void a_run_asking_for_more_frames_than_an_answer_carries_is_told_the_every_it_needs() throws Exception {
        int steps = 2 * Limits.MAX_RESPONSE_FRAMES;
        HttpResponse<String> r = post("/api/train", "{\"steps\": " + steps + ", \"n\": 10}");
        assertRefused(r, 400, "every", "at least 3");
        assertEquals(200, post("/api/train", "{\"steps\": " + steps + ", \"n\": 10, \"every\": 3}").statusCode());
    }

    @Test
    void a_body_over_the_size_limit_is_refused_with_413_naming_the_limit() throws Exception {
        String big = "{\"pad\": \"" + "x".repeat(Limits.MAX_BODY_BYTES) + "\"}";
        assertRefused(post("/api/train", big), 413, null, Integer.toString(Limits.MAX_BODY_BYTES));
    }

    @Test
    void work_over_the_limit_is_refused_naming_steps() throws Exception {
        long steps = Limits.MAX_WORK / Limits.MAX_POINTS + 1;
        assertRefused(post("/api/train", "{\"n\": " + Limits.MAX_POINTS + ", \"steps\": " + steps + "}"), 400, "steps",
            Long.toString(Limits.MAX_WORK));
    }

    @Test
    void unknown_parameters_are_ignored() throws Exception {
        HttpResponse<String> r = post("/api/train?utm_source=news&fbclid=abc&steps=2", "{\"colour\": \"blue\"}");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(3, json(r).get("frames").size());
    }

    @Test
    void responses_carry_nosniff_and_a_referrer_policy() throws Exception {
        HttpResponse<String> r = get("/healthz");
        assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertTrue(r.headers().firstValue("Referrer-Policy").isPresent());
    }
}
