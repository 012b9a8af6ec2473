package org.sgdplayground.server.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.sgdplayground.experiment.InvalidParameterException;
import org.sgdplayground.experiment.Parameter;
import org.sgdplayground.json.Jackson;

/**
 * A message from the browser (SPEC §3): {@code pause}, {@code resume}, {@code step}, {@code speed},
 * {@code reset} or {@code restart}, {@code graph} to open or close the Graph panel's values (SPEC §9), and
 * {@code points} for the run's points as exact numbers (a page about to edit a set it got on the 16-bit grid), read
 * strictly: anything else is an error that says what is allowed.
 */
public record ControlMessage(String type, double speed, String query, GraphRequest graph) {
    static final List<String> TYPES = List.of("pause", "resume", "step", "speed", "reset", "restart", "graph", "points");

    /** {@code {"type":"graph","open":true|false[,"row":K]}}: node values for the frames shown, and point {@code K}'s through every node. */
    record GraphRequest(boolean open, int row) {}

    ControlMessage(String type, double speed, String query) {
        this(type, speed, query, null);
    }

    static ControlMessage parse(String text) {
        JsonNode json;
        try {
            json = Jackson.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("a message must be a JSON object like {\"type\":\"pause\"}");
        }
        if (json == null || !json.isObject()) throw new IllegalArgumentException("a message must be a JSON object like {\"type\":\"pause\"}");
        JsonNode type = json.get("type");
        if (type == null || !type.isTextual() || !TYPES.contains(type.asText())) {
            throw new IllegalArgumentException("type must be one of " + String.join(", ", TYPES)
                + (type == null ? "" : ", not " + abbreviate(type.toString())));
        }
        switch (type.asText()) {
            case "speed": {
                JsonNode value = json.get("value");
                if (value == null || !value.isValueNode()) {
                    throw new InvalidParameterException("speed", String.valueOf(value), Parameter.SPEED.domain().allowed());
                }
                return new ControlMessage("speed", (Double) Parameter.SPEED.parse(value.asText()), null);
            }
            case "restart": {
                JsonNode query = json.get("query");
                if (query != null && !query.isTextual()) throw new IllegalArgumentException("restart's query must be a string like \"preset=fastai-sgd&lr=0.2\"");
                return new ControlMessage("restart", 0, query == null ? "" : query.asText());
            }
            case "graph":
                return new ControlMessage("graph", 0, null, graphRequest(json));
            default:
                return new ControlMessage(type.asText(), 0, null);
        }
    }

    private static GraphRequest graphRequest(JsonNode json) {
        JsonNode open = json.get("open"), row = json.get("row");
        if (open == null || !open.isBoolean()) {
            throw new IllegalArgumentException("graph's open must be true or false, like {\"type\":\"graph\",\"open\":true}");
        }
        if (row != null && !row.isNull() && !(row.canConvertToInt() && row.isIntegralNumber() && row.intValue() >= 0)) {
            throw new IllegalArgumentException("graph's row must be a point's index, a whole number from 0, or null; not " + abbreviate(row.toString()));
        }
        return new GraphRequest(open.booleanValue(), row == null || row.isNull() ? -1 : row.intValue());
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}
