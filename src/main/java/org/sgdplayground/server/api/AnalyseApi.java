package org.sgdplayground.server.api;

import org.sgdplayground.server.json.BriefingJson;

import com.fasterxml.jackson.core.JsonGenerator;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.sgdplayground.data.Dataset;
import org.sgdplayground.data.PointsTable;
import org.sgdplayground.experiment.Briefing;
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
        Briefing b = Briefing.of(e, points);
        g.writeStartObject();
        g.writeNumberField("n", points.size());
        BriefingJson.model(g, b);
        BriefingJson.analysis(g, b);
        g.writeEndObject();
    }
}
