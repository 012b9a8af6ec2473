package org.sgdplayground.server.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sgdplayground.experiment.ExperimentCodec;
import org.sgdplayground.experiment.InvalidParameterException;
import org.sgdplayground.experiment.Presets;
import org.sgdplayground.experiment.QueryStrings;
import org.sgdplayground.experiment.TrainingRun;
import org.sgdplayground.json.Jackson;

/** The small messages keep their fields, in their order: errors, outcomes and the presets. */
class JsonMessagesTest {
    private static String text(byte[] utf8) {
        return new String(utf8, StandardCharsets.UTF_8);
    }

    @Test
    void an_error_names_the_bad_setting_and_the_sockets_error_adds_its_type_last() {
        InvalidParameterException bad = new InvalidParameterException("lr", "fast", "a number greater than 0");
        String fields = "\"error\":\"lr=fast is not allowed: a number greater than 0\",\"parameter\":\"lr\",\"value\":\"fast\","
            + "\"allowed\":\"a number greater than 0\"";
        assertEquals("{" + fields + "}", text(Json.error(bad)));
        assertEquals("{" + fields + ",\"type\":\"error\"}", Json.errorMessage(bad));
        assertEquals("{\"error\":\"a \\\"quoted\\\"\\nline\"}", text(Json.error("a \"quoted\"\nline")));
        assertEquals("{\"error\":\"too many\",\"type\":\"error\"}", Json.errorMessage("too many"));
    }

    @Test
    void the_outcome_message_is_the_outcome_json_builds_done_and_diverged() throws Exception {
        for (String query : List.of("preset=fastai-sgd&steps=5", "preset=diverging-lr")) {
            TrainingRun run = new TrainingRun(ExperimentCodec.decode(QueryStrings.parse(query)));
            run.all();
            JsonNode message = Jackson.MAPPER.readTree(Json.outcomeMessage(run.outcome()));
            assertEquals(ReferenceTrees.outcome(run.outcome()), message, query);
            assertEquals(names(ReferenceTrees.outcome(run.outcome())), names(message), query);
        }
    }

    @Test
    void the_presets_answer_lists_each_preset_with_its_link_and_settings_in_order() throws Exception {
        ArrayNode expected = Jackson.MAPPER.createArrayNode();
        Presets.all().forEach(p -> expected.add(ReferenceTrees.preset(p)));
        assertEquals(Jackson.MAPPER.writeValueAsString(expected), text(Json.presets(Presets.all())));
    }

    private static List<String> names(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
