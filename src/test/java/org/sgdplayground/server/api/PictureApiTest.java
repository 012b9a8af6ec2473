package org.sgdplayground.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.util.List;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sgdplayground.export.picture.PictureLimits;
import org.sgdplayground.export.picture.Recording;
import org.sgdplayground.experiment.Limits;
import org.sgdplayground.server.PlaygroundApp;

/** {@code GET /export/plot.png}, {@code /export/run.gif} and {@code /export/replay.html} over real HTTP: types, and the 400s of {@code /api/train}. */
class PictureApiTest {
    private static Javalin app;
    private static Http http;
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        app = PlaygroundApp.create().start("127.0.0.1", 0);
        http = new Http(app.port());
    }

    @AfterAll
    static void stop() {
        app.stop();
    }

    private static HttpResponse<byte[]> bytes(String pathAndQuery) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(http.uri(pathAndQuery)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Asserts that the export and {@code POST /api/train} refuse {@code query} alike: 400 and the same JSON. */
    private static void assertRefusedAsTrainRefusesIt(String path, String query) throws Exception {
        HttpResponse<String> export = http.get(path + "?" + query);
        HttpResponse<String> train = http.post("/api/train?" + query, null, "");
        assertEquals(400, train.statusCode());
        assertEquals(400, export.statusCode(), export.body());
        assertEquals(Http.json(train), Http.json(export));
    }

    @Test
    void plot_png_is_a_1200_by_630_png() throws Exception {
        HttpResponse<byte[]> r = bytes("/export/plot.png?preset=roller-coaster&theme=light");
        assertEquals(200, r.statusCode());
        assertEquals("image/png", r.headers().firstValue("Content-Type").orElseThrow());
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(r.body()));
        assertEquals(1200, image.getWidth());
        assertEquals(630, image.getHeight());
    }

    @Test
    void run_gif_is_a_gif() throws Exception {
        HttpResponse<byte[]> r = bytes("/export/run.gif?preset=roller-coaster");
        assertEquals(200, r.statusCode());
        assertEquals("image/gif", r.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("GIF89a", new String(r.body(), 0, 6, java.nio.charset.StandardCharsets.US_ASCII));
    }

    @Test
    void a_long_replay_keeps_at_most_the_frame_limit_and_always_the_last_frame() throws Exception {
        int steps = 5000;
        HttpResponse<String> r = http.get("/export/replay.html?preset=fastai-sgd&steps=" + steps);
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
        java.util.regex.Matcher block = java.util.regex.Pattern.compile("<script type=\"application/json\" id=\"recording\">(.*?)</script>",
            java.util.regex.Pattern.DOTALL).matcher(r.body());
        assertTrue(block.find());
        JsonNode frames = Http.JSON.readTree(block.group(1)).get("frames");
        int stride = (int) Math.ceil(steps / (double) (PictureLimits.MAX_REPLAY_FRAMES - 1));
        assertEquals(steps / stride + 1 + (steps % stride == 0 ? 0 : 1), frames.size());
        assertTrue(frames.size() <= PictureLimits.MAX_REPLAY_FRAMES);
        assertEquals(steps, frames.get(frames.size() - 1).get("iter").asInt());
        assertEquals(stride, frames.get(1).get("iter").asInt());
    }

    @Test
    void a_bad_setting_gets_the_same_400_as_api_train() throws Exception {
        for (String path : new String[] {"/export/plot.png", "/export/run.gif", "/export/replay.html"}) {
            assertRefusedAsTrainRefusesIt(path, "lr=-1");
            assertRefusedAsTrainRefusesIt(path, "model=cubic");
            assertRefusedAsTrainRefusesIt(path, "steps=" + (Limits.MAX_STEPS + 1));
            assertRefusedAsTrainRefusesIt(path, "n=100000&steps=100000"); // past MAX_WORK
        }
    }

    @Test
    void iter_past_the_last_frame_is_refused_naming_iter_and_the_frames_there_are() throws Exception {
        HttpResponse<String> r = http.get("/export/plot.png?preset=roller-coaster&iter=11");
        assertEquals(400, r.statusCode());
        JsonNode body = Http.json(r);
        assertEquals("iter", body.get("parameter").asText());
        assertEquals("11", body.get("value").asText());
        assertEquals("a whole number from 0 to 10 (the run's last frame)", body.get("allowed").asText());
        assertEquals(400, http.get("/export/plot.png?iter=-1").statusCode());
        assertEquals(400, http.get("/export/plot.png?iter=1.5").statusCode());
    }

    @Test
    void iter_of_a_run_that_diverged_counts_only_the_frames_it_has() throws Exception {
        HttpResponse<String> r = http.get("/export/plot.png?preset=diverging-lr&iter=150");
        assertEquals(400, r.statusCode());
        assertTrue(Http.json(r).get("allowed").asText().endsWith("(the run diverged after it)"), r.body());
    }

    @Test
    void theme_is_dark_or_light_and_nothing_else() throws Exception {
        HttpResponse<String> r = http.get("/export/plot.png?theme=sepia");
        assertEquals(400, r.statusCode());
        JsonNode body = Http.json(r);
        assertEquals("theme", body.get("parameter").asText());
        assertEquals("sepia", body.get("value").asText());
        assertEquals("dark or light", body.get("allowed").asText());
        assertEquals(400, http.get("/export/run.gif?theme=sepia").statusCode());
        assertEquals(400, http.get("/export/replay.html?theme=sepia").statusCode());
    }

    @Test
    void a_races_replay_carries_every_lanes_frames_as_the_socket_sends_them() throws Exception {
        String query = "preset=race-momentum&steps=40";
        HttpResponse<String> r = http.get("/export/replay.html?" + query);
        assertEquals(200, r.statusCode(), r.body());
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<script type=\"application/json\" id=\"recording\">(.*?)</script>", java.util.regex.Pattern.DOTALL).matcher(r.body());
        assertTrue(m.find(), "the recording is in the file");
        JsonNode recording = org.sgdplayground.json.Jackson.MAPPER.readTree(m.group(1));
        Recording run = Recording.of(org.sgdplayground.experiment.ExperimentCodec.decode(org.sgdplayground.experiment.QueryStrings.parse(query)));
        List<String> labels = run.lanes().stream().map(Recording.Lane::label).toList();
        assertEquals(labels, java.util.stream.StreamSupport.stream(recording.get("data").get("lanes").spliterator(), false).map(JsonNode::asText).toList());
        JsonNode frames = recording.get("frames");
        assertEquals(run.frames().size(), frames.size(), "every iteration of the longest lane");
        for (int iter : new int[] {0, 17, frames.size() - 1}) {
            JsonNode message = frames.get(iter);
            assertEquals(iter, message.get("iter").asInt());
            for (int k = 0; k < labels.size(); k++) {
                List<org.sgdplayground.experiment.Frame> lane = run.lanes().get(k).frames();
                if (iter < lane.size()) assertEquals(lane.get(iter).loss(), message.get("lanes").get(k).get("loss").asDouble(), "lane " + k + " at " + iter);
            }
        }
        assertEquals(labels.size(), recording.get("outcome").get("lanes").size(), "every lane's outcome");
    }
}
