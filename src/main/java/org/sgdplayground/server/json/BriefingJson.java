package org.sgdplayground.server.json;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.Map;
import java.util.OptionalDouble;
import org.sgdplayground.analysis.Standardisation;
import org.sgdplayground.experiment.Briefing;

/**
 * A run's {@link Briefing} as the fields that open the socket's {@code data} message and {@code /api/train}'s answer:
 * {@code query, experiment, model: {name, formula, params}, steps, speed, [pointsKey,] points: {x, y}, [standardisation: {mean,
 * scale},] optimum: {params, loss}, surface: {gram, optimum, optimumLoss, curvatures, stabilityLimit,
 * conditionNumber}}, in that order. A surface value the briefing does not have is written as null.
 */
public final class BriefingJson {
    private BriefingJson() {}

    /** How a message carries the points. */
    public enum Points {
        /** {@code points: {x, y}}, every double exact: the API's answers. */
        NUMBERS,
        /** {@code pointsKey} and the points as {@link PointsWire} writes them by size: the socket's first message. */
        FOR_SOCKET,
        /** {@code pointsKey} alone: the client said it holds the points with that key. */
        HELD_BY_CLIENT
    }

    /** The briefing's fields, into an object the caller has opened, with the points as exact numbers. */
    public static void fields(JsonGenerator g, Briefing b) throws IOException {
        fields(g, b, Points.NUMBERS, null);
    }

    /** The briefing's fields with the points as {@code form} says; {@code pointsKey} names them (the socket's forms). */
    public static void fields(JsonGenerator g, Briefing b, Points form, String pointsKey) throws IOException {
        g.writeStringField("query", b.query());
        g.writeObjectFieldStart("experiment");
        for (Map.Entry<String, String> setting : b.settings().entrySet()) g.writeStringField(setting.getKey(), setting.getValue());
        g.writeEndObject();
        model(g, b);
        g.writeNumberField("steps", b.steps());
        g.writeNumberField("speed", b.speed());
        if (form != Points.NUMBERS) g.writeStringField("pointsKey", pointsKey);
        if (form != Points.HELD_BY_CLIENT) g.writeFieldName("points");
        if (form == Points.NUMBERS) PointsWire.numbers(g, b.points());
        else if (form == Points.FOR_SOCKET) PointsWire.write(g, b.points());
        analysis(g, b);
    }

    /** {@code model: {name, formula, params}}. */
    public static void model(JsonGenerator g, Briefing b) throws IOException {
        g.writeObjectFieldStart("model");
        g.writeStringField("name", b.model().name());
        g.writeStringField("formula", b.model().formula());
        g.writeArrayFieldStart("params");
        for (String name : b.model().parameterNames()) g.writeString(name);
        g.writeEndArray();
        g.writeEndObject();
    }

    /**
     * What the points say before any run: {@code [standardisation: {mean, scale},] optimum: {params, loss}, surface:
     * {…}}; the part of a briefing that follows a dragged point.
     */
    public static void analysis(JsonGenerator g, Briefing b) throws IOException {
        if (b.standardisation().isPresent()) {
            Standardisation s = b.standardisation().get();
            g.writeObjectFieldStart("standardisation");
            g.writeNumberField("mean", s.mean());
            g.writeNumberField("scale", s.scale());
            g.writeEndObject();
        }
        g.writeObjectFieldStart("optimum");
        numbers(g, "params", b.optimum().params());
        g.writeNumberField("loss", b.optimum().loss());
        g.writeEndObject();
        Briefing.Surface s = b.surface();
        g.writeObjectFieldStart("surface");
        numbers(g, "gram", s.gram());
        numbers(g, "optimum", s.optimum());
        g.writeNumberField("optimumLoss", s.optimumLoss());
        numbers(g, "curvatures", s.curvatures());
        numberOrNull(g, "stabilityLimit", s.stabilityLimit());
        numberOrNull(g, "conditionNumber", s.conditionNumber());
        g.writeEndObject();
    }

    private static void numbers(JsonGenerator g, String name, double[] values) throws IOException {
        g.writeFieldName(name);
        g.writeArray(values, 0, values.length);
    }

    private static void numberOrNull(JsonGenerator g, String name, OptionalDouble value) throws IOException {
        if (value.isPresent()) g.writeNumberField(name, value.getAsDouble());
        else g.writeNullField(name);
    }
}
