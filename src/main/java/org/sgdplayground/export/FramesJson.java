package org.sgdplayground.export;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import org.sgdplayground.experiment.Briefing;
import org.sgdplayground.experiment.Frame;
import org.sgdplayground.experiment.Outcome;
import org.sgdplayground.experiment.TrainingRun;
import org.sgdplayground.json.Jackson;

/**
 * {@code frames.json}: {@code {"query", "model": {name, formula, params}, "frames": [{iter, loss, params, grad}],
 * "outcome": {type, iter[, loss][, message]}}}, every frame of the run (as {@code /api/train} with {@code every=1},
 * without its limit on frames: this streams), each written as the run makes it.
 */
final class FramesJson {
    private FramesJson() {}

    static void write(TrainingRun run, String query, OutputStream out) throws IOException {
        try (JsonGenerator g = Jackson.FACTORY.createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)) {
            g.writeStartObject();
            g.writeStringField("query", query);
            g.writeObjectFieldStart("model");
            g.writeStringField("name", run.experiment().model().name());
            g.writeStringField("formula", run.experiment().model().formula());
            g.writeArrayFieldStart("params");
            for (String p : run.experiment().model().parameterNames()) g.writeString(p);
            g.writeEndArray();
            g.writeEndObject();
            g.writeArrayFieldStart("frames");
            for (Frame f = run.next(); f != null; f = run.next()) {
                g.writeStartObject();
                g.writeNumberField("iter", f.iter());
                g.writeNumberField("loss", f.loss());
                g.writeFieldName("params");
                g.writeArray(f.params(), 0, f.params().length);
                g.writeFieldName("grad");
                g.writeArray(f.grad(), 0, f.grad().length);
                g.writeEndObject();
            }
            g.writeEndArray();
            Outcome o = run.outcome();
            g.writeObjectFieldStart("outcome");
            g.writeStringField("type", o.kind().wireName());
            g.writeNumberField("iter", o.iter());
            if (o.lastFrame() != null) g.writeNumberField("loss", o.lastFrame().loss());
            if (o.kind() == Outcome.Kind.DIVERGED) g.writeStringField("message", Briefing.divergence(o.iter()));
            g.writeEndObject();
            g.writeEndObject();
        }
    }
}
