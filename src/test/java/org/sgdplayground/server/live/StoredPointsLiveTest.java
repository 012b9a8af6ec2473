package org.sgdplayground.server.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sgdplayground.server.PlaygroundApp;
import org.sgdplayground.store.Database;
import org.sgdplayground.store.JdbcPointStore;
import org.sgdplayground.store.PointStore;
import org.sgdplayground.store.StoreLimits;

/** {@code /ws?points=ID}: the socket streams the frames that the same doubles posted to {@code /api/train} give. */
class StoredPointsLiveTest {
    private static final String POINTS = "{\"x\":[-0.0,0.3333333333333333,0.7,1.1,2.5,1.9,-1.25],\"y\":[2.1,3.0000000000000004,4.2,5.5,9.75,7.7,-1.5]}";
    @TempDir
    Path dataDir;
    private Javalin app;
    private WebSocketClient client;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        PointStore store = JdbcPointStore.open(Database.h2(dataDir), StoreLimits.DEFAULT);
        app = PlaygroundApp.create(new LiveHub(LiveLimits.DEFAULT, 1, store), store, StoreLimits.DEFAULT).start(0);
        client = LiveClient.startedClient();
    }

    @AfterEach
    void stop() throws Exception {
        client.stop();
        app.stop();
    }

    private JsonNode post(String pathAndQuery, String body) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + pathAndQuery))
            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(r.statusCode() / 100 == 2, r.body());
        return LiveClient.JSON.readTree(r.body());
    }

    @Test
    void a_link_to_stored_points_streams_the_frames_of_the_same_points_posted_as_x_and_y() throws Exception {
        String id = post("/api/points", POINTS).path("id").asText();
        String settings = "model=quadratic&steps=30&lr=0.01&batch=3&momentum=0.5&init=random&seed=11&speed=1000";
        JsonNode expected = post("/api/train?" + settings, POINTS);
        try (LiveClient c = LiveClient.connect(client, app.port(), "points=" + id + "&" + settings)) {
            JsonNode data = c.next("data");
            assertEquals(expected.path("points"), data.path("points"));
            assertEquals(expected.path("surface"), data.path("surface"));
            assertTrue(data.path("query").asText().contains("points=" + id), "the page's link keeps the id");
            List<JsonNode> messages = c.untilOutcome();
            List<JsonNode> frames = new ArrayList<>();
            for (JsonNode m : messages) if (m.path("type").asText().equals("frame")) frames.add(m);
            assertEquals(expected.path("frames").size(), frames.size());
            for (int i = 0; i < frames.size(); i++) {
                for (String field : List.of("iter", "loss", "params", "grad", "batch")) {
                    assertEquals(expected.path("frames").get(i).path(field), frames.get(i).path(field), "frame " + i + " " + field);
                }
            }
        }
    }

    @Test
    void a_restart_onto_stored_points_finds_them_and_an_unknown_id_is_an_error_naming_points() throws Exception {
        String id = post("/api/points", POINTS).path("id").asText();
        try (LiveClient c = LiveClient.connect(client, app.port(), "steps=3&speed=1000")) {
            c.untilOutcome();
            c.send("{\"type\":\"restart\",\"query\":\"points=ZZZZZZZZZZZZZZZZ&steps=3\"}");
            JsonNode error = c.next("error");
            assertEquals("points", error.path("parameter").asText());
            assertTrue(error.path("error").asText().contains("no points are stored"), error.toString());
            c.send("{\"type\":\"restart\",\"query\":\"points=" + id + "&steps=3&speed=1000\"}");
            JsonNode data = c.next("data");
            assertEquals(7, data.path("points").path("x").size());
        }
        try (LiveClient c = LiveClient.connect(client, app.port(), "points=ZZZZZZZZZZZZZZZZ")) {
            assertEquals("points", c.next("error").path("parameter").asText());
            assertEquals(1008, c.awaitClose(), "refused like any bad parameter");
        }
    }
}
