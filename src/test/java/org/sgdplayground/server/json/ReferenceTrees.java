package org.sgdplayground.server.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.sgdplayground.analysis.LossSurface;
import org.sgdplayground.analysis.Optimum;
import org.sgdplayground.analysis.Standardisation;
import org.sgdplayground.data.Dataset;
import org.sgdplayground.experiment.Experiment;
import org.sgdplayground.experiment.ExperimentCodec;
import org.sgdplayground.experiment.Frame;
import org.sgdplayground.experiment.Outcome;
import org.sgdplayground.experiment.Preset;
import org.sgdplayground.json.Jackson;

/**
 * The messages as trees, built the plain way straight from the experiment and the analysis classes, as the server
 * built them before its writers streamed: the shape (names, order, values) the streamed messages must keep.
 */
public final class ReferenceTrees {
    private ReferenceTrees() {}

    /** The fields a client needs before the frames: settings, model, points, scaling, optimum and surface. */
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
        ObjectNode xy = out.putObject("points");
        ArrayNode xs = xy.putArray("x"), ys = xy.putArray("y");
        for (int i = 0; i < points.size(); i++) {
            xs.add(points.x(i));
            ys.add(points.y(i));
        }
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
        finiteOrNull(surface, "stabilityLimit", s.largestCurvature() > 0 ? s.stabilityLimit(e.momentum()) : Double.POSITIVE_INFINITY);
        finiteOrNull(surface, "conditionNumber", s.conditionNumber());
        return out;
    }

    public static ObjectNode frame(Frame f) {
        ObjectNode out = Jackson.MAPPER.createObjectNode();
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

    public static ObjectNode outcome(Outcome o) {
        ObjectNode out = Jackson.MAPPER.createObjectNode();
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
        ObjectNode out = Jackson.MAPPER.createObjectNode();
        out.put("name", p.name());
        out.put("title", p.title());
        out.put("lesson", p.lesson());
        out.put("source", p.source());
        out.put("query", "preset=" + p.name());
        ObjectNode settings = out.putObject("settings");
        ExperimentCodec.presetSettings(p.name()).forEach((param, value) -> settings.put(param.key(), value));
        return out;
    }

    private static void finiteOrNull(ObjectNode out, String key, double v) {
        if (Double.isFinite(v)) out.put(key, v); else out.putNull(key);
    }

    private static void numbers(ArrayNode array, double[] values) {
        for (double v : values) array.add(v);
    }
}
