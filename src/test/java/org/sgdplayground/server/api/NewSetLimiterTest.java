package org.sgdplayground.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.sgdplayground.experiment.Limits;

/** The new-set budget per address: a sliding minute, read on a clock the test moves. */
class NewSetLimiterTest {
    private static final long SECOND = 1_000_000_000L;
    private final AtomicLong now = new AtomicLong(5 * SECOND);
    private final NewSetLimiter limiter = new NewSetLimiter(Limits.MAX_NEW_POINT_SETS_PER_MINUTE, now::get);

    @Test
    void thirty_new_sets_a_minute_then_the_wait_until_the_oldest_is_a_minute_old() {
        assertEquals(30, Limits.MAX_NEW_POINT_SETS_PER_MINUTE, "SPEC §6");
        for (int i = 0; i < 30; i++) {
            assertEquals(0, limiter.take("10.0.0.1"), "set " + (i + 1));
            now.addAndGet(SECOND / 10);
        }
        // the first was taken 3 s ago: it frees 57 s from now
        assertEquals(57, limiter.take("10.0.0.1"));
        assertEquals(0, limiter.take("10.0.0.2"), "another address has its own budget");
        now.addAndGet(56 * SECOND + SECOND / 2);
        assertEquals(1, limiter.take("10.0.0.1"), "half a second to go still says one second");
        now.addAndGet(SECOND / 2);
        assertEquals(0, limiter.take("10.0.0.1"), "a minute after the first, one slot is free");
        assertEquals(1, limiter.take("10.0.0.1"), "and only one: the second frees a tenth of a second later");
    }

    @Test
    void an_upload_that_stores_nothing_new_gives_its_slot_back() {
        for (int i = 0; i < 30; i++) {
            assertEquals(0, limiter.take("::1"));
            limiter.giveBack("::1");
        }
        for (int i = 0; i < 30; i++) assertEquals(0, limiter.take("::1"), "the whole budget is still there");
        assertEquals(60, limiter.take("::1"));
        assertEquals(1, limiter.addresses());
    }
}
