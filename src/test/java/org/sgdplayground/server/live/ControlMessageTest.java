package org.sgdplayground.server.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.sgdplayground.experiment.InvalidParameterException;
import org.sgdplayground.experiment.Parameter;

class ControlMessageTest {
    @Test
    void each_type_without_a_value_parses_to_itself() {
        for (String type : ControlMessage.TYPES) {
            if (type.equals("speed") || type.equals("graph")) continue; // those two need a value
            assertEquals(type, ControlMessage.parse("{\"type\":\"" + type + "\"}").type());
        }
    }

    @Test
    void graph_reads_open_and_an_optional_row_which_null_or_absence_leave_unset() {
        assertEquals(new ControlMessage.GraphRequest(true, 7), ControlMessage.parse("{\"type\":\"graph\",\"open\":true,\"row\":7}").graph());
        assertEquals(new ControlMessage.GraphRequest(false, -1), ControlMessage.parse("{\"type\":\"graph\",\"open\":false}").graph());
        assertEquals(new ControlMessage.GraphRequest(true, -1), ControlMessage.parse("{\"type\":\"graph\",\"open\":true,\"row\":null}").graph());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ControlMessage.parse("{\"type\":\"graph\",\"open\":1}"))
            .getMessage().contains("open must be true or false"));
    }

    @Test
    void speed_is_read_by_the_same_rule_as_the_url_parameter() {
        assertEquals(Parameter.SPEED.parse("12.5"), ControlMessage.parse("{\"type\":\"speed\",\"value\":12.5}").speed());
        assertEquals(Parameter.SPEED.parse("20"), ControlMessage.parse("{\"type\":\"speed\",\"value\":\"20\"}").speed());
    }

    @Test
    void a_speed_out_of_range_is_refused_naming_speed_and_what_is_allowed() {
        InvalidParameterException e = assertThrows(InvalidParameterException.class,
            () -> ControlMessage.parse("{\"type\":\"speed\",\"value\":5000}"));
        assertEquals("speed", e.parameter());
        assertEquals(Parameter.SPEED.domain().allowed(), e.allowed());
    }

    @Test
    void a_speed_without_a_value_or_with_an_object_is_refused_naming_speed() {
        assertEquals("speed", assertThrows(InvalidParameterException.class,
            () -> ControlMessage.parse("{\"type\":\"speed\"}")).parameter());
        assertEquals("speed", assertThrows(InvalidParameterException.class,
            () -> ControlMessage.parse("{\"type\":\"speed\",\"value\":{\"a\":1}}")).parameter());
    }

    @Test
    void restart_carries_its_query_text_and_an_absent_one_is_empty() {
        assertEquals("preset=roller-coaster", ControlMessage.parse("{\"type\":\"restart\",\"query\":\"preset=roller-coaster\"}").query());
        assertEquals("", ControlMessage.parse("{\"type\":\"restart\"}").query());
    }

    @Test
    void a_restart_query_that_is_not_a_string_is_refused_with_an_example() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> ControlMessage.parse("{\"type\":\"restart\",\"query\":{}}"));
        assertTrue(e.getMessage().contains("must be a string like"), e.getMessage());
    }

    @Test
    void an_unknown_type_is_refused_listing_the_known_ones_and_quoting_it_shortened() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> ControlMessage.parse("{\"type\":\"" + "z".repeat(100) + "\"}"));
        assertTrue(e.getMessage().startsWith("type must be one of " + String.join(", ", ControlMessage.TYPES)), e.getMessage());
        assertTrue(e.getMessage().length() < 200, "the echo is shortened: " + e.getMessage().length());
    }

    @Test
    void text_that_is_not_a_json_object_is_refused_with_an_example() {
        for (String text : new String[] {"", "pause", "[1]", "null", "\"pause\"", "{\"type\":"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ControlMessage.parse(text), text);
            assertTrue(e.getMessage().contains("{\"type\":\"pause\"}"), text + " -> " + e.getMessage());
        }
    }
}
