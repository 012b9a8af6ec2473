package org.sgdplayground.server.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sgdplayground.experiment.Experiment;
import org.sgdplayground.experiment.ExperimentCodec;
import org.sgdplayground.experiment.Frame;
import org.sgdplayground.experiment.QueryStrings;
import org.sgdplayground.experiment.TrainingRun;

class FrameTapeTest {
    private static Experiment experiment(String query) {
        return ExperimentCodec.decode(QueryStrings.parse(query));
    }

    private static JsonNode json(byte[] message) throws Exception {
        return LiveClient.JSON.readTree(new String(message, StandardCharsets.UTF_8));
    }

    @Test
    void message_i_is_frame_i_of_the_run_and_the_one_after_the_last_frame_is_the_outcome() throws Exception {
        Experiment e = experiment("preset=fastai-sgd&steps=40&batch=9");
        List<Frame> frames = new TrainingRun(e).all();
        FrameTape tape = new FrameTape(e, true);
        for (int i = 0; i < frames.size(); i++) {
            JsonNode m = json(tape.message(i));
            assertEquals(i, m.path("iter").asInt());
            assertEquals(frames.get(i).loss(), m.path("loss").asDouble());
            assertEquals(frames.get(i).params()[1], m.path("params").get(1).asDouble());
            assertFalse(tape.isOutcome(i));
        }
        assertTrue(tape.isOutcome(frames.size()));
        assertEquals("done", json(tape.message(frames.size())).path("type").asText());
        assertNull(tape.message(frames.size() + 1));
        assertEquals(frames.size(), tape.lastIndex());
    }

    @Test
    void a_diverging_run_ends_with_diverged_at_its_first_non_finite_frame() throws Exception {
        Experiment e = experiment("preset=fastai-sgd&lr=1000&steps=500");
        TrainingRun run = new TrainingRun(e);
        int emitted = run.all().size();
        FrameTape tape = new FrameTape(e, true);
        assertEquals(emitted, tape.lastIndex());
        assertEquals("diverged", json(tape.message(emitted)).path("type").asText());
    }

    @Test
    void the_data_message_says_whether_frames_follow_on_their_own() throws Exception {
        FrameTape tape = new FrameTape(experiment("preset=fastai-sgd"), true);
        assertTrue(json(tape.data(true)).path("running").asBoolean());
        assertFalse(json(tape.data(false)).path("running").asBoolean());
        assertEquals("data", json(tape.data(false)).path("type").asText());
    }

    @Test
    void a_private_tape_jumping_far_ahead_keeps_only_a_window() throws Exception {
        Experiment e = experiment("preset=fastai-sgd&steps=5000");
        FrameTape tape = new FrameTape(e, false);
        assertEquals(4000, json(tape.message(4000)).path("iter").asInt());
        assertTrue(tape.retained() <= 3 * FrameTape.BATCH, "held " + tape.retained());
        FrameTape shared = new FrameTape(e, true);
        shared.message(4000);
        assertTrue(shared.retained() > 4000, "a shared tape keeps everything for later sessions");
    }
}
