package org.sgdplayground.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sgdplayground.experiment.Limits;
import org.sgdplayground.server.PlaygroundApp;

/**
 * {@code GET /export/…} over HTTP: the frames are {@code /api/train}'s frames to the last bit, a bad query gets the very
 * 400 that {@code /api/train} gives it (the same limits included) and an unknown id its 404, and each file comes with
 * its type and, for the ones to keep, a file name.
 */
class ExportApiTest {
    private static Javalin app;
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> PATHS = List.of("/export/train.py", "/export/notebook.ipynb", "/export/frames.csv", "/export/frames.json");

    @BeforeAll
    static void start() {
        app = PlaygroundApp.create().start(0);
    }

    @AfterAll
    static void stop() {
        app.stop();
    }

    @Test
    void frames_csv_holds_every_frame_of_api_train_to_the_last_bit() throws Exception {
        for (String q : List.of("preset=minibatch-noise", "preset=roller-coaster&standardize=1&lr=0.2", "preset=diverging-lr")) {
            JsonNode frames = JSON.readTree(send("POST", "/api/train?" + q).body()).path("frames");
            List<String> rows = send("GET", "/export/frames.csv?" + q).body().lines().toList();
            int k = frames.get(0).path("params").size();
            StringBuilder header = new StringBuilder("iter,loss");
            for (int j = 0; j < k; j++) header.append(",p").append(j);
            for (int j = 0; j < k; j++) header.append(",g").append(j);
            assertEquals(header.toString(), rows.get(0), q);
            assertEquals(frames.size() + 1, rows.size(), q + ": a row a frame");
            for (int i = 0; i < frames.size(); i++) {
                JsonNode f = frames.get(i);
                String[] cells = rows.get(i + 1).split(",");
                assertEquals(f.path("iter").asInt(), Integer.parseInt(cells[0]), q);
                assertSameDouble(f.path("loss").asDouble(), cells[1], q);
                for (int j = 0; j < k; j++) {
                    assertSameDouble(f.path("params").get(j).asDouble(), cells[2 + j], q + " p" + j);
                    assertSameDouble(f.path("grad").get(j).asDouble(), cells[2 + k + j], q + " g" + j);
                }
            }
        }
    }

    @Test
    void frames_json_holds_api_train_s_frames_and_outcome() throws Exception {
        for (String q : List.of("preset=momentum", "preset=diverging-lr")) {
            JsonNode train = JSON.readTree(send("POST", "/api/train?" + q).body());
            JsonNode export = JSON.readTree(send("GET", "/export/frames.json?" + q).body());
            for (JsonNode f : train.path("frames")) ((ObjectNode) f).remove("batch");
            assertEquals(train.path("frames"), export.path("frames"), q);
            assertEquals(train.path("outcome"), export.path("outcome"), q);
            assertEquals(train.path("query"), export.path("query"), q);
            assertEquals(train.path("model"), export.path("model"), q);
        }
    }

    @Test
    void a_race_s_frames_csv_starts_each_row_with_its_lane_and_holds_every_lane_s_frames_to_the_last_bit() throws Exception {
        String q = "preset=fastai-sgd&steps=30&batch=10&race=sgd,adam(lr=0.05),rmsprop(lr=0.01;centered=1)";
        JsonNode lanes = JSON.readTree(send("POST", "/api/train?" + q).body()).path("lanes");
        List<String> rows = send("GET", "/export/frames.csv?" + q).body().lines().toList();
        assertEquals("lane,iter,loss,p0,p1,g0,g1", rows.get(0), "the lane first, then a single run's columns");
        int row = 1;
        for (JsonNode lane : lanes) {
            for (JsonNode f : lane.path("frames")) {
                String[] cells = rows.get(row++).split(",");
                assertEquals(lane.path("lane").asText(), cells[0], q);
                assertEquals(f.path("iter").asInt(), Integer.parseInt(cells[1]), q);
                assertSameDouble(f.path("loss").asDouble(), cells[2], q);
                assertSameDouble(f.path("params").get(1).asDouble(), cells[4], q + " b");
                assertSameDouble(f.path("grad").get(0).asDouble(), cells[5], q + " g0");
            }
        }
        assertEquals(3, lanes.size(), q);
        assertEquals(rows.size(), row, q + ": a row a frame of each lane, nothing more");
    }

    @Test
    void a_race_s_frames_json_holds_api_train_s_lanes_each_with_its_frames_and_outcome() throws Exception {
        for (String q : List.of("preset=race-overshoot", "preset=fastai-sgd&lr=0.5&race=sgd,adam")) {
            JsonNode train = JSON.readTree(send("POST", "/api/train?" + q).body());
            JsonNode export = JSON.readTree(send("GET", "/export/frames.json?" + q).body());
            for (JsonNode lane : train.path("lanes")) for (JsonNode f : lane.path("frames")) ((ObjectNode) f).remove("batch");
            assertTrue(train.path("lanes").size() > 1, q);
            assertEquals(train.path("lanes"), export.path("lanes"), q);
            assertTrue(export.path("frames").isMissingNode(), q + ": the frames are the lanes'");
            assertEquals(train.path("query"), export.path("query"), q);
        }
    }

    @Test
    void a_bad_query_gets_the_same_400_as_api_train_on_every_export() throws Exception {
        List<String> bad = List.of("lr=abc", "model=cubic", "init=1,2,3", "steps=" + (Limits.MAX_STEPS + 1),
            "n=" + (Limits.MAX_POINTS + 1), "n=10&batch=11", "n=" + Limits.MAX_POINTS + "&steps=" + (Limits.MAX_WORK / Limits.MAX_POINTS + 1),
            "preset=nope", "momentum=1", "points=short");
        for (String q : bad) {
            HttpResponse<String> train = send("POST", "/api/train?" + q);
            assertEquals(400, train.statusCode(), q);
            for (String path : PATHS) {
                HttpResponse<String> export = send("GET", path + "?" + q);
                assertEquals(400, export.statusCode(), path + "?" + q);
                assertEquals(JSON.readTree(train.body()), JSON.readTree(export.body()), path + "?" + q + ": the parameter, value and what is allowed");
                assertTrue(export.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), path);
            }
        }
    }

    @Test
    void an_unknown_points_id_gets_api_train_s_404() throws Exception {
        String q = "points=AAAAAAAAAAAAAAAA";
        HttpResponse<String> train = send("POST", "/api/train?" + q);
        assertEquals(404, train.statusCode());
        for (String path : PATHS) {
            HttpResponse<String> export = send("GET", path + "?" + q);
            assertEquals(404, export.statusCode(), path);
            assertEquals(JSON.readTree(train.body()), JSON.readTree(export.body()), path);
        }
    }

    @Test
    void each_export_says_its_type_and_the_files_to_keep_carry_their_name() throws Exception {
        for (Export export : Export.values()) {
            HttpResponse<String> r = send("GET", "/export/" + export.fileName() + "?preset=roller-coaster");
            assertEquals(200, r.statusCode());
            assertEquals(export.mediaType(), r.headers().firstValue("Content-Type").orElse(""), export.fileName());
            assertEquals(export.download() ? "attachment; filename=\"" + export.fileName() + "\"" : "",
                r.headers().firstValue("Content-Disposition").orElse(""), export.fileName());
            HttpResponse<String> head = send("HEAD", "/export/" + export.fileName() + "?preset=roller-coaster");
            assertEquals(200, head.statusCode());
            assertEquals(export.mediaType(), head.headers().firstValue("Content-Type").orElse(""), "HEAD " + export.fileName());
            assertEquals("", head.body());
        }
        assertTrue(List.of(".py", ".ipynb", ".csv", ".json").stream().allMatch(ext ->
            java.util.Arrays.stream(Export.values()).anyMatch(e -> e.fileName().endsWith(ext))), "the four files");
    }

    @Test
    void a_script_links_back_to_the_run_it_reproduces() throws Exception {
        String body = send("GET", "/export/train.py?preset=roller-coaster&lr=2e-5&utm_source=x").body();
        assertTrue(body.contains("http://localhost:" + app.port() + "/?preset=roller-coaster&lr=2e-5)"), body.lines().limit(5).toList().toString());
    }

    private static void assertSameDouble(double expected, String text, String what) {
        assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(Double.parseDouble(text)), what + ": " + text);
    }

    private static HttpResponse<String> send(String method, String pathAndQuery) throws Exception {
        HttpRequest r = HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + pathAndQuery))
            .method(method, HttpRequest.BodyPublishers.noBody()).build();
        return CLIENT.send(r, HttpResponse.BodyHandlers.ofString());
    }
}
