package org.sgdplayground.server.json;

import org.sgdplayground.server.api.TrainAnswerWriter;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.sgdplayground.analysis.LossSurface;
import org.sgdplayground.analysis.Standardisation;
import org.sgdplayground.data.Dataset;
import org.sgdplayground.experiment.Experiment;
import org.sgdplayground.experiment.ExperimentCodec;
import org.sgdplayground.experiment.Frame;
import org.sgdplayground.experiment.InvalidParameterException;
import org.sgdplayground.analysis.Optimum;
import org.sgdplayground.experiment.Outcome;
import org.sgdplayground.experiment.Preset;
import org.sgdplayground.json.Jackson;

/** The JSON the API and the socket write: one shape for an experiment, a frame, an outcome and an error. */
public final class Json {
    private Json() {}

    /** The app's one mapper, {@link Jackson#MAPPER}. */
    public static final ObjectMapper MAPPER = Jackson.MAPPER;

    /**
     * What a client needs to draw a run before its frames: the settings, the model, the points, the optimum and
     * the exact loss surface. With {@code standardize}, also {@code standardisation: {mean, scale}}; the optimum and
     * surface are then in the scaled units the frames use, the points in the original ones.
     */
    public static ObjectNode experiment(Experiment e, Dataset points) {
        return experiment(e, points, true);
    }

    /**
     * {@link #experiment(Experiment, Dataset)}, but with {@code copyPoints} false its {@code points} field holds null, in
     * its place: for a writer that writes the points from the dataset itself ({@link TrainAnswerWriter}), to whom a
     * tree of 20 000 numbers would only be garbage.
     */
    public static ObjectNode experiment(Experiment e, Dataset points, boolean copyPoints) {
        ObjectNode out = MAPPER.createObjectNode();
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
        if (copyPoints) {
            ObjectNode xy = out.putObject("points");
            ArrayNode xs = xy.putArray("x"), ys = xy.putArray("y");
            for (int i = 0; i < points.size(); i++) {
                xs.add(points.x(i));
                ys.add(points.y(i));
            }
        } else {
            out.putNull("points");
        }
        Dataset trained = points;
        if (e.standardize()) {
            // the run trains on x' = (x − m)/s: its optimum and surface are in those units; the points stay as measured
            Standardisation scaling = Standardisation.of(points);
            trained = scaling.apply(points);
            out.putObject("standardisation").put("mean", scaling.mean()).put("scale", scaling.scale());
        }
        Optimum optimum = Optimum.of(e.model(), trained);
        ObjectNode best = out.putObject("optimum");
        numbers(best.putArray("params"), optimum.params());
        best.put("loss", optimum.loss());
        out.set("surface", surface(LossSurface.of(e.model(), trained, optimum), e.momentum()));
        return out;
    }

    /**
     * The exact loss surface, for the page's teaching views: {@code L(p) = L* + (p − p*)ᵀG(p − p*)}, its curvatures
     * (the Hessian's eigenvalues, smallest first), the largest stable learning rate for this momentum and
     * {@code κ = λmax/λmin} (null when some direction is flat).
     */
    public static ObjectNode surface(LossSurface s, double momentum) {
        ObjectNode out = MAPPER.createObjectNode();
        numbers(out.putArray("gram"), s.gram());
        numbers(out.putArray("optimum"), s.optimum());
        out.put("optimumLoss", s.optimumLoss());
        numbers(out.putArray("curvatures"), s.curvatures());
        finiteOrNull(out, "stabilityLimit", s.largestCurvature() > 0 ? s.stabilityLimit(momentum) : Double.POSITIVE_INFINITY);
        finiteOrNull(out, "conditionNumber", s.conditionNumber());
        return out;
    }

    private static void finiteOrNull(ObjectNode out, String key, double v) {
        if (Double.isFinite(v)) out.put(key, v); else out.putNull(key);
    }

    public static ObjectNode frame(Frame f) {
        ObjectNode out = MAPPER.createObjectNode();
        out.put("iter", f.iter());
        out.put("loss", f.loss());
        numbers(out.putArray("params"), f.params());
        numbers(out.putArray("grad"), f.grad());
        if (f.batch() != null) {
            ArrayNode rows = out.putArray("batch");
            for (int row : f.batch()) rows.add(row);
        }
        return out;
    }

    /** A frame as a socket message, written directly: this runs for every frame of every session. */
    public static byte[] frameMessage(Frame f) {
        return frameFields(new JsonBytes(128).raw("{\"type\":\"frame\","), f).raw('}').toByteArray();
    }

    /**
     * A frame's fields as {@link #frame} has them, {@code "iter":…,"loss":…,"params":[…],"grad":[…]} and
     * {@code "batch":[…]} when it lists its rows, each double as its shortest exact text: the one writer of a frame,
     * for the socket's messages and {@code /api/train}'s answers alike.
     */
    public static JsonBytes frameFields(JsonBytes out, Frame f) {
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

    public static ObjectNode outcome(Outcome o) {
        ObjectNode out = MAPPER.createObjectNode();
        out.put("type", o.kind().wireName());
        out.put("iter", o.iter());
        if (o.lastFrame() != null) out.put("loss", o.lastFrame().loss());
        if (o.kind() == Outcome.Kind.DIVERGED) {
            out.put("message", "The loss stopped being finite at iteration " + o.iter()
                + ": the learning rate is too large for these points, so every step overshoots further. Try a smaller lr.");
        }
        return out;
    }

    public static ObjectNode preset(Preset p) {
        ObjectNode out = MAPPER.createObjectNode();
        out.put("name", p.name());
        out.put("title", p.title());
        out.put("lesson", p.lesson());
        out.put("source", p.source());
        out.put("query", "preset=" + p.name());
        ObjectNode settings = out.putObject("settings");
        ExperimentCodec.presetSettings(p.name()).forEach((param, value) -> settings.put(param.key(), value));
        return out;
    }

    public static ObjectNode error(String message) {
        ObjectNode out = MAPPER.createObjectNode();
        out.put("error", message);
        return out;
    }

    public static ObjectNode error(InvalidParameterException e) {
        ObjectNode out = error(e.getMessage());
        out.put("parameter", e.parameter());
        out.put("value", e.value());
        out.put("allowed", e.allowed());
        return out;
    }

    private static void numbers(ArrayNode array, double[] values) {
        for (double v : values) array.add(v);
    }
}
