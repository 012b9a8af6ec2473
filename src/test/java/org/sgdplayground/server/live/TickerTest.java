package org.sgdplayground.server.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** One ticker thread's timetable, turned by hand on a clock that moves only when the test moves it. */
class TickerTest {
    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    private final FakeClock clock = new FakeClock();
    private final Ticker ticker = new Ticker(clock, null);

    /** A session that wants a call every {@code period}, from the time it was first served, and records each call. */
    private final class Periodic implements Pacer.Paced {
        final long period;
        final List<Long> calls = new ArrayList<>();
        long nextDue;
        long serveTook;

        Periodic(long period) {
            this.period = period;
        }

        @Override
        public long tick(long now, long ticket) {
            calls.add(now);
            if (nextDue == 0) nextDue = now;
            while (nextDue - now <= 0) nextDue += period;
            clock.advanceNanos(serveTook);
            return nextDue;
        }
    }

    @Test
    void a_woken_session_is_served_on_the_next_turn_with_the_turns_time() {
        Periodic p = new Periodic(20 * MS);
        ticker.wake(p, 1);
        assertEquals(List.of(), p.calls, "nothing is served outside a turn");
        long start = clock.getAsLong();
        ticker.turn();
        assertEquals(List.of(start), p.calls);
    }

    @Test
    void a_session_is_served_when_its_due_time_comes_and_not_a_turn_before() {
        Periodic p = new Periodic(20 * MS);
        ticker.wake(p, 1);
        long start = clock.getAsLong();
        ticker.turn();
        clock.advanceNanos(20 * MS - 1);
        ticker.turn();
        assertEquals(1, p.calls.size(), "a nanosecond early is early");
        clock.advanceNanos(1);
        ticker.turn();
        assertEquals(List.of(start, start + 20 * MS), p.calls);
    }

    @Test
    void each_due_time_is_served_once_however_many_turns_come_between() {
        Periodic p = new Periodic(20 * MS);
        ticker.wake(p, 1);
        for (int ms = 0; ms <= 100; ms++) { // a turn a millisecond for a tenth of a second
            ticker.turn();
            clock.advanceMillis(1);
        }
        assertEquals(6, p.calls.size(), "at 0, 20, 40, 60, 80 and 100 ms: " + p.calls);
    }

    @Test
    void a_late_turn_serves_a_session_once_with_the_late_time_and_it_catches_up_itself() {
        Periodic p = new Periodic(20 * MS);
        ticker.wake(p, 1);
        long start = clock.getAsLong();
        ticker.turn();
        clock.advanceMillis(75); // a GC pause: three due times have passed
        ticker.turn();
        assertEquals(List.of(start, start + 75 * MS), p.calls);
        clock.advanceMillis(5);
        ticker.turn();
        assertEquals(start + 80 * MS, p.calls.get(2), "back on its schedule, at 80 ms");
    }

    @Test
    void a_session_that_asks_for_a_time_already_past_is_served_once_a_turn_not_in_a_spin() {
        int[] calls = {0};
        ticker.wake((now, ticket) -> { calls[0]++; return now - MS; }, 1);
        for (int k = 0; k < 3; k++) {
            ticker.turn(); // would never return if the answer were served again within the turn
            clock.advanceMillis(1);
        }
        assertEquals(3, calls[0]);
    }

    @Test
    void sessions_are_served_earliest_due_first_whatever_order_they_came_in() {
        Random random = new Random(7);
        List<Long> served = new ArrayList<>();
        long start = clock.getAsLong();
        List<Long> dues = new ArrayList<>();
        for (int k = 0; k < 200; k++) { // more than the heap's first 64 slots
            long due = start + 1 + random.nextInt(50_000) * 1000L;
            dues.add(due);
            boolean[] first = {true};
            ticker.wake((now, ticket) -> {
                if (first[0]) { first[0] = false; return due; }
                served.add(due);
                return Pacer.IDLE;
            }, k);
        }
        ticker.turn();
        clock.advanceMillis(60);
        ticker.turn();
        dues.sort(null);
        assertEquals(dues, served);
        assertEquals(0, ticker.entries());
    }

    @Test
    void a_session_that_answers_idle_leaves_the_timetable() {
        Periodic p = new Periodic(20 * MS);
        ticker.wake(p, 1);
        ticker.turn();
        assertEquals(1, ticker.entries());
        ticker.wake((now, ticket) -> Pacer.IDLE, 2);
        ticker.turn();
        assertEquals(1, ticker.entries(), "only the periodic one stays");
    }

    @Test
    void a_session_that_throws_leaves_the_timetable_and_the_others_are_still_served() {
        Periodic p = new Periodic(20 * MS);
        ticker.wake((now, ticket) -> { throw new IllegalStateException("broken on purpose"); }, 1);
        ticker.wake(p, 2);
        ticker.turn();
        assertEquals(1, p.calls.size());
        assertEquals(1, ticker.entries());
    }

    @Test
    void the_wait_runs_from_when_serving_finished_not_from_when_the_turn_began() {
        Periodic p = new Periodic(MS);
        ticker.wake(p, 1);
        ticker.turn();
        clock.advanceMillis(1);
        p.serveTook = 300_000; // this turn's serving takes 0.3 ms
        long wait = ticker.turn();
        assertEquals(MS - 300_000, wait, "the next due time is 1 ms after the turn began, 0.7 ms after serving ended");
    }

    @Test
    void a_busy_ticker_waits_at_most_a_tick_and_an_empty_one_parks_until_woken() {
        Periodic slow = new Periodic(500 * MS);
        assertEquals(Ticker.IDLE_PARK_NANOS, ticker.turn());
        assertTrue(ticker.isEmpty());
        ticker.wake(slow, 1);
        assertEquals(Pacer.TICK_NANOS, ticker.turn(), "due in 500 ms, yet a turn each millisecond for new wake-ups");
    }

    @Test
    void housekeeping_runs_on_the_first_turn_and_then_once_a_second() {
        int[] runs = {0};
        Ticker keeper = new Ticker(clock, () -> runs[0]++);
        for (int ms = 0; ms < 2500; ms += 10) {
            keeper.turn();
            clock.advanceMillis(10);
        }
        assertEquals(3, runs[0], "at 0, 1 and 2 s");
    }
}
