package org.sgdplayground.server.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.sgdplayground.server.json.Json;

/** A race on the socket (SPEC §8): message i carries every lane's frame i, each the lane's frame when run alone. */
class RaceTapeTest {
    private static Experiment experiment(String query) {
        return ExperimentCodec.decode(QueryStrings.parse(query));
    }

    private static JsonNode json(byte[] message) throws Exception {
        return LiveClient.JSON.readTree(new String(message, StandardCharsets.UTF_8));
    }

    /** A frame as the socket writes it alone, read back: what a lane's entry must equal, every number. */
    private static JsonNode alone(Frame f) throws Exception {
        JsonNode m = json(Json.frameMessage(f));
        ((com.fasterxml.jackson.databind.node.ObjectNode) m).remove("type");
        return m;
    }

    @Test
    void message_i_holds_each_lanes_frame_i_exactly_as_the_lane_run_alone() throws Exception {
        String base = "preset=minibatch-noise&steps=30";
        FrameTape tape = new FrameTape(experiment(base + "&race=sgd,sgd(momentum=0.9),adam(lr=0.05)"), true);
        JsonNode data = json(tape.data(false));
        assertEquals(List.of("sgd", "sgd(momentum=0.9)", "adam(lr=0.05)"),
            List.of(data.get("lanes").get(0).asText(), data.get("lanes").get(1).asText(), data.get("lanes").get(2).asText()));
        String[] alone = {"", "&momentum=0.9", "&optimizer=adam&lr=0.05"};
        for (int k = 0; k < alone.length; k++) {
            List<Frame> frames = new TrainingRun(experiment(base + alone[k])).all();
            for (int i = 0; i < frames.size(); i++) {
                JsonNode m = json(tape.message(i));
                assertEquals("frame", m.get("type").asText());
                assertEquals(i, m.get("iter").asInt());
                assertEquals(alone(frames.get(i)), m.get("lanes").get(k), "lane " + k + ", frame " + i);
            }
        }
        JsonNode last = json(tape.message(31));
        assertTrue(tape.isOutcome(31));
        assertEquals("done", last.get("type").asText());
        for (JsonNode lane : last.get("lanes")) assertEquals("done", lane.get("type").asText());
    }

    @Test
    void a_diverging_lane_says_so_once_then_stays_empty_while_the_others_go_on() throws Exception {
        Experiment race = experiment("preset=fastai-sgd&steps=150&race=sgd,sgd(lr=30)");
        TrainingRun wild = new TrainingRun(experiment("preset=fastai-sgd&steps=150&lr=30"));
        int lastFrame = wild.all().size() - 1;
        assertTrue(lastFrame < 150, "lr = 30 diverges before the end");
        FrameTape tape = new FrameTape(race, true);
        JsonNode ending = json(tape.message(lastFrame + 1)).get("lanes");
        assertEquals("diverged", ending.get(1).get("type").asText());
        assertEquals(lastFrame + 1, ending.get(1).get("iter").asInt(), "diverged at the first frame that is not finite");
        assertEquals(lastFrame + 1, ending.get(0).get("iter").asInt(), "the steady lane goes on");
        JsonNode after = json(tape.message(lastFrame + 2)).get("lanes");
        assertTrue(after.get(1).isNull());
        assertFalse(tape.isOutcome(lastFrame + 2));
        JsonNode last = json(tape.message(151));
        assertEquals("done", last.get("type").asText(), "the race is done: one lane finished");
        assertEquals("diverged", last.get("lanes").get(1).get("type").asText());
    }
}
