package org.sgdplayground.server.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The clock's threads: which one serves a session, on what time, and that they stop. The timetable is TickerTest's. */
class PacerTest {
    private final FakeClock clock = new FakeClock();

    @Test
    void new_sessions_are_spread_over_the_threads_in_turn() {
        try (Pacer pacer = new Pacer(3, () -> {}, clock)) {
            List<Integer> shards = new ArrayList<>();
            for (int k = 0; k < 7; k++) shards.add(pacer.assign());
            assertEquals(List.of(0, 1, 2, 0, 1, 2, 0), shards);
        }
    }

    @Test
    void a_woken_session_is_served_by_its_own_thread_on_the_clock_the_pacer_was_given() throws Exception {
        CompletableFuture<String> thread = new CompletableFuture<>();
        CompletableFuture<Long> time = new CompletableFuture<>();
        try (Pacer pacer = new Pacer(2, () -> {}, clock)) {
            pacer.wake(1, (now, ticket) -> {
                time.complete(now);
                thread.complete(Thread.currentThread().getName());
                return Pacer.IDLE;
            }, 1);
            assertEquals("live-ticker-2", thread.get(10, TimeUnit.SECONDS));
            assertEquals(clock.getAsLong(), time.get(), "the fake clock's time, not the system's");
            assertEquals(clock.getAsLong(), pacer.now());
        }
    }

    @Test
    void closing_the_clock_stops_its_threads() throws Exception {
        CompletableFuture<Thread> ticker = new CompletableFuture<>();
        Pacer pacer = new Pacer(1, () -> {}, clock);
        pacer.wake(0, (now, ticket) -> {
            ticker.complete(Thread.currentThread());
            return now + TimeUnit.SECONDS.toNanos(1); // stays on the clock
        }, 1);
        Thread t = ticker.get(10, TimeUnit.SECONDS);
        assertTrue(t.isAlive());
        // the entry is off the heap while its callback runs and back once it returns: wait for it to be back
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (pacer.entries() != 1 && System.nanoTime() < deadline) Thread.onSpinWait();
        assertEquals(1, pacer.entries());
        pacer.close();
        assertFalse(t.isAlive());
    }
}
