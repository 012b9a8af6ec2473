package org.sgdplayground.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;

/** Shorthands for the codec tests: settings as key/value pairs (no URL escaping to get wrong), and refusals. */
final class Decoding {
    private Decoding() {}

    static Map<String, String> settings(String... keysAndValues) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) out.put(keysAndValues[i], keysAndValues[i + 1]);
        return out;
    }

    static Experiment decode(String... keysAndValues) {
        return ExperimentCodec.decode(settings(keysAndValues));
    }

    /**
     * Asserts that the settings are refused for {@code parameter} with {@code value}, in a message of the form
     * {@code parameter=value is not allowed: <what is allowed>}, and that what is allowed mentions each of
     * {@code mentions}; returns the error.
     */
    static InvalidParameterException assertRefused(Map<String, String> settings, String parameter, String value, String... mentions) {
        return assertRefused(() -> ExperimentCodec.decode(settings), settings.toString(), parameter, value, mentions);
    }

    static InvalidParameterException assertRefused(Runnable decoding, String what, String parameter, String value, String... mentions) {
        InvalidParameterException e = assertThrows(InvalidParameterException.class, decoding::run, what);
        assertEquals(parameter, e.parameter(), what + ": " + e.getMessage());
        assertEquals(value, e.value(), what + ": " + e.getMessage());
        assertEquals(parameter + "=" + value + " is not allowed: " + e.allowed(), e.getMessage());
        for (String m : mentions) assertTrue(e.allowed().contains(m), what + ": \"" + e.allowed() + "\" should mention " + m);
        return e;
    }
}
