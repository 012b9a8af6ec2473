package org.sgdplayground.server.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class IdleWatchTest {
    private static final long T0 = 7_000_000_000L, MINUTE = Duration.ofMinutes(1).toNanos();

    @Test
    void a_session_is_idle_once_the_whole_timeout_has_passed_since_anything_happened() {
        IdleWatch watch = new IdleWatch(Duration.ofMinutes(10), T0);
        assertFalse(watch.idleAt(T0 + 10 * MINUTE - 1));
        assertTrue(watch.idleAt(T0 + 10 * MINUTE));
    }

    @Test
    void anything_happening_starts_the_timeout_again() {
        IdleWatch watch = new IdleWatch(Duration.ofMinutes(10), T0);
        watch.touch(T0 + 9 * MINUTE);
        assertFalse(watch.idleAt(T0 + 18 * MINUTE));
        assertTrue(watch.idleAt(T0 + 19 * MINUTE));
    }

    @Test
    void the_client_is_told_the_timeout_in_seconds() {
        assertEquals("closing this session: nothing happened for 600 s; reconnect to go on",
            new IdleWatch(Duration.ofMinutes(10), T0).closingMessage());
    }
}
