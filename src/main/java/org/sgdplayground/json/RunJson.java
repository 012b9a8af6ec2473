package org.sgdplayground.json;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import org.sgdplayground.experiment.Briefing;
import org.sgdplayground.experiment.Frame;
import org.sgdplayground.experiment.Outcome;

/**
 * A run's frame and outcome as JSON, written the same way wherever they go: the socket's messages and
 * {@code /api/train}'s answer (server) and the {@code frames.json} export (export), which sit on either side of
 * {@code page}; so they meet here, beside the mapper.
 */
public final class RunJson {
    private RunJson() {}

    /** A frame's {@code "iter", "loss", "params", "grad"} fields, into the object being written. */
    public static void frameFields(JsonGenerator g, Frame f) throws IOException {
        g.writeNumberField("iter", f.iter());
        g.writeNumberField("loss", f.loss());
        g.writeFieldName("params");
        g.writeArray(f.params(), 0, f.params().length);
        g.writeFieldName("grad");
        g.writeArray(f.grad(), 0, f.grad().length);
    }

    /** A run's outcome, {@code {"type":"done"|"diverged","iter":…[,"loss":…][,"message":…]}}. */
    public static void outcome(JsonGenerator g, Outcome o) throws IOException {
        g.writeStartObject();
        g.writeStringField("type", o.kind().wireName());
        g.writeNumberField("iter", o.iter());
        if (o.lastFrame() != null) g.writeNumberField("loss", o.lastFrame().loss());
        if (o.kind() == Outcome.Kind.DIVERGED) g.writeStringField("message", Briefing.divergence(o.iter()));
        g.writeEndObject();
    }
}
