package org.sgdplayground.server.live;

import org.sgdplayground.server.PlaygroundApp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LiveSocketTest {
    private LiveHub hub;
    private Javalin app;
    private WebSocketClient client;
    private int port;

    @BeforeEach
    void start() throws Exception {
        hub = new LiveHub(LiveLimits.DEFAULT, 2);
        app = PlaygroundApp.create(hub).start(0);
        port = app.port();
        client = LiveClient.startedClient();
    }

    @AfterEach
    void stop() throws Exception {
        client.stop();
        app.stop();
    }

    private LiveClient connect(String query) throws Exception {
        return LiveClient.connect(client, port, query);
    }

    private static List<JsonNode> frames(List<JsonNode> messages) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode m : messages) if (m.path("type").asText().equals("frame")) out.add(m);
        return out;
    }

    @Test
    void a_short_run_sends_data_then_every_frame_in_order_then_done() throws Exception {
        int steps = 6;
        try (LiveClient c = connect("preset=fastai-sgd&steps=" + steps + "&speed=200")) {
            JsonNode data = c.next();
            assertEquals("data", data.path("type").asText());
            assertEquals(steps, data.path("steps").asInt());
            assertEquals(100, data.path("points").path("x").size(), "the preset's n points");
            List<JsonNode> rest = c.untilOutcome();
            List<JsonNode> frames = frames(rest);
            assertEquals(steps + 1, frames.size(), "a run of steps updates has steps + 1 frames");
            for (int i = 0; i < frames.size(); i++) assertEquals(i, frames.get(i).path("iter").asInt());
            assertEquals(steps + 2, rest.size(), "nothing but frames before the outcome");
            JsonNode done = rest.get(rest.size() - 1);
            assertEquals("done", done.path("type").asText());
            assertEquals(steps, done.path("iter").asInt());
        }
    }

    @Test
    void the_frames_are_the_ones_api_train_answers_for_the_same_query() throws Exception {
        String query = "preset=roller-coaster&steps=12&batch=5&momentum=0.5&speed=500";
        HttpResponse<String> api = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://localhost:" + port + "/api/train?" + query)).POST(HttpRequest.BodyPublishers.noBody()).build(),
            HttpResponse.BodyHandlers.ofString());
        assertEquals(200, api.statusCode(), api.body());
        JsonNode expected = LiveClient.JSON.readTree(api.body()).path("frames");
        try (LiveClient c = connect(query)) {
            c.next("data");
            List<JsonNode> frames = frames(c.untilOutcome());
            assertEquals(expected.size(), frames.size());
            for (int i = 0; i < frames.size(); i++) {
                for (String field : List.of("iter", "loss", "params", "grad")) {
                    assertEquals(expected.get(i).path(field), frames.get(i).path(field), "frame " + i + " " + field);
                }
            }
        }
    }

    @Test
    void pause_stops_the_frames_step_sends_exactly_one_and_resume_goes_on_to_done() throws Exception {
        try (LiveClient c = connect("preset=fastai-sgd&steps=40&speed=20")) {
            c.next("data");
            c.next("frame");
            c.send("{\"type\":\"pause\"}");
            // Whatever was already on its way arrives within a few frame intervals; then nothing.
            int last = -1;
            for (JsonNode m = c.poll(300); m != null; m = c.poll(300)) last = m.path("iter").asInt();
            assertNull(c.poll(400), "no frame while paused");
            c.send("{\"type\":\"step\"}");
            JsonNode stepped = c.next("frame");
            assertTrue(last < 0 || stepped.path("iter").asInt() == last + 1, "step gives the next frame");
            assertNull(c.poll(300), "one frame per step");
            c.send("{\"type\":\"speed\",\"value\":1000}");
            assertNull(c.poll(200), "a speed change alone does not resume");
            c.send("{\"type\":\"resume\"}");
            List<JsonNode> rest = c.untilOutcome();
            assertEquals(stepped.path("iter").asInt() + 1, frames(rest).get(0).path("iter").asInt());
            assertEquals("done", rest.get(rest.size() - 1).path("type").asText());
        }
    }

    @Test
    void speed_sets_the_rate_of_frames() throws Exception {
        try (LiveClient c = connect("preset=fastai-sgd&steps=1000&speed=10")) {
            c.next("data");
            c.next("frame");
            c.send("{\"type\":\"speed\",\"value\":200}");
            JsonNode first = c.next("frame");
            long start = System.nanoTime();
            int count = 0;
            while (System.nanoTime() - start < 1_000_000_000L) {
                JsonNode m = c.poll(50);
                if (m != null && m.path("type").asText().equals("frame")) count++;
            }
            // At 200 a second, one second brings about 200 frames; at the old 10 it would bring 10.
            assertTrue(count > 100 && count < 260, count + " frames in a second at speed 200 after " + first);
        }
    }

    @Test
    void reset_starts_over_from_frame_zero_paused() throws Exception {
        try (LiveClient c = connect("preset=fastai-sgd&steps=200&speed=100")) {
            JsonNode data = c.next("data");
            for (int i = 0; i < 5; i++) c.next("frame");
            c.send("{\"type\":\"reset\"}");
            JsonNode again = c.next("data");
            assertEquals(data.path("points"), again.path("points"));
            assertEquals(false, again.path("running").asBoolean());
            assertEquals(0, c.next("frame").path("iter").asInt());
            assertNull(c.poll(300), "paused after a reset");
        }
    }

    @Test
    void restart_plays_a_new_experiment_on_the_same_socket() throws Exception {
        try (LiveClient c = connect("preset=fastai-sgd&steps=200&speed=100")) {
            c.next("data");
            c.next("frame");
            c.send("{\"type\":\"restart\",\"query\":\"preset=roller-coaster&steps=3&speed=500\"}");
            JsonNode data = c.next("data");
            assertEquals("quadratic", data.path("model").path("name").asText());
            List<JsonNode> frames = frames(c.untilOutcome());
            assertEquals(4, frames.size());
            assertEquals(0, frames.get(0).path("iter").asInt());
        }
    }

    @Test
    void a_bad_message_gets_an_error_naming_what_is_allowed_and_the_session_lives_on() throws Exception {
        try (LiveClient c = connect("preset=fastai-sgd&steps=5&speed=10&paused=1")) {
            c.next("data");
            c.next("frame");
            c.send("not json");
            assertTrue(c.next("error").path("error").asText().contains("JSON object"));
            c.send("{\"type\":\"jump\"}");
            assertTrue(c.next("error").path("error").asText().contains("pause, resume, step, speed, reset, restart"));
            c.send("{\"type\":\"speed\",\"value\":\"fast\"}");
            JsonNode speed = c.next("error");
            assertEquals("speed", speed.path("parameter").asText(), speed.toString());
            c.send("{\"type\":\"restart\",\"query\":\"lr=-1\"}");
            JsonNode lr = c.next("error");
            assertEquals("lr", lr.path("parameter").asText(), lr.toString());
            c.send("{\"type\":\"step\"}");
            assertEquals(1, c.next("frame").path("iter").asInt(), "still alive and on the same run");
            assertTrue(c.isOpen());
        }
    }

    @Test
    void a_bad_query_gets_an_error_naming_the_parameter_then_a_close() throws Exception {
        LiveClient c = connect("preset=fastai-sgd&lr=fast");
        JsonNode error = c.next();
        assertEquals("error", error.path("type").asText());
        assertEquals("lr", error.path("parameter").asText());
        assertTrue(error.path("error").asText().contains("lr=fast"), error.toString());
        assertEquals(1008, c.awaitClose());
    }

    @Test
    void at_k_resumes_with_the_frame_k_of_an_uninterrupted_run() throws Exception {
        String query = "preset=fastai-sgd&steps=30&batch=7&speed=1000";
        List<JsonNode> whole;
        try (LiveClient c = connect(query)) {
            c.next("data");
            whole = frames(c.untilOutcome());
        }
        int k = 17;
        try (LiveClient c = connect(query + "&at=" + k)) {
            assertEquals("data", c.next().path("type").asText());
            List<JsonNode> resumed = frames(c.untilOutcome());
            assertEquals(whole.subList(k, whole.size()), resumed);
        }
    }

    @Test
    void at_beyond_the_last_frame_is_refused_naming_at() throws Exception {
        LiveClient c = connect("preset=fastai-sgd&steps=10&at=11");
        JsonNode error = c.next();
        assertEquals("at", error.path("parameter").asText(), error.toString());
        assertTrue(error.path("allowed").asText().contains("0 to 10"));
        assertEquals(1008, c.awaitClose());
    }

    @Test
    void a_client_offering_permessage_deflate_gets_plain_frames() throws Exception {
        org.eclipse.jetty.websocket.client.ClientUpgradeRequest request = new org.eclipse.jetty.websocket.client.ClientUpgradeRequest();
        request.addExtensions("permessage-deflate");
        try (LiveClient c = LiveClient.connect(client, port, "preset=fastai-sgd&paused=1", request)) {
            assertEquals("data", c.next().path("type").asText());
            assertTrue(c.session().getUpgradeResponse().getExtensions().isEmpty(),
                "negotiated " + c.session().getUpgradeResponse().getExtensions());
        }
    }
}
