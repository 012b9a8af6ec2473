package org.sgdplayground.server.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sgdplayground.data.Dataset;
import org.sgdplayground.experiment.Briefing;
import org.sgdplayground.experiment.Experiment;
import org.sgdplayground.experiment.ExperimentCodec;
import org.sgdplayground.experiment.Frame;
import org.sgdplayground.experiment.QueryStrings;
import org.sgdplayground.experiment.TrainingRun;
import org.sgdplayground.graph.GraphLimits;
import org.sgdplayground.graph.GraphView;
import org.sgdplayground.server.json.GraphJson;
import org.sgdplayground.server.json.BriefingJson;
import org.sgdplayground.server.json.Json;
import org.sgdplayground.store.PointIds;

/**
 * The Graph panel on the socket (SPEC §9): nothing changes for a session that never opens it, and one that does gets
 * the structure once and the values of the frames it is shown, the parameters' gradients those of the frames.
 */
class GraphWatchTest {
    private final Pacer pacer = new Pacer(1, () -> {});
    private final TapeLibrary tapes = new TapeLibrary(LiveLimits.MAX_SHARED_TAPE_BYTES);

    @AfterEach
    void stopClock() {
        pacer.close();
    }

    private LiveSession session(FakeSender sender) {
        return new LiveSession(sender, pacer, LiveLimits.DEFAULT, tapes::tape);
    }

    private static Map<String, String> query(String q) {
        return QueryStrings.parse(q);
    }

    private static JsonNode json(String message) throws Exception {
        return LiveClient.JSON.readTree(message);
    }

    private static void awaitDone(FakeSender sender) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (sender.sentOfType("done").isEmpty() && System.nanoTime() < deadline) Thread.sleep(10);
        assertFalse(sender.sentOfType("done").isEmpty(), "the run ends");
    }

    /** What the socket sent before this feature: the data message and each frame, written from a run of its own. */
    private static List<String> today(String q) {
        Experiment e = ExperimentCodec.decode(query(q));
        Dataset points = e.dataset();
        List<String> out = new ArrayList<>();
        out.add(new String(Json.dataMessage(Briefing.of(e, points), true, BriefingJson.Points.FOR_SOCKET, PointIds.of(points)),
            StandardCharsets.UTF_8));
        for (Frame f : new TrainingRun(e, points).all()) out.add(new String(Json.frameMessage(f), StandardCharsets.UTF_8));
        return out;
    }

    @Test
    void with_the_panel_closed_the_data_and_every_frame_are_byte_for_byte_what_they_were_while_another_viewer_watches_the_graph() throws Exception {
        String q = "preset=roller-coaster&speed=1000";
        FakeSender watcher = FakeSender.reading(), viewer = FakeSender.reading();
        session(watcher).start(query(q + "&graph=1")); // the same tape, shared: its bytes must stay the tape's
        session(viewer).start(query(q));
        awaitDone(watcher);
        awaitDone(viewer);

        List<String> sent = viewer.sent();
        assertEquals(today(q), sent.subList(0, sent.size() - 1), "data and frames 0…10");
        for (String m : sent) assertFalse(m.contains("\"graph\""), "no graph in " + m);
        assertTrue(watcher.sent().get(0).contains("\"graph\""), "the watcher's data carries the structure");
    }

    @Test
    void graph_1_puts_the_structure_in_the_data_message_and_values_on_each_stepped_frame_with_the_frames_gradients() throws Exception {
        String q = "preset=fastai-sgd&steps=5";
        FakeSender sender = FakeSender.reading();
        LiveSession s = session(sender);
        s.start(query(q + "&paused=1&graph=1"));
        s.onMessage("{\"type\":\"step\"}");
        s.onMessage("{\"type\":\"step\"}");
        s.onMessage("{\"type\":\"step\"}");

        Experiment e = ExperimentCodec.decode(query(q));
        Dataset points = e.dataset();
        GraphView view = GraphView.over(e.model(), points.xs(), points.ys(), e.n());
        JsonNode data = json(sender.sent().get(0));
        assertEquals(json(new String(GraphJson.structureBytes(view), StandardCharsets.UTF_8)), data.get("graph"));

        List<Frame> frames = new TrainingRun(e, points).all();
        List<String> sentFrames = sender.sentOfType("frame");
        assertEquals(4, sentFrames.size(), "frames 0 to 3");
        for (int i = 0; i <= 3; i++) {
            JsonNode frame = json(sentFrames.get(i)), graph = frame.get("graph");
            Frame expected = frames.get(i);
            assertEquals(i, graph.get("iter").asInt());
            for (var node : view.nodes()) {
                if (node.param() >= 0) assertEquals(expected.grad()[node.param()], graph.get("grads").get(node.id()).doubleValue(), "frame " + i + " " + node.label());
            }
            assertEquals(expected.loss(), graph.get("values").get(view.loss().id()).doubleValue(), "frame " + i + "'s loss node");
            assertTrue(graph.get("values").get(view.prediction().id()).isNull(), "a vector has no single value");
            assertEquals(Math.min(e.n(), GraphLimits.SPARKLINE_POINTS), graph.get("spark").get(Integer.toString(view.prediction().id())).size(),
                "a sparkline of at most its limit of ŷ's 100 values");
            JsonNode terms = graph.get("maths").get("terms");
            for (int j = 0; j < 2; j++) assertEquals(expected.grad()[j], terms.get(j).get("value").doubleValue(), 1e-12 * (1 + Math.abs(expected.grad()[j])));
        }
    }

    @Test
    void opening_the_panel_during_a_run_sends_the_structure_then_the_shown_frames_values_and_a_row_follows_a_point() throws Exception {
        String q = "preset=roller-coaster";
        FakeSender sender = FakeSender.reading();
        LiveSession s = session(sender);
        s.start(query(q + "&paused=1"));
        s.onMessage("{\"type\":\"step\"}");
        assertTrue(sender.sentOfType("graph").isEmpty());

        s.onMessage("{\"type\":\"graph\",\"open\":true}");
        List<String> sent = sender.sent();
        JsonNode structure = json(sent.get(sent.size() - 2)), values = json(sent.get(sent.size() - 1));
        assertEquals("graph", structure.get("type").asText());
        assertEquals("nodes", values.get("type").asText());
        assertEquals(1, values.get("graph").get("iter").asInt(), "the frame on screen");

        s.onMessage("{\"type\":\"graph\",\"open\":true,\"row\":7}");
        JsonNode row = json(sender.sent().get(sender.sent().size() - 1)).get("graph").get("row");
        Experiment e = ExperimentCodec.decode(query(q));
        Frame frame1 = new TrainingRun(e).all().get(1);
        Dataset points = e.dataset();
        int yhat = -1, x = -1;
        for (JsonNode n : structure.get("graph").get("nodes")) {
            if (n.get("label").asText().equals("ŷ")) yhat = n.get("id").asInt();
            if (n.get("label").asText().equals("x")) x = n.get("id").asInt();
        }
        assertEquals(7, row.get("index").asInt());
        assertEquals(points.x(7), row.get("values").get(x).doubleValue());
        assertEquals(e.model().valueAt(points.x(7), frame1.params()), row.get("values").get(yhat).doubleValue(), 1e-9);
        assertEquals(2 * (e.model().valueAt(points.x(7), frame1.params()) - points.y(7)) / points.size(),
            row.get("grads").get(yhat).doubleValue(), 1e-9, "∂L/∂ŷ₇ = 2(ŷ₇ − y₇)/n");

        s.onMessage("{\"type\":\"graph\",\"open\":false}");
        int before = sender.sent().size();
        s.onMessage("{\"type\":\"step\"}");
        assertEquals(before + 1, sender.sent().size());
        assertFalse(sender.sent().get(before).contains("\"graph\""), "closed again: the tape's frame as it is");
    }

    @Test
    void bad_graph_messages_get_errors_that_say_what_is_allowed_and_the_session_lives_on() throws Exception {
        FakeSender sender = FakeSender.reading();
        LiveSession s = session(sender);
        s.start(query("preset=fastai-sgd&paused=1"));
        s.onMessage("{\"type\":\"graph\"}");
        s.onMessage("{\"type\":\"graph\",\"open\":\"yes\"}");
        s.onMessage("{\"type\":\"graph\",\"open\":true,\"row\":-2}");
        s.onMessage("{\"type\":\"graph\",\"open\":true,\"row\":1.5}");
        s.onMessage("{\"type\":\"graph\",\"open\":true,\"row\":100}");
        List<String> errors = new ArrayList<>();
        for (String m : sender.sentOfType("error")) errors.add(json(m).get("error").asText());
        assertEquals(5, errors.size(), String.join("\n", errors));
        assertTrue(errors.get(0).contains("open must be true or false"), errors.get(0));
        assertTrue(errors.get(1).contains("open must be true or false"), errors.get(1));
        assertTrue(errors.get(2).contains("row must be a point's index"), errors.get(2));
        assertTrue(errors.get(3).contains("row must be a point's index"), errors.get(3));
        assertTrue(errors.get(4).contains("from 0 to 99"), errors.get(4));
        assertTrue(sender.sentOfType("graph").isEmpty(), "a refused request opens nothing");

        s.onMessage("{\"type\":\"step\"}");
        assertEquals(1, json(sender.sentOfType("frame").get(1)).get("iter").asInt(), "still stepping");
    }

    @Test
    void while_playing_values_ride_on_at_most_one_frame_an_interval_and_always_on_the_first_and_last() throws Exception {
        FakeSender sender = FakeSender.reading();
        long start = System.nanoTime();
        session(sender).start(query("preset=fastai-sgd&steps=300&speed=1000&graph=1"));
        awaitDone(sender);
        double seconds = (System.nanoTime() - start) / 1e9;
        List<String> frames = sender.sentOfType("frame");
        int withValues = 0;
        for (String f : frames) if (f.contains("\"graph\"")) withValues++;
        assertEquals(301, frames.size());
        double perSecond = 1e9 / GraphLimits.VALUES_INTERVAL.toNanos();
        // the first frame (sent paused, before the clock starts), one an interval, and the last
        assertTrue(withValues <= 2 + Math.ceil(seconds * perSecond), withValues + " frames with values in " + seconds + " s");
        assertTrue(withValues < 301 / 2, "far fewer than every frame: " + withValues);
        assertTrue(frames.get(0).contains("\"graph\""), "the first frame, sent before playing");
        assertTrue(frames.get(300).contains("\"graph\""), "the last frame");
    }
}
