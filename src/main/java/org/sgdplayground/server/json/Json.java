package org.sgdplayground.server.json;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.sgdplayground.data.Dataset;
import org.sgdplayground.experiment.Briefing;
import org.sgdplayground.experiment.ExperimentCodec;
import org.sgdplayground.experiment.Frame;
import org.sgdplayground.experiment.InvalidParameterException;
import org.sgdplayground.experiment.Outcome;
import org.sgdplayground.experiment.Preset;
import org.sgdplayground.json.Jackson;
import org.sgdplayground.json.RunJson;

/**
 * The JSON the API and the socket write, each message with one streaming generator of the app's one factory
 * ({@link Jackson}), so every double is its shortest exact text. These methods only map fields to names: what the
 * values are is decided in the domain ({@link Briefing}, {@link Frame}, {@link Outcome}).
 */
public final class Json {
    private Json() {}

    /** Writes a message's fields, or a part of an answer, to a generator. */
    @FunctionalInterface
    interface Writing {
        void write(JsonGenerator g) throws IOException;
    }

    /** The socket's first message with the points as exact numbers: {@code {"type":"data", …the briefing…, "running":…}}. */
    public static byte[] dataMessage(Briefing b, boolean running) {
        return dataMessage(b, running, BriefingJson.Points.NUMBERS, null);
    }

    /** The socket's first message, the points as {@code form} says and named by {@code pointsKey}. */
    public static byte[] dataMessage(Briefing b, boolean running, BriefingJson.Points form, String pointsKey) {
        return written(4096 + (form == BriefingJson.Points.HELD_BY_CLIENT ? 0 : 50 * b.points().size()), g -> {
            g.writeStartObject();
            g.writeStringField("type", "data");
            BriefingJson.fields(g, b, form, pointsKey);
            g.writeBooleanField("running", running);
            g.writeEndObject();
        });
    }

    /** The exact points, for a client about to edit them: {@code {"type":"points","pointsKey":…,"points":{x, y}}}. */
    public static byte[] pointsMessage(Dataset points, String pointsKey) {
        return written(64 + 50 * points.size(), g -> {
            g.writeStartObject();
            g.writeStringField("type", "points");
            g.writeStringField("pointsKey", pointsKey);
            g.writeFieldName("points");
            PointsWire.numbers(g, points);
            g.writeEndObject();
        });
    }

    /** A frame as a socket message, {@code {"type":"frame", …its fields…}}: this runs for every frame of every tape. */
    public static byte[] frameMessage(Frame f) {
        return written(256, g -> {
            g.writeStartObject();
            g.writeStringField("type", "frame");
            frameFields(g, f);
            g.writeEndObject();
        });
    }

    /**
     * A frame as an object, {@code {"iter":…,"loss":…,"params":[…],"grad":[…]}} and {@code "batch":[…]} when it lists
     * its rows: the socket's frame messages and {@code /api/train}'s frames alike.
     */
    public static void frame(JsonGenerator g, Frame f) throws IOException {
        g.writeStartObject();
        frameFields(g, f);
        g.writeEndObject();
    }

    private static void frameFields(JsonGenerator g, Frame f) throws IOException {
        RunJson.frameFields(g, f);
        if (f.batch() != null) {
            g.writeFieldName("batch");
            g.writeArray(f.batch(), 0, f.batch().length);
        }
    }

    /** The socket's last message: {@code {"type":"done"|"diverged","iter":…[,"loss":…][,"message":…]}}. */
    public static byte[] outcomeMessage(Outcome o) {
        return written(256, g -> RunJson.outcome(g, o)); // also /api/train's and frames.json's outcome
    }


    /** {@code GET /api/presets}: {@code [{name, title, lesson, source, query, settings}, …]}. */
    public static byte[] presets(List<Preset> presets) {
        return written(8192, g -> {
            g.writeStartArray();
            for (Preset p : presets) {
                g.writeStartObject();
                g.writeStringField("name", p.name());
                g.writeStringField("title", p.title());
                g.writeStringField("lesson", p.lesson());
                g.writeStringField("source", p.source());
                g.writeStringField("query", "preset=" + p.name());
                g.writeObjectFieldStart("settings");
                for (var setting : ExperimentCodec.presetSettings(p.name()).entrySet()) {
                    g.writeStringField(setting.getKey().key(), setting.getValue());
                }
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
        });
    }

    /** An HTTP error's body: {@code {"error":…}}. */
    public static byte[] error(String message) {
        return written(256, g -> errorObject(g, message, null, false));
    }

    /** A bad setting's HTTP error body: {@code {"error":…,"parameter":…,"value":…,"allowed":…}}. */
    public static byte[] error(InvalidParameterException e) {
        return written(256, g -> errorObject(g, e.getMessage(), e, false));
    }

    /** The socket's error message: {@link #error(String)}'s fields, then {@code "type":"error"}. */
    public static String errorMessage(String message) {
        return new String(written(256, g -> errorObject(g, message, null, true)), StandardCharsets.UTF_8);
    }

    /** The socket's error message for a bad setting: {@link #error(InvalidParameterException)}'s fields, then its type. */
    public static String errorMessage(InvalidParameterException e) {
        return new String(written(256, g -> errorObject(g, e.getMessage(), e, true)), StandardCharsets.UTF_8);
    }

    private static void errorObject(JsonGenerator g, String message, InvalidParameterException bad, boolean typed) throws IOException {
        g.writeStartObject();
        g.writeStringField("error", message);
        if (bad != null) {
            g.writeStringField("parameter", bad.parameter());
            g.writeStringField("value", bad.value());
            g.writeStringField("allowed", bad.allowed());
        }
        if (typed) g.writeStringField("type", "error");
        g.writeEndObject();
    }

    /** What {@code writing} writes, as UTF-8 bytes; {@code capacity} is a first guess of their number. */
    static byte[] written(int capacity, Writing writing) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(capacity);
        try (JsonGenerator g = Jackson.FACTORY.createGenerator(out)) {
            writing.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON into memory", e); // a ByteArrayOutputStream does not fail
        }
        return out.toByteArray();
    }
}
