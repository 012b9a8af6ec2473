package org.sgdplayground.server.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sgdplayground.experiment.ExperimentCodec;
import org.sgdplayground.experiment.Frame;
import org.sgdplayground.experiment.QueryStrings;
import org.sgdplayground.experiment.TrainingRun;
import org.sgdplayground.json.Jackson;

/** Frames name their minibatch's rows only when there is a minibatch and few enough points to show them. */
class JsonFrameTest {
    private static List<Frame> frames(String query) {
        return new TrainingRun(ExperimentCodec.decode(QueryStrings.parse(query))).all();
    }

    @Test
    void a_minibatch_frame_lists_the_rows_the_engine_used_in_both_shapes() throws Exception {
        Frame f = frames("preset=minibatch-noise&steps=3").get(2);
        assertEquals(10, f.batch().length);
        for (JsonNode message : List.of(Jackson.MAPPER.readTree(Json.frameMessage(f)), ReferenceTrees.frame(f))) {
            JsonNode rows = message.get("batch");
            assertEquals(f.batch().length, rows.size());
            for (int i = 0; i < rows.size(); i++) assertEquals(f.batch()[i], rows.get(i).asInt());
        }
        assertEquals(10, f.batch().length == 0 ? 0 : java.util.Arrays.stream(f.batch()).distinct().count(), "a batch has no repeats");
    }

    @Test
    void the_socket_message_is_the_frame_json_builds_with_its_type_first_every_number_the_same_double() throws Exception {
        List<Frame> frames = new java.util.ArrayList<>(frames("preset=minibatch-noise&steps=3"));
        frames.addAll(frames("preset=roller-coaster&model=quadratic&steps=3"));
        for (Frame f : frames) {
            com.fasterxml.jackson.databind.node.ObjectNode message = (com.fasterxml.jackson.databind.node.ObjectNode) Jackson.MAPPER.readTree(Json.frameMessage(f));
            assertEquals("type", message.fieldNames().next());
            assertEquals("frame", message.remove("type").asText());
            // JsonNode equality compares doubles by value and fields in any order, so compare the order too
            assertEquals(ReferenceTrees.frame(f), message);
            assertEquals(names(ReferenceTrees.frame(f)), names(message));
        }
    }

    private static List<String> names(JsonNode node) {
        List<String> out = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }

    @Test
    void full_batch_frames_and_runs_over_too_many_points_list_no_rows() throws Exception {
        Frame full = frames("preset=fastai-sgd&steps=1").get(1);
        assertFalse(Jackson.MAPPER.readTree(Json.frameMessage(full)).has("batch"));
        assertFalse(ReferenceTrees.frame(full).has("batch"));
        int many = Frame.MAX_POINTS_FOR_BATCH_ROWS + 1;
        Frame big = frames("preset=minibatch-noise&steps=1&n=" + many).get(1);
        assertFalse(Jackson.MAPPER.readTree(Json.frameMessage(big)).has("batch"), "n = " + many + " is too many to list");
        Frame edge = frames("preset=minibatch-noise&steps=1&n=" + Frame.MAX_POINTS_FOR_BATCH_ROWS).get(1);
        assertTrue(Jackson.MAPPER.readTree(Json.frameMessage(edge)).has("batch"), "n = " + Frame.MAX_POINTS_FOR_BATCH_ROWS + " still lists them");
    }
}
