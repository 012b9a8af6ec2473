package org.sgdplayground.server.api;

import org.sgdplayground.json.Jackson;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sgdplayground.data.PointsTable;
import org.sgdplayground.experiment.InvalidParameterException;
import org.sgdplayground.experiment.Limits;
import org.sgdplayground.experiment.Parameter;

/**
 * The JSON of the points endpoints, read and written with Jackson's streaming parser and generator: a body of
 * {@code {"x":[…],"y":[…]}} (and settings, for {@code /api/analyse}) read number by number, and the answers and
 * refusals written field by field. Doubles go out as their shortest exact text, as the rest of the server's.
 */
final class PointsJson {
    private PointsJson() {}

    static final JsonFactory FACTORY = Jackson.FACTORY; // the app's one configuration

    /** A body's settings as URL text (an {@code init} array as a comma list) and its {@code x} and {@code y}, or null. */
    record Body(Map<String, String> settings, double[] x, double[] y) {}

    /**
     * Reads a JSON object: {@code x} and {@code y} as arrays of finite numbers within the playground's range, every
     * other known parameter as text; unknown fields are skipped.
     *
     * @throws PointsTable.Refusal where the JSON is not such an object, with its line and column
     * @throws InvalidParameterException for a known setting that is not a scalar
     */
    static Body read(byte[] json) {
        Map<String, String> settings = new LinkedHashMap<>();
        double[] x = null, y = null;
        try (JsonParser p = FACTORY.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw refusal(p, "points", "the body must be a JSON object, e.g. {\"x\": [0, 1, 2], \"y\": [1, 3, 5]}");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                JsonToken value = p.nextToken();
                if (key.equals("x") || key.equals("y")) {
                    double[] numbers = value == JsonToken.VALUE_NULL ? null : numbers(p, key);
                    if (key.equals("x")) x = numbers; else y = numbers;
                } else if (Parameter.byKey(key).isPresent() && value != JsonToken.VALUE_NULL) {
                    settings.put(key, setting(p, key, value));
                } else {
                    p.skipChildren();
                }
            }
            if (p.nextToken() != null) throw refusal(p, "points", "the body has more after its JSON object");
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new PointsTable.Refusal("points", at == null ? 1 : Math.max(1, at.getLineNr()), at == null ? 0 : Math.max(0, at.getColumnNr()),
                "", "the body is not valid JSON: " + e.getOriginalMessage().split(": enable ", 2)[0] // Jackson's advice is for programmers
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail to read
        }
        return new Body(settings, x, y);
    }

    /** An array of numbers, each finite and within ±{@link Limits#MAX_MAGNITUDE}, at most {@link Limits#MAX_POINTS}. */
    private static double[] numbers(JsonParser p, String key) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) throw refusal(p, key, key + " must be an array of numbers");
        double[] out = new double[64];
        int n = 0;
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
                throw refusal(p, key, key + "[" + n + "] is " + shorten(p.getText()) + ", not a number");
            }
            if (n == Limits.MAX_POINTS) throw refusal(p, key, key + " has more than " + Limits.MAX_POINTS + " values (at most " + Limits.MAX_POINTS + " points)");
            double v = p.getDoubleValue();
            if (!Double.isFinite(v) || Math.abs(v) > Limits.MAX_MAGNITUDE) {
                throw refusal(p, key, key + "[" + n + "] = " + shorten(p.getText()) + " is beyond ±1e9, the largest coordinate the playground takes");
            }
            if (n == out.length) out = java.util.Arrays.copyOf(out, 2 * n);
            out[n++] = v;
        }
        return java.util.Arrays.copyOf(out, n);
    }

    private static String setting(JsonParser p, String key, JsonToken value) throws IOException {
        if (value.isScalarValue()) return p.getText();
        if (value == JsonToken.START_ARRAY && key.equals(Parameter.INIT.key())) {
            List<String> parts = new ArrayList<>();
            for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                if (!t.isNumeric()) throw new InvalidParameterException(key, "[…" + p.getText() + "…]", Parameter.INIT.domain().allowed());
                parts.add(p.getText());
            }
            return String.join(",", parts);
        }
        p.skipChildren();
        throw new InvalidParameterException(key, value == JsonToken.START_ARRAY ? "[…]" : "{…}", Parameter.byKey(key).orElseThrow().domain().allowed());
    }

    private static PointsTable.Refusal refusal(JsonParser p, String parameter, String message) {
        JsonLocation at = p.currentTokenLocation(); // where the offending value starts
        String value;
        try {
            value = p.currentToken() == null || p.currentToken().isStructStart() ? "" : p.getText();
        } catch (IOException e) {
            value = "";
        }
        return new PointsTable.Refusal(parameter, Math.max(1, at.getLineNr()), Math.max(0, at.getColumnNr()), value == null ? "" : value, message);
    }

    private static String shorten(String s) {
        return s == null ? "null" : s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }

    /** Writes one JSON value to bytes with a fresh generator. */
    static byte[] write(Writer writer) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            writer.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Streams one JSON value to {@code out}. */
    static void write(OutputStream out, Writer writer) throws IOException {
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            writer.write(g);
        }
    }

    /** Something that writes a JSON value with a generator. */
    @FunctionalInterface
    interface Writer {
        void write(JsonGenerator g) throws IOException;
    }

    /** {@code {"error":…, "parameter":…, "line":…, "column":…, "value":…}}; a column of 0 (none) is written null. */
    static byte[] refusal(PointsTable.Refusal r) {
        return write(g -> {
            g.writeStartObject();
            g.writeStringField("error", r.getMessage());
            g.writeStringField("parameter", r.parameter());
            g.writeNumberField("line", r.line());
            if (r.column() > 0) g.writeNumberField("column", r.column()); else g.writeNullField("column");
            g.writeStringField("value", r.value());
            g.writeEndObject();
        });
    }

    /** {@code {"error":…, "parameter":…, "value":…, "allowed":…}}, as the codec's refusals are answered everywhere. */
    static byte[] refusal(InvalidParameterException e) {
        return write(g -> {
            g.writeStartObject();
            g.writeStringField("error", e.getMessage());
            g.writeStringField("parameter", e.parameter());
            g.writeStringField("value", e.value());
            g.writeStringField("allowed", e.allowed());
            g.writeEndObject();
        });
    }

    /** {@code {"error":…}} with more string fields, in order. */
    static byte[] error(String message, String... moreNamesAndValues) {
        return write(g -> {
            g.writeStartObject();
            g.writeStringField("error", message);
            for (int i = 0; i + 1 < moreNamesAndValues.length; i += 2) g.writeStringField(moreNamesAndValues[i], moreNamesAndValues[i + 1]);
            g.writeEndObject();
        });
    }
}
