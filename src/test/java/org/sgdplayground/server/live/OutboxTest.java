package org.sgdplayground.server.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sgdplayground.server.live.Outbox.MessageType;

class OutboxTest {
    private final FakeSender stalled = FakeSender.stalled();

    /** An outbox whose sender calls back into it, as a session's lock would route it. */
    private static Outbox outbox(FakeSender sender, int maxInFlight) {
        Outbox[] o = new Outbox[1];
        o[0] = new Outbox(sender, maxInFlight, () -> o[0].written());
        return o[0];
    }

    private static byte[] m(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void a_reader_keeping_up_gets_every_message_at_once_and_nothing_waits() {
        FakeSender reading = FakeSender.reading();
        Outbox o = outbox(reading, 4);
        for (int i = 0; i < 100; i++) o.offer(m("f" + i), MessageType.FRAME);
        assertEquals(100, reading.sent().size());
        assertEquals("f99", reading.sent().get(99));
        assertEquals(0, o.queued());
        assertEquals(0, o.inFlight());
    }

    @Test
    void a_reader_that_does_not_read_is_handed_the_in_flight_limit_and_one_waiting_frame_is_kept() {
        Outbox o = outbox(stalled, 4);
        for (int i = 0; i < 1000; i++) o.offer(m("f" + i), MessageType.FRAME);
        assertEquals(List.of("f0", "f1", "f2", "f3"), stalled.sent());
        assertEquals(4, o.inFlight());
        assertEquals(1, o.queued());
    }

    @Test
    void frames_waiting_coalesce_to_the_newest() {
        Outbox o = outbox(stalled, 2);
        for (int i = 0; i < 10; i++) o.offer(m("f" + i), MessageType.FRAME);
        stalled.release(); // f0 and f1 written: room for two, but only the newest frame waited
        assertEquals(List.of("f0", "f1", "f9"), stalled.sent());
        assertEquals(0, o.queued());
    }

    @Test
    void only_frames_coalesce_an_error_or_outcome_between_them_keeps_its_place_and_order() {
        Outbox o = outbox(stalled, 1);
        o.offer(m("f0"), MessageType.FRAME);
        o.offer(m("f1"), MessageType.FRAME);
        o.offer(m("f2"), MessageType.FRAME);
        o.offer(m("e"), MessageType.ERROR);
        o.offer(m("f3"), MessageType.FRAME);
        o.offer(m("f4"), MessageType.FRAME);
        o.offer(m("done"), MessageType.OUTCOME);
        assertEquals(4, o.queued(), "f2, e, f4, done");
        while (stalled.release() > 0) { } // a reader reading one message at a time
        assertEquals(List.of("f0", "f2", "e", "f4", "done"), stalled.sent());
    }

    @Test
    void held_messages_go_out_together_the_first_saying_another_follows() {
        FakeSender reading = FakeSender.reading();
        Outbox o = outbox(reading, 4);
        o.hold();
        o.offer(m("data"), MessageType.DATA);
        o.offer(m("f0"), MessageType.FRAME);
        assertEquals(List.of(), reading.sent(), "nothing goes while held");
        o.release();
        o.offer(m("f1"), MessageType.FRAME);
        assertEquals(List.of("data", "f0", "f1"), reading.sent());
        assertEquals(List.of(true, false, false), List.copyOf(reading.more));
    }

    @Test
    void a_held_message_says_nothing_follows_when_the_next_has_no_room_in_flight() {
        Outbox o = outbox(stalled, 1);
        o.hold();
        o.offer(m("data"), MessageType.DATA);
        o.offer(m("f0"), MessageType.FRAME);
        o.release();
        assertEquals(List.of("data"), stalled.sent());
        assertEquals(List.of(false), List.copyOf(stalled.more), "the frame cannot follow at once: do not wait for it");
    }

    @Test
    void error_replies_past_the_cap_find_no_room_until_one_is_sent() {
        Outbox o = outbox(stalled, 1);
        o.offer(m("f0"), MessageType.FRAME); // fills the one place in flight
        int kept = 0;
        while (o.hasRoomForError()) {
            o.offer(m("e" + kept), MessageType.ERROR);
            kept++;
        }
        assertEquals(Outbox.MAX_QUEUED_ERRORS, kept);
        stalled.release();
        assertTrue(o.hasRoomForError(), "e0 went out");
        assertEquals(List.of("f0", "e0"), stalled.sent());
    }

    @Test
    void a_new_run_drops_what_waits_of_the_old_but_keeps_error_replies() {
        Outbox o = outbox(stalled, 1);
        o.offer(m("f0"), MessageType.FRAME);
        o.offer(m("f1"), MessageType.FRAME);
        o.offer(m("e"), MessageType.ERROR);
        o.offer(m("done"), MessageType.OUTCOME);
        o.dropStale();
        assertEquals(1, o.queued());
        stalled.release();
        assertEquals(List.of("f0", "e"), stalled.sent());
    }

    @Test
    void closing_takes_nothing_more_and_closes_once_everything_handed_over_is_written() {
        Outbox o = outbox(stalled, 2);
        for (int i = 0; i < 3; i++) o.offer(m("f" + i), MessageType.FRAME);
        o.closeWhenFlushed(1012, "server restarting");
        assertFalse(o.isOpen());
        o.offer(m("late"), MessageType.FRAME);
        stalled.release();
        assertEquals(List.of("f0", "f1", "f2"), stalled.sent(), "what waited goes; what came after the close does not");
        assertEquals(0, stalled.closeCode, "f2 is not yet written");
        stalled.release();
        assertEquals(1012, stalled.closeCode);
        assertTrue(o.isClosed());
    }

    @Test
    void an_outbox_whose_socket_has_gone_forgets_what_waited_and_sends_nothing_more() {
        Outbox o = outbox(stalled, 1);
        o.offer(m("f0"), MessageType.FRAME);
        o.offer(m("f1"), MessageType.FRAME);
        o.close();
        assertEquals(0, o.queued());
        stalled.release(); // f0's callback still comes: it fails
        o.offer(m("f2"), MessageType.FRAME);
        assertEquals(List.of("f0"), stalled.sent());
        assertEquals(0, o.inFlight());
        assertEquals(0, stalled.closeCode, "the socket is gone: no close frame");
    }
}
