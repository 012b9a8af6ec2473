package org.sgdplayground.server;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.sgdplayground.data.Dataset;
import org.sgdplayground.experiment.Frame;
import org.sgdplayground.experiment.Outcome;

/**
 * Writes the answer of {@code POST /api/train} with a streaming generator rather than building a tree and then a
 * string of it: the answer is mostly numbers (every point, every kept frame), and for numbers a tree costs an
 * object each and a string a second copy of the whole answer.
 *
 * <p>The answer is written in two parts: the {@link Head} — the experiment and its points, which do not depend on
 * the run, so it can be written while the run trains — and then the frames and the outcome.
 *
 * <p>The shape is still {@link Json}'s: the experiment's fields come from {@link Json#experiment}, in its order,
 * and each frame and the outcome are {@link Json#frame} and {@link Json#outcome}. Only the points, the bulk of
 * the answer, are written from the dataset itself instead of from that tree's copy of them. Doubles go out
 * through Jackson's fast writer (Schubfach): the shortest text that reads back as the same double.
 */
final class TrainAnswerWriter {
    private TrainAnswerWriter() {}

    private static final ObjectMapper WRITER = new ObjectMapper(
        JsonFactory.builder().enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER).build());

    /** Room for the answer of 10 000 points and a few hundred frames (about 0.4 MB) without regrowing. */
    private static final int BUFFER_BYTES = 1 << 19;

    /** The answer written up to its frames, held in memory: pass it to {@link #finish} once the run is over. */
    static final class Head {
        private final ByteArrayOutputStream buffer;
        private final JsonGenerator generator;

        private Head(ByteArrayOutputStream buffer, JsonGenerator generator) {
            this.buffer = buffer;
            this.generator = generator;
        }
    }

    /** The experiment as {@link Json#experiment} has it, with the given points in place of its own copy. */
    static Head head(ObjectNode experiment, Dataset points) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(BUFFER_BYTES);
        JsonGenerator g = WRITER.getFactory().createGenerator(buffer);
        g.writeStartObject();
        Iterator<Map.Entry<String, JsonNode>> fields = experiment.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            g.writeFieldName(field.getKey());
            if (field.getKey().equals("points")) points(g, points);
            else g.writeTree(field.getValue());
        }
        return new Head(buffer, g);
    }

    /** The whole answer: the head, then the frames and the outcome. */
    static byte[] finish(Head head, List<Frame> frames, Outcome outcome) throws IOException {
        try (JsonGenerator g = head.generator) {
            g.writeArrayFieldStart("frames");
            for (Frame f : frames) g.writeTree(Json.frame(f));
            g.writeEndArray();
            g.writeFieldName("outcome");
            g.writeTree(Json.outcome(outcome));
            g.writeEndObject();
        }
        return head.buffer.toByteArray();
    }

    /** The whole answer in one go. */
    static void write(OutputStream out, ObjectNode experiment, Dataset points, List<Frame> frames, Outcome outcome)
        throws IOException {
        out.write(finish(head(experiment, points), frames, outcome));
    }

    private static void points(JsonGenerator g, Dataset points) throws IOException {
        int n = points.size();
        g.writeStartObject();
        g.writeArrayFieldStart("x");
        for (int i = 0; i < n; i++) g.writeNumber(points.x(i));
        g.writeEndArray();
        g.writeArrayFieldStart("y");
        for (int i = 0; i < n; i++) g.writeNumber(points.y(i));
        g.writeEndArray();
        g.writeEndObject();
    }
}
