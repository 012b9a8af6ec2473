package org.sgdplayground.server.live;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import org.sgdplayground.experiment.Limits;

/**
 * Whatever a browser sends, {@link ControlMessage#parse} answers a message or refuses with an
 * {@link IllegalArgumentException} that says why; nothing else escapes. In the normal build this replays the seeds
 * under {@code ControlMessageFuzzTestInputs}; {@code mvn -Pfuzz test} fuzzes it.
 */
class ControlMessageFuzzTest {
    @FuzzTest(maxDuration = "60s")
    void any_text_parses_to_a_known_message_or_is_refused_with_a_reason(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        ControlMessage m;
        try {
            m = ControlMessage.parse(text);
        } catch (IllegalArgumentException refused) {
            assertNotNull(refused.getMessage());
            assertTrue(!refused.getMessage().isBlank(), "a refusal says why");
            return;
        }
        assertTrue(ControlMessage.TYPES.contains(m.type()), m.type());
        if (m.type().equals("speed")) {
            assertTrue(m.speed() >= Limits.MIN_SPEED && m.speed() <= Limits.MAX_SPEED, "speed " + m.speed());
        }
        if (m.type().equals("restart")) assertNotNull(m.query());
    }
}
