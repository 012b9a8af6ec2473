package org.sgdplayground.server.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class FrameScheduleTest {
    private static final long T0 = 3_000_000_000L, MS = TimeUnit.MILLISECONDS.toNanos(1);

    @Test
    void the_next_frame_is_due_one_period_after_the_start_and_each_after_it_a_period_later() {
        FrameSchedule s = new FrameSchedule();
        s.speed(50);
        s.startAt(T0, 5);
        assertEquals(T0 + 20 * MS, s.dueOf(5));
        assertEquals(T0 + 40 * MS, s.dueOf(6));
        assertEquals(T0 + 1000 * MS, s.dueOf(54));
    }

    @Test
    void due_times_count_from_the_start_so_a_period_that_is_not_whole_nanoseconds_does_not_drift() {
        FrameSchedule s = new FrameSchedule();
        s.speed(3); // 333,333,333.3 ns: adding whole nanoseconds frame by frame would lose 0.3 ns a frame
        s.startAt(T0, 0);
        long hundredSeconds = s.dueOf(299) - T0;
        assertTrue(Math.abs(hundredSeconds - 100_000_000_000L) <= 1, hundredSeconds + " ns");
    }

    @Test
    void a_new_speed_counts_from_where_play_starts_again() {
        FrameSchedule s = new FrameSchedule();
        s.speed(10);
        s.startAt(T0, 0);
        assertEquals(T0 + 100 * MS, s.dueOf(0));
        s.speed(200);
        s.startAt(T0 + 350 * MS, 4); // frames 0-3 were sent; frame 4 comes a new period after now
        assertEquals(T0 + 355 * MS, s.dueOf(4));
        assertEquals(T0 + 360 * MS, s.dueOf(5));
    }
}
