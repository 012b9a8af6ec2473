package org.sgdplayground.server.live;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sgdplayground.data.Dataset;
import org.sgdplayground.experiment.Experiment;
import org.sgdplayground.experiment.ExperimentCodec;
import org.sgdplayground.experiment.QueryStrings;
import org.sgdplayground.server.json.WireLimits;
import org.sgdplayground.store.PointIds;

/**
 * The points go once: a client that says {@code have=KEY} for the points it holds gets {@code data} messages that
 * name them and leave them out; one that does not say gets them every time, as before; the page's boot block carries
 * the first two messages of a small run.
 */
class HeldPointsTest {
    private static final String RUN = "preset=fastai-sgd&steps=3&speed=1000";
    private final Pacer pacer = new Pacer(1, () -> {});
    private final TapeLibrary tapes = new TapeLibrary(LiveLimits.MAX_SHARED_TAPE_BYTES);

    @AfterEach
    void stopClock() {
        pacer.close();
    }

    private static Experiment experiment(String q) {
        return ExperimentCodec.decode(QueryStrings.parse(q));
    }

    private static String keyOf(String q) {
        return PointIds.of(experiment(q).dataset());
    }

    private LiveSession started(FakeSender sender, String q) {
        LiveSession s = new LiveSession(sender, pacer, LiveLimits.DEFAULT, tapes::tape);
        s.start(QueryStrings.parse(q));
        return s;
    }

    private static JsonNode lastData(FakeSender sender) throws Exception {
        var data = sender.sentOfType("data");
        return LiveClient.JSON.readTree(data.get(data.size() - 1));
    }

    private static void awaitData(FakeSender sender, int count) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (sender.sentOfType("data").size() < count && System.nanoTime() < deadline) Thread.sleep(5);
        assertEquals(count, sender.sentOfType("data").size(), "data messages");
    }

    @Test
    void a_client_that_never_says_have_gets_the_points_in_every_data_message_reset_included() throws Exception {
        FakeSender sender = FakeSender.reading();
        LiveSession s = started(sender, RUN + "&paused=1");
        s.onMessage("{\"type\":\"reset\"}");
        awaitData(sender, 2);
        for (String m : sender.sentOfType("data")) {
            JsonNode data = LiveClient.JSON.readTree(m);
            assertEquals(experiment(RUN).n(), data.get("points").get("x").size());
            assertEquals(keyOf(RUN), data.get("pointsKey").asText(), "named by the store's id of the points");
        }
    }

    @Test
    void a_client_holding_these_points_gets_their_key_alone_and_one_holding_others_gets_the_points() throws Exception {
        FakeSender holds = FakeSender.reading(), holdsOthers = FakeSender.reading();
        started(holds, RUN + "&paused=1&have=" + keyOf(RUN));
        started(holdsOthers, RUN + "&paused=1&have=" + keyOf(RUN + "&seed=7"));
        awaitData(holds, 1);
        awaitData(holdsOthers, 1);
        assertFalse(lastData(holds).has("points"));
        assertEquals(keyOf(RUN), lastData(holds).get("pointsKey").asText());
        assertTrue(lastData(holdsOthers).has("points"));
    }

    @Test
    void after_sending_the_points_once_a_reset_or_a_restart_on_the_same_points_leaves_them_out_and_new_points_come() throws Exception {
        FakeSender sender = FakeSender.reading();
        LiveSession s = started(sender, RUN + "&paused=1&have=");
        s.onMessage("{\"type\":\"reset\"}");
        s.onMessage("{\"type\":\"restart\",\"query\":\"" + RUN + "&lr=0.05&paused=1&have=" + keyOf(RUN) + "\"}");
        s.onMessage("{\"type\":\"restart\",\"query\":\"" + RUN + "&seed=7&paused=1&have=" + keyOf(RUN) + "\"}");
        awaitData(sender, 4);
        var data = sender.sentOfType("data");
        assertTrue(carriesPoints(data.get(0)), "an empty have= holds nothing yet");
        assertFalse(carriesPoints(data.get(1)), "reset: the client holds them since the first message");
        assertFalse(carriesPoints(data.get(2)), "another learning rate, the same points");
        assertTrue(carriesPoints(data.get(3)), "another seed, other points");
    }

    private static boolean carriesPoints(String message) throws Exception {
        return LiveClient.JSON.readTree(message).has("points");
    }

    @Test
    void a_points_request_answers_every_double_exactly_once_a_run() throws Exception {
        String big = "preset=fastai-sgd&n=" + (WireLimits.MAX_POINTS_AS_NUMBERS + 1) + "&paused=1";
        FakeSender sender = FakeSender.reading();
        LiveSession s = started(sender, big);
        s.onMessage("{\"type\":\"points\"}");
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (sender.sentOfType("points").isEmpty() && System.nanoTime() < deadline) Thread.sleep(5);
        assertEquals("grid16", lastData(sender).get("points").get("encoding").asText(), "the data message had the grid");
        JsonNode answer = LiveClient.JSON.readTree(sender.sentOfType("points").get(0));
        Dataset points = experiment(big).dataset();
        assertEquals(PointIds.of(points), answer.get("pointsKey").asText());
        s.onMessage("{\"type\":\"points\"}");
        deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (sender.sentOfType("error").isEmpty() && System.nanoTime() < deadline) Thread.sleep(5);
        assertEquals(1, sender.sentOfType("points").size(), "once a run: a flood of requests cannot queue megabytes");
        assertTrue(sender.sentOfType("error").get(0).contains("sent already"), sender.sentOfType("error").get(0));
        for (int i = 0; i < points.size(); i++) {
            assertEquals(points.x(i), answer.get("points").get("x").get(i).asDouble(), 0);
            assertEquals(points.y(i), answer.get("points").get("y").get(i).asDouble(), 0);
        }
    }

    @Test
    void the_page_carries_the_data_message_and_frame_0_up_to_its_limit_and_nothing_past_it() throws Exception {
        String atLimit = "preset=fastai-sgd&n=" + WireLimits.MAX_POINTS_IN_PAGE;
        JsonNode live = LiveClient.JSON.readTree(FirstMessages.of(experiment(atLimit), tapes::tape));
        FrameTape tape = new FrameTape(experiment(atLimit), false);
        assertEquals(LiveClient.JSON.readTree(tape.data(false)), live.get("data"), "the socket's own data message, paused");
        assertEquals(LiveClient.JSON.readTree(new String(tape.message(0), StandardCharsets.UTF_8)), live.get("frame"), "and its frame 0");
        assertEquals(WireLimits.MAX_POINTS_IN_PAGE, live.get("data").get("points").get("x").size());
        assertNull(FirstMessages.of(experiment("preset=fastai-sgd&n=" + (WireLimits.MAX_POINTS_IN_PAGE + 1)), tapes::tape),
            "one more: the socket brings them");
    }
}
