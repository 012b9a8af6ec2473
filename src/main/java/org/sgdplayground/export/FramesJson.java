package org.sgdplayground.export;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import org.sgdplayground.data.Dataset;
import org.sgdplayground.experiment.Experiment;
import org.sgdplayground.experiment.Frame;
import org.sgdplayground.experiment.Race;
import org.sgdplayground.experiment.TrainingRun;
import org.sgdplayground.json.Jackson;
import org.sgdplayground.json.RunJson;

/**
 * {@code frames.json}: {@code {"query", "model": {name, formula, params}, "frames": [{iter, loss, params, grad}],
 * "outcome": {type, iter[, loss][, message]}}}, every frame of the run (as {@code /api/train} with {@code every=1},
 * without its limit on frames: this streams), each written as the run makes it. A race has, as {@code /api/train}
 * does, {@code "lanes": [{lane, frames, outcome}]} in place of the frames and the outcome.
 */
final class FramesJson {
    private FramesJson() {}

    static void write(Experiment e, Dataset points, String query, OutputStream out) throws IOException {
        if (e.optimizer().isRace()) {
            write(e, query, out, g -> {
                g.writeArrayFieldStart("lanes");
                for (Race.Entry lane : Race.entries(e)) {
                    g.writeStartObject();
                    g.writeStringField("lane", lane.label());
                    run(new TrainingRun(lane.experiment(), points), g);
                    g.writeEndObject();
                }
                g.writeEndArray();
            });
        } else {
            write(new TrainingRun(e, points), query, out);
        }
    }

    /** A single run's frames, written as {@code run} makes them. */
    static void write(TrainingRun run, String query, OutputStream out) throws IOException {
        write(run.experiment(), query, out, g -> run(run, g));
    }

    private interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    private static void write(Experiment e, String query, OutputStream out, Body body) throws IOException {
        try (JsonGenerator g = Jackson.FACTORY.createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)) {
            g.writeStartObject();
            g.writeStringField("query", query);
            g.writeObjectFieldStart("model");
            g.writeStringField("name", e.model().name());
            g.writeStringField("formula", e.model().formula());
            g.writeArrayFieldStart("params");
            for (String p : e.model().parameterNames()) g.writeString(p);
            g.writeEndArray();
            g.writeEndObject();
            body.write(g);
            g.writeEndObject();
        }
    }

    /** The run's frames and outcome, as fields of the object being written. */
    private static void run(TrainingRun run, JsonGenerator g) throws IOException {
        g.writeArrayFieldStart("frames");
        for (Frame f = run.next(); f != null; f = run.next()) {
            g.writeStartObject();
            RunJson.frameFields(g, f); // no minibatch rows: the export is the curve's history, not the socket's
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeFieldName("outcome");
        RunJson.outcome(g, run.outcome());
    }
}
