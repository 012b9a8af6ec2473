package org.sgdplayground.server.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.sgdplayground.analysis.LossSurface;
import org.sgdplayground.analysis.Optimum;
import org.sgdplayground.analysis.Standardisation;
import org.sgdplayground.data.Dataset;
import org.sgdplayground.experiment.Experiment;
import org.sgdplayground.experiment.ExperimentCodec;
import org.sgdplayground.experiment.Frame;
import org.sgdplayground.experiment.Outcome;
import org.sgdplayground.json.Jackson;

/**
 * The hand-written writer as it was before the streaming generator (Json's trees, JsonBytes, ShortestDouble), kept
 * in the benchmarks for one commit only, to time the old and the new writer in the same run.
 */
public final class OldAnswerWriter {
    private OldAnswerWriter() {}

    private static final int BYTES_PER_NUMBER = 21;

    /** Json.experiment(e, points, false) as it was: the head's tree with the points' place held by null. */
    public static ObjectNode experiment(Experiment e, Dataset points) {
        ObjectNode out = Jackson.MAPPER.createObjectNode();
        out.put("query", ExperimentCodec.encode(e));
        ObjectNode settings = out.putObject("experiment");
        ExperimentCodec.settingsByKey(e).forEach(settings::put);
        ObjectNode model = out.putObject("model");
        model.put("name", e.model().name());
        model.put("formula", e.model().formula());
        ArrayNode names = model.putArray("params");
        e.model().parameterNames().forEach(names::add);
        out.put("steps", e.steps());
        out.put("speed", e.speed());
        out.putNull("points");
        Dataset trained = points;
        if (e.standardize()) {
            Standardisation scaling = Standardisation.of(points);
            trained = scaling.apply(points);
            out.putObject("standardisation").put("mean", scaling.mean()).put("scale", scaling.scale());
        }
        Optimum optimum = Optimum.of(e.model(), trained);
        ObjectNode best = out.putObject("optimum");
        numbers(best.putArray("params"), optimum.params());
        best.put("loss", optimum.loss());
        LossSurface s = LossSurface.of(e.model(), trained, optimum);
        ObjectNode surface = out.putObject("surface");
        numbers(surface.putArray("gram"), s.gram());
        numbers(surface.putArray("optimum"), s.optimum());
        surface.put("optimumLoss", s.optimumLoss());
        numbers(surface.putArray("curvatures"), s.curvatures());
        double limit = s.largestCurvature() > 0 ? s.stabilityLimit(e.momentum()) : Double.POSITIVE_INFINITY;
        if (Double.isFinite(limit)) surface.put("stabilityLimit", limit); else surface.putNull("stabilityLimit");
        if (Double.isFinite(s.conditionNumber())) surface.put("conditionNumber", s.conditionNumber()); else surface.putNull("conditionNumber");
        return out;
    }

    private static void numbers(ArrayNode array, double[] values) {
        for (double v : values) array.add(v);
    }

    /** The head before and after its points, walked from the tree. */
    public static JsonBytes[] around(ObjectNode experiment) {
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

    public static JsonBytes points(Dataset points) {
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

    public static JsonBytes tail(List<Frame> frames, Outcome outcome) {
        int perFrame = 64;
        if (!frames.isEmpty()) {
            Frame f = frames.get(0);
            perFrame += (1 + f.params().length + f.grad().length) * BYTES_PER_NUMBER + (f.batch() == null ? 0 : 7 * f.batch().length);
        }
        JsonBytes out = new JsonBytes(frames.size() * perFrame + 512);
        out.raw(",\"frames\":[");
        for (int i = 0; i < frames.size(); i++) {
            if (i > 0) out.raw(',');
            frameFields(out.raw('{'), frames.get(i)).raw('}');
        }
        ObjectNode o = Jackson.MAPPER.createObjectNode();
        o.put("type", outcome.kind().wireName());
        o.put("iter", outcome.iter());
        if (outcome.lastFrame() != null) o.put("loss", outcome.lastFrame().loss());
        if (outcome.kind() == Outcome.Kind.DIVERGED) o.put("message", org.sgdplayground.experiment.Briefing.divergence(outcome.iter()));
        return out.raw("],\"outcome\":").tree(o).raw('}');
    }

    /** The old socket frame message. */
    public static byte[] frameMessage(Frame f) {
        return frameFields(new JsonBytes(128).raw("{\"type\":\"frame\","), f).raw('}').toByteArray();
    }

    static JsonBytes frameFields(JsonBytes out, Frame f) {
        out.raw("\"iter\":").number(f.iter()).raw(",\"loss\":").number(f.loss());
        out.raw(",\"params\":").numbers(f.params()).raw(",\"grad\":").numbers(f.grad());
        if (f.batch() != null) {
            out.raw(",\"batch\":[");
            for (int i = 0; i < f.batch().length; i++) {
                if (i > 0) out.raw(',');
                out.number(f.batch()[i]);
            }
            out.raw(']');
        }
        return out;
    }
}
