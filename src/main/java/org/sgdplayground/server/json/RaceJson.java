package org.sgdplayground.server.json;

import java.util.List;
import org.sgdplayground.experiment.Briefing;
import org.sgdplayground.experiment.Frame;
import org.sgdplayground.experiment.Outcome;
import org.sgdplayground.json.RunJson;

/**
 * A race's socket messages (SPEC §8): the {@code data} message names the lanes, each frame message carries every
 * lane's frame {@code i}, and the last one every lane's outcome. Only maps fields to names, as {@link Json} does.
 */
public final class RaceJson {
    private RaceJson() {}

    /** {@code {"type":"data", …the briefing…, "lanes":["sgd","adam(lr=0.3)",…], "running":…}}. */
    public static byte[] dataMessage(Briefing b, List<String> lanes, boolean running, BriefingJson.Points form, String pointsKey) {
        return Json.written(4096 + (form == BriefingJson.Points.HELD_BY_CLIENT ? 0 : 50 * b.points().size()), g -> {
            g.writeStartObject();
            g.writeStringField("type", "data");
            BriefingJson.fields(g, b, form, pointsKey);
            g.writeArrayFieldStart("lanes");
            for (String lane : lanes) g.writeString(lane);
            g.writeEndArray();
            g.writeBooleanField("running", running);
            g.writeEndObject();
        });
    }

    /**
     * {@code {"type":"frame","iter":i,"lanes":[…]}}: for each lane its frame {@code i}, or its outcome in the message
     * just after its last frame (a lane that diverged, or finished before the others), or null once it has ended.
     */
    public static byte[] frameMessage(int iter, Frame[] frames, Outcome[] endedNow) {
        return Json.written(128 + 256 * frames.length, g -> {
            g.writeStartObject();
            g.writeStringField("type", "frame");
            g.writeNumberField("iter", iter);
            g.writeArrayFieldStart("lanes");
            for (int k = 0; k < frames.length; k++) {
                if (frames[k] != null) Json.frame(g, frames[k]);
                else if (endedNow[k] != null) RunJson.outcome(g, endedNow[k]);
                else g.writeNull();
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    /**
     * The last message, {@code {"type":"done","iter":…,"lanes":[outcome, …]}}: {@code diverged} when every lane did,
     * so a client that knows no races still reads how it went.
     */
    public static byte[] outcomeMessage(List<Outcome> outcomes) {
        boolean allDiverged = outcomes.stream().allMatch(o -> o.kind() == Outcome.Kind.DIVERGED);
        int iter = outcomes.stream().mapToInt(Outcome::iter).max().orElse(0);
        return Json.written(128 + 96 * outcomes.size(), g -> {
            g.writeStartObject();
            g.writeStringField("type", (allDiverged ? Outcome.Kind.DIVERGED : Outcome.Kind.DONE).wireName());
            g.writeNumberField("iter", iter);
            g.writeArrayFieldStart("lanes");
            for (Outcome o : outcomes) RunJson.outcome(g, o);
            g.writeEndArray();
            g.writeEndObject();
        });
    }
}
