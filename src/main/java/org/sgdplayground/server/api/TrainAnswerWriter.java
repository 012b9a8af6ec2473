package org.sgdplayground.server.api;

import org.sgdplayground.server.json.Json;
import org.sgdplayground.server.json.JsonBytes;
import org.sgdplayground.server.json.ShortestDouble;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.sgdplayground.data.Dataset;
import org.sgdplayground.experiment.Experiment;
import org.sgdplayground.experiment.Frame;
import org.sgdplayground.experiment.Outcome;

/**
 * Writes the answer of {@code POST /api/train} straight into bytes ({@link JsonBytes}) rather than building a tree
 * and then a string of it: the answer is mostly numbers (every point, every kept frame), and for numbers a tree
 * costs an object each, a string a second copy of the whole answer, and a general-purpose generator a string a
 * number. Doubles go out as their shortest exact text ({@link ShortestDouble}, the text Jackson's fast writer gives).
 *
 * <p>The answer is written in parts that are sent one after the other: {@link #around} the points (the settings, the
 * optimum, the surface), the {@link #points} themselves, and the {@link #tail} (the frames and the outcome). The first
 * two do not depend on the run, so other cores can write them while the run trains.
 *
 * <p>The shape is still {@link Json}'s: the experiment's fields come from {@link Json#experiment}, in its order; each
 * frame is what {@link Json#frame} has, in its order, and the outcome is {@link Json#outcome}. Only the points, the
 * bulk of the answer, are written from the dataset itself instead of from a tree's copy of them.
 */
public final class TrainAnswerWriter {
    private TrainAnswerWriter() {}

    /** Bytes a double usually takes, separator included ({@code -0.12345678901234567,}), to size the buffers. */
    private static final int BYTES_PER_NUMBER = 21;

    /**
     * The experiment's fields before and after its points: {@code {"query":…,…,"points":} and
     * {@code ,"optimum":{…},"surface":{…}} (its object left open for the tail). The points go between.
     */
    static JsonBytes[] around(Experiment e, Dataset points) {
        return around(Json.experiment(e, points, false));
    }

    /** {@link #around(Experiment, Dataset)} from the experiment's tree, whose {@code points} only marks their place. */
    static JsonBytes[] around(ObjectNode experiment) {
        JsonBytes before = new JsonBytes(1024), after = new JsonBytes(1024);
        JsonBytes out = before.raw('{');
        boolean first = true;
        for (Iterator<Map.Entry<String, JsonNode>> it = experiment.fields(); it.hasNext(); first = false) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!first) out.raw(',');
            out.name(field.getKey());
            if (field.getKey().equals("points")) out = after;
            else out.tree(field.getValue());
        }
        return new JsonBytes[] {before, after};
    }

    /** {@code {"x":[…],"y":[…]}}. */
    static JsonBytes points(Dataset points) {
        int n = points.size();
        JsonBytes out = new JsonBytes(2 * n * BYTES_PER_NUMBER + 32);
        out.raw("{\"x\":[");
        for (int i = 0; i < n; i++) {
            if (i > 0) out.raw(',');
            out.number(points.x(i));
        }
        out.raw("],\"y\":[");
        for (int i = 0; i < n; i++) {
            if (i > 0) out.raw(',');
            out.number(points.y(i));
        }
        return out.raw("]}");
    }

    /** The rest of the answer: {@code ,"frames":[…],"outcome":{…}}}. */
    static JsonBytes tail(List<Frame> frames, Outcome outcome) {
        int perFrame = 64;
        if (!frames.isEmpty()) {
            Frame f = frames.get(0);
            perFrame += (1 + f.params().length + f.grad().length) * BYTES_PER_NUMBER + (f.batch() == null ? 0 : 7 * f.batch().length);
        }
        JsonBytes out = new JsonBytes(frames.size() * perFrame + 512);
        out.raw(",\"frames\":[");
        for (int i = 0; i < frames.size(); i++) {
            if (i > 0) out.raw(',');
            Json.frameFields(out.raw('{'), frames.get(i)).raw('}');
        }
        return out.raw("],\"outcome\":").tree(Json.outcome(outcome)).raw('}');
    }

    /** The whole answer in one go. */
    static void write(OutputStream out, Experiment e, Dataset points, List<Frame> frames, Outcome outcome) throws IOException {
        JsonBytes[] around = around(e, points);
        around[0].writeTo(out);
        points(points).writeTo(out);
        around[1].writeTo(out);
        tail(frames, outcome).writeTo(out);
    }
}
