package org.sgdplayground.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sgdplayground.json.Jackson;
import org.sgdplayground.server.PlaygroundApp;

/** {@code POST /api/train} for a race answers every lane, each exactly the answer of that lane run alone. */
class RaceApiTest {
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

    private static HttpResponse<String> post(String query, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + "/api/train?" + query))
            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        assertEquals(200, r.statusCode(), r.body());
        return Jackson.MAPPER.readTree(r.body());
    }

    @Test
    void a_race_answers_each_lanes_frames_and_outcome_as_the_lane_run_alone() throws Exception {
        String base = "preset=minibatch-noise&steps=60&every=7";
        String race = "sgd,sgd(momentum=0.9),adam(lr=0.05;beta1=0.8),rmsprop";
        JsonNode lanes = json(post(base + "&race=" + URLEncoder.encode(race, StandardCharsets.UTF_8), "")).get("lanes");
        String[] alone = {"", "&momentum=0.9", "&optimizer=adam&lr=0.05&beta1=0.8", "&optimizer=rmsprop"};
        String[] labels = race.split(",(?![^(]*\\))");
        assertEquals(alone.length, lanes.size());
        for (int i = 0; i < alone.length; i++) {
            JsonNode single = json(post(base + alone[i], ""));
            assertEquals(labels[i], lanes.get(i).get("lane").asText());
            assertEquals(single.get("frames"), lanes.get(i).get("frames"), labels[i] + ": the same frames, every number");
            assertEquals(single.get("outcome"), lanes.get(i).get("outcome"), labels[i]);
        }
    }

    @Test
    void a_diverging_lane_ends_alone_and_the_others_finish() throws Exception {
        JsonNode lanes = json(post("preset=fastai-sgd&steps=150&race=" + URLEncoder.encode("sgd,sgd(lr=30),adam", StandardCharsets.UTF_8), "")).get("lanes");
        assertEquals("done", lanes.get(0).get("outcome").get("type").asText());
        assertEquals("diverged", lanes.get(1).get("outcome").get("type").asText());
        assertTrue(lanes.get(1).get("frames").size() < 151, "the diverging lane stops early");
        assertEquals("done", lanes.get(2).get("outcome").get("type").asText());
        assertEquals(151, lanes.get(2).get("frames").size());
    }

    @Test
    void a_bad_race_is_a_400_naming_race_and_the_place() throws Exception {
        HttpResponse<String> r = post("", "{\"race\": \"sgd,adam(beta1=2)\"}");
        assertEquals(400, r.statusCode());
        JsonNode error = Jackson.MAPPER.readTree(r.body());
        assertEquals("race", error.get("parameter").asText());
        assertTrue(error.get("allowed").asText().startsWith("at character 10, beta1 a number at least 0 and below 1"), r.body());
        assertFalse(r.body().contains("Exception"));
    }
}
