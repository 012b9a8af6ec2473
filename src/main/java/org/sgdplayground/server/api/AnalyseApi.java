package org.sgdplayground.server.api;

import com.fasterxml.jackson.core.JsonGenerator;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.sgdplayground.analysis.LossSurface;
import org.sgdplayground.analysis.Optimum;
import org.sgdplayground.analysis.Standardisation;
import org.sgdplayground.data.Dataset;
import org.sgdplayground.data.PointsTable;
import org.sgdplayground.experiment.Experiment;
import org.sgdplayground.experiment.ExperimentCodec;
import org.sgdplayground.experiment.PointLookup;

/**
 * {@code POST /api/analyse}: what the page redraws while a point is dragged, without a run. The body and query are
 * {@code /api/train}'s (settings, and {@code x}/{@code y} or {@code points=ID}), read and limited alike; the answer is
 * {@code {n, model: {name, formula, params}, [standardisation: {mean, scale},] optimum: {params, loss}, surface:
 * {gram, optimum, optimumLoss, curvatures, stabilityLimit, conditionNumber}}}, fields named and computed as in the
 * socket's {@code data} message. It costs one pass over the points and a k×k eigenproblem (k ≤ 3): well under a
 * millisecond for a thousand points.
 */
public final class AnalyseApi {
    private final PointLookup stored;

    public AnalyseApi(PointLookup stored) {
        this.stored = stored;
    }

    public void analyse(Context ctx) throws IOException {
        Map<String, String> raw = new HashMap<>();
        ctx.queryParamMap().forEach((k, v) -> raw.put(k, v.isEmpty() ? "" : v.get(0)));
        byte[] body = PointsApi.readBody(ctx, "/api/analyse");
        if (body == null) return;
        double[] x = null, y = null;
        if (body.length > 0) {
            PointsJson.Body read;
            try {
                read = PointsJson.read(body);
            } catch (PointsTable.Refusal r) {
                PointsApi.json(ctx, 400, PointsJson.refusal(r));
                return;
            }
            raw.putAll(read.settings());
            x = read.x();
            y = read.y();
        }
        Experiment e = ExperimentCodec.decode(raw, x, y, stored); // refusals: 400 (404 for an unknown id), by the app
        byte[] answer = PointsJson.write(g -> write(g, e, e.dataset()));
        PointsApi.json(ctx, 200, answer);
    }

    /** The briefing's fields a drag needs, from the experiment's points (scaled when it standardises). */
    static void write(JsonGenerator g, Experiment e, Dataset points) throws IOException {
        g.writeStartObject();
        g.writeNumberField("n", points.size());
        g.writeObjectFieldStart("model");
        g.writeStringField("name", e.model().name());
        g.writeStringField("formula", e.model().formula());
        g.writeArrayFieldStart("params");
        for (String name : e.model().parameterNames()) g.writeString(name);
        g.writeEndArray();
        g.writeEndObject();
        Dataset trained = points;
        if (e.standardize()) {
            Standardisation scaling = Standardisation.of(points);
            trained = scaling.apply(points);
            g.writeObjectFieldStart("standardisation");
            g.writeNumberField("mean", scaling.mean());
            g.writeNumberField("scale", scaling.scale());
            g.writeEndObject();
        }
        Optimum optimum = Optimum.of(e.model(), trained);
        g.writeObjectFieldStart("optimum");
        numbers(g, "params", optimum.params());
        g.writeNumberField("loss", optimum.loss());
        g.writeEndObject();
        LossSurface s = LossSurface.of(e.model(), trained, optimum);
        g.writeObjectFieldStart("surface");
        numbers(g, "gram", s.gram());
        numbers(g, "optimum", s.optimum());
        g.writeNumberField("optimumLoss", s.optimumLoss());
        numbers(g, "curvatures", s.curvatures());
        finiteOrNull(g, "stabilityLimit", s.largestCurvature() > 0 ? s.stabilityLimit(e.momentum()) : Double.POSITIVE_INFINITY);
        finiteOrNull(g, "conditionNumber", s.conditionNumber());
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void numbers(JsonGenerator g, String name, double[] values) throws IOException {
        g.writeFieldName(name);
        g.writeArray(values, 0, values.length);
    }

    private static void finiteOrNull(JsonGenerator g, String name, double v) throws IOException {
        if (Double.isFinite(v)) g.writeNumberField(name, v); else g.writeNullField(name);
    }
}
