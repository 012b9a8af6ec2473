package org.sgdplayground.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Whatever a link, a socket query or a restart message says, the codec answers an experiment within the limits or
 * refuses with an {@link IllegalArgumentException} (an {@link InvalidParameterException} naming the parameter)
 * that says why; nothing else escapes. Replays its seeds in the normal build; {@code mvn -Pfuzz test} fuzzes it.
 */
class ExperimentCodecFuzzTest {
    @FuzzTest(maxDuration = "60s")
    void any_query_decodes_to_an_experiment_within_the_limits_or_is_refused_with_a_reason(byte[] input) {
        String query = new String(input, StandardCharsets.UTF_8);
        Experiment e;
        try {
            e = ExperimentCodec.decode(QueryStrings.parse(query));
        } catch (InvalidParameterException refused) {
            assertNotNull(refused.getMessage());
            assertTrue(!refused.parameter().isBlank() && refused.getMessage().startsWith(refused.parameter() + "="), refused.getMessage());
            return;
        } catch (IllegalArgumentException refused) {
            assertNotNull(refused.getMessage());
            assertTrue(!refused.getMessage().isBlank(), "a refusal says why");
            return;
        }
        assertTrue(e.steps() >= 0 && e.steps() <= Limits.MAX_STEPS);
        assertTrue((long) e.steps() * e.pointsPerStep() <= Limits.MAX_WORK);
        assertTrue(e.speed() >= Limits.MIN_SPEED && e.speed() <= Limits.MAX_SPEED);
        // What decodes also survives its own link: the codec's round trip.
        assertEquals(e, ExperimentCodec.decode(QueryStrings.parse(ExperimentCodec.encode(e))));
    }
}
