package org.sgdplayground.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sgdplayground.json.Jackson;

/**
 * {@code /export/replay.html} saved to disk and opened from {@code file://} with the network off: it plays to the end
 * and its {@code state()} is the last frame {@code /api/train} gives; it steps, scrubs and resets; it asks for nothing.
 */
class ReplayIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static Browser browser;
    private static Path folder;

    @BeforeAll
    static void start() throws Exception {
        browser = new Browser();
        folder = Files.createTempDirectory("sgd-replay-");
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) browser.close();
        if (folder != null) try (var files = Files.walk(folder)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** Downloads the replay of {@code query} into a folder of its own, as a blog author would, and returns its file. */
    private static Path download(String query, String name) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(browser.url("/export/replay.html?" + query))).build(),
            HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        Path file = folder.resolve(name);
        Files.writeString(file, r.body());
        return file;
    }

    private static JsonNode train(String query) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(browser.url("/api/train?" + query)))
            .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        return Jackson.MAPPER.readTree(r.body());
    }

    /** Opens the file with the browser offline (DevTools network emulation), until its API is there. */
    private static void openOffline(Path file) {
        browser.driver.executeCdpCommand("Network.enable", Map.of());
        browser.driver.executeCdpCommand("Network.emulateNetworkConditions",
            Map.of("offline", true, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
        browser.consoleProblems(); // forget what earlier pages said
        browser.driver.get(file.toUri().toString());
        browser.waitUntil("the replay's API is there", Duration.ofSeconds(10), () -> Boolean.TRUE.equals(browser.js("return !!window.sgdPlayground")));
    }

    private static void assertFrameShown(JsonNode frame, Map<String, Object> state) {
        assertEquals(frame.get("iter").asLong(), ((Number) state.get("iter")).longValue());
        assertEquals(frame.get("loss").asDouble(), ((Number) state.get("loss")).doubleValue());
        List<?> params = (List<?>) state.get("params");
        assertEquals(frame.get("params").size(), params.size());
        for (int j = 0; j < params.size(); j++) assertEquals(frame.get("params").get(j).asDouble(), ((Number) params.get(j)).doubleValue());
    }

    /** Asserts that the page made no request: no resource loaded and nothing refused or failed in the console. */
    private static void assertAskedForNothing() {
        assertEquals(0L, ((Number) browser.js("return performance.getEntriesByType('resource').length")).longValue());
        assertEquals(List.of(), browser.consoleProblems());
    }

    @Test
    void the_lesson_2_replay_plays_offline_from_a_file_to_the_last_frame_of_api_train() throws Exception {
        String query = "preset=fastai-sgd";
        JsonNode frames = train(query).get("frames");
        openOffline(download(query, "lesson-2.html"));
        assertTrue(browser.driver.getCurrentUrl().startsWith("file:"));
        assertEquals(0L, ((Number) browser.state().get("iter")).longValue());
        browser.js("window.sgdPlayground.play()");
        browser.waitUntil("the replay reaches its end", Duration.ofSeconds(15), () -> "done".equals(browser.state().get("outcome")));
        Map<String, Object> state = browser.state();
        assertFrameShown(frames.get(frames.size() - 1), state);
        assertEquals(false, state.get("running"));
        browser.screenshot("replay-lesson-2-done");
        assertAskedForNothing();
    }

    @Test
    void it_steps_scrubs_and_resets_to_the_frames_of_api_train() throws Exception {
        String query = "preset=momentum&theme=light";
        JsonNode frames = train("preset=momentum").get("frames");
        openOffline(download(query, "momentum.html"));
        browser.js("window.sgdPlayground.step(); window.sgdPlayground.step()");
        assertFrameShown(frames.get(2), browser.state());
        browser.js("const s = document.getElementById('scrub'); s.value = '37'; s.dispatchEvent(new Event('input'))");
        assertFrameShown(frames.get(37), browser.state());
        browser.screenshot("replay-momentum-37-light");
        browser.js("window.sgdPlayground.reset()");
        assertFrameShown(frames.get(0), browser.state());
        assertFalse((Boolean) browser.state().get("running"));
        assertAskedForNothing();
    }

    @Test
    void a_race_replays_every_lane_to_the_frames_of_api_train() throws Exception {
        String query = "preset=race-momentum&speed=1000";
        JsonNode lanes = train(query).get("lanes");
        openOffline(download(query, "race.html"));
        browser.js("const s = document.getElementById('scrub'); s.value = '12'; s.dispatchEvent(new Event('input'))");
        assertLanesAt(lanes, 12);
        browser.js("window.sgdPlayground.play()");
        browser.waitUntil("the race reaches its end", Duration.ofSeconds(15), () -> "done".equals(browser.state().get("outcome")));
        for (int k = 0; k < lanes.size(); k++) {
            JsonNode frames = lanes.get(k).get("frames");
            assertLaneShows(lanes.get(k), frames.get(frames.size() - 1), k);
        }
        browser.screenshot("replay-race-momentum-done");
        assertAskedForNothing();
    }

    /** Each lane in the replay's state shows its own frame {@code iter}, as /api/train trained it alone. */
    private static void assertLanesAt(JsonNode lanes, int iter) {
        for (int k = 0; k < lanes.size(); k++) assertLaneShows(lanes.get(k), lanes.get(k).get("frames").get(iter), k);
    }

    private static void assertLaneShows(JsonNode lane, JsonNode frame, int k) {
        List<?> shown = (List<?>) browser.state().get("lanes");
        assertEquals(lane.get("lane").asText(), ((Map<?, ?>) shown.get(k)).get("lane"));
        assertEquals(frame.get("iter").asLong(), ((Number) ((Map<?, ?>) shown.get(k)).get("iter")).longValue(), "lane " + k);
        assertEquals(frame.get("loss").asDouble(), ((Number) ((Map<?, ?>) shown.get(k)).get("loss")).doubleValue(), "lane " + k);
    }

    @Test
    void a_replay_that_diverges_ends_where_the_run_did() throws Exception {
        JsonNode answer = train("preset=diverging-lr");
        openOffline(download("preset=diverging-lr&speed=1000", "diverging.html"));
        browser.js("window.sgdPlayground.play()");
        browser.waitUntil("the replay diverges", Duration.ofSeconds(15), () -> "diverged".equals(browser.state().get("outcome")));
        Map<String, Object> state = browser.state();
        assertEquals(answer.get("outcome").get("iter").asLong(), ((Number) state.get("divergedAt")).longValue());
        JsonNode frames = answer.get("frames");
        assertFrameShown(frames.get(frames.size() - 1), state);
        browser.screenshot("replay-diverging");
        assertAskedForNothing();
    }
}
