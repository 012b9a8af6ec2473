package org.sgdplayground.server.live;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sgdplayground.experiment.QueryStrings;

class LiveSessionTest {
    private final Pacer pacer = new Pacer(1, () -> {});
    private final TapeLibrary tapes = new TapeLibrary(LiveLimits.MAX_SHARED_TAPE_BYTES);

    @AfterEach
    void stopClock() {
        pacer.close();
    }

    private LiveSession session(Sender sender, LiveLimits limits) {
        return new LiveSession(sender, pacer, limits, tapes::tape);
    }

    private static Map<String, String> query(String q) {
        return QueryStrings.parse(q);
    }

    private static int iter(String message) throws Exception {
        return LiveClient.JSON.readTree(message).path("iter").asInt();
    }

    @Test
    void a_reader_that_keeps_up_gets_data_then_every_frame_in_order_then_done() throws Exception {
        FakeSender sender = FakeSender.reading();
        int steps = 120;
        session(sender, LiveLimits.DEFAULT).start(query("preset=fastai-sgd&steps=" + steps + "&speed=1000"));
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (sender.sentOfType("done").isEmpty() && System.nanoTime() < deadline) Thread.sleep(10);
        List<String> sent = sender.sent();
        assertTrue(sent.get(0).startsWith("{\"type\":\"data\""));
        assertEquals(steps + 3, sent.size(), "data, steps + 1 frames, done");
        for (int i = 0; i <= steps; i++) assertEquals(i, iter(sent.get(i + 1)));
        assertTrue(sent.get(sent.size() - 1).startsWith("{\"type\":\"done\""));
    }

    @Test
    void the_data_message_and_the_first_frame_go_out_in_one_write_and_later_frames_one_at_a_time() throws Exception {
        FakeSender sender = FakeSender.reading();
        session(sender, LiveLimits.DEFAULT).start(query("preset=fastai-sgd&steps=5&speed=1000"));
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (sender.sentOfType("done").isEmpty() && System.nanoTime() < deadline) Thread.sleep(10);
        List<String> sent = sender.sent();
        List<Boolean> more;
        synchronized (sender.sent) {
            more = List.copyOf(sender.more);
        }
        assertEquals(5 + 3, sent.size(), "data, 6 frames, done");
        assertTrue(sent.get(0).startsWith("{\"type\":\"data\""));
        assertEquals(0, iter(sent.get(1)));
        assertTrue(more.get(0), "the data message says a frame follows at once");
        for (int i = 1; i < sent.size(); i++) assertFalse(more.get(i), "message " + i + " is written on its own");
    }

    @Test
    void a_reader_that_never_reads_holds_at_most_the_in_flight_limit_and_one_waiting_frame() throws Exception {
        FakeSender sender = FakeSender.stalled();
        LiveSession s = session(sender, LiveLimits.DEFAULT);
        s.start(query("preset=fastai-sgd&steps=20000&speed=1000"));
        int maxQueued = 0, maxInFlight = 0;
        for (int k = 0; k < 30; k++) {
            Thread.sleep(50);
            maxQueued = Math.max(maxQueued, s.queued());
            maxInFlight = Math.max(maxInFlight, s.inFlight());
        }
        assertTrue(s.nextIter() > 500, "the run kept its schedule while the reader slept: at " + s.nextIter());
        assertEquals(LiveLimits.MAX_FRAMES_IN_FLIGHT, maxInFlight);
        assertEquals(1, maxQueued, "waiting frames coalesce into one");
        assertEquals(LiveLimits.MAX_FRAMES_IN_FLIGHT, sender.sent().size(), "nothing beyond the in-flight limit was handed over");
    }

    @Test
    void a_reader_that_wakes_up_gets_the_newest_frame_not_the_backlog() throws Exception {
        FakeSender sender = FakeSender.stalled();
        int inFlight = 6; // small, so a burst of steps within the rate limit overfills it
        LiveLimits limits = LiveLimits.DEFAULT.withFramesInFlight(inFlight);
        LiveSession s = session(sender, limits);
        s.start(query("preset=fastai-sgd&steps=20000&speed=500&paused=1"));
        for (int k = 0; k < inFlight + 10; k++) s.onMessage("{\"type\":\"step\"}");
        // data and frames 0.. fill the in-flight slots; of the later steps only the newest waits.
        int newest = s.nextIter() - 1;
        sender.release();
        List<String> sent = sender.sent();
        String last = sent.get(sent.size() - 1);
        assertEquals(newest, iter(last));
        assertEquals(inFlight + 1, sent.size());
    }

    @Test
    void restarts_and_bad_messages_from_a_reader_that_never_reads_stay_bounded() throws Exception {
        FakeSender sender = FakeSender.stalled();
        LiveLimits limits = LiveLimits.DEFAULT;
        LiveSession s = session(sender, limits);
        s.start(query("preset=fastai-sgd&steps=100&speed=50"));
        for (int second = 0; second < 3; second++) {
            for (int k = 0; k < limits.maxControlMessagesPerSecond(); k++) {
                s.onMessage(k % 2 == 0 ? "{\"type\":\"restart\",\"query\":\"preset=roller-coaster\"}" : "{\"type\":\"nonsense\"}");
            }
            // one data, one frame, one outcome at most from the newest run, plus the capped errors
            assertTrue(s.queued() <= Outbox.MAX_QUEUED_ERRORS + 3, "queued " + s.queued());
            Thread.sleep(1000);
        }
        assertEquals(limits.maxFramesInFlight(), s.inFlight());
    }

    @Test
    void messages_beyond_the_rate_limit_get_one_error_and_are_ignored_without_closing() throws Exception {
        FakeSender sender = FakeSender.reading();
        LiveLimits limits = LiveLimits.DEFAULT;
        LiveSession s = session(sender, limits);
        s.start(query("preset=fastai-sgd&steps=1000&paused=1"));
        int before = sender.sentOfType("frame").size();
        for (int k = 0; k < 2 * limits.maxControlMessagesPerSecond(); k++) s.onMessage("{\"type\":\"step\"}");
        assertEquals(limits.maxControlMessagesPerSecond(), sender.sentOfType("frame").size() - before,
            "one frame for each step within the limit");
        List<String> errors = sender.sentOfType("error");
        assertEquals(1, errors.size());
        assertTrue(errors.get(0).contains("at most " + limits.maxControlMessagesPerSecond() + " a second"));
        assertEquals(0, sender.closeCode);
        Thread.sleep(1100);
        s.onMessage("{\"type\":\"step\"}");
        assertEquals(limits.maxControlMessagesPerSecond() + 1, sender.sentOfType("frame").size() - before, "a new second, a new allowance");
    }

    @Test
    void a_message_over_the_size_limit_gets_an_error_naming_the_limit() throws Exception {
        FakeSender sender = FakeSender.reading();
        LiveSession s = session(sender, LiveLimits.DEFAULT);
        s.start(query("preset=fastai-sgd&paused=1"));
        s.onMessage("{\"type\":\"pause\",\"pad\":\"" + "é".repeat(LiveLimits.MAX_MESSAGE_BYTES / 2) + "\"}");
        JsonNode error = LiveClient.JSON.readTree(sender.sentOfType("error").get(0));
        assertTrue(error.path("error").asText().contains(LiveLimits.MAX_MESSAGE_BYTES + " bytes"), error.toString());
    }

    @Test
    void an_idle_paused_session_is_told_and_closed_but_a_streaming_one_is_not() throws Exception {
        LiveLimits limits = LiveLimits.DEFAULT.withIdleTimeout(Duration.ofMillis(100));
        FakeSender idle = FakeSender.reading(), busy = FakeSender.reading();
        LiveSession paused = session(idle, limits), streaming = session(busy, limits);
        paused.start(query("preset=fastai-sgd&paused=1"));
        streaming.start(query("preset=fastai-sgd&steps=5000&speed=100"));
        Thread.sleep(300);
        long now = System.nanoTime();
        assertTrue(paused.expireIfIdle(now));
        assertFalse(streaming.expireIfIdle(now));
        assertTrue(idle.sentOfType("error").get(0).contains("nothing happened"));
        assertEquals(1000, idle.closeCode);
        assertEquals(0, busy.closeCode);
    }

    @Test
    void restarting_tells_the_client_the_iteration_to_resume_at_then_closes() throws Exception {
        FakeSender sender = FakeSender.reading();
        LiveSession s = session(sender, LiveLimits.DEFAULT);
        s.start(query("preset=fastai-sgd&steps=100&paused=1"));
        for (int k = 0; k < 7; k++) s.onMessage("{\"type\":\"step\"}");
        s.restarting();
        List<String> sent = sender.sent();
        JsonNode notice = LiveClient.JSON.readTree(sent.get(sent.size() - 1));
        assertEquals("restarting", notice.path("type").asText());
        assertEquals(iter(sender.sentOfType("frame").get(sender.sentOfType("frame").size() - 1)), notice.path("iter").asInt());
        assertEquals(1012, sender.closeCode);
    }

    @Test
    void a_paused_session_expires_when_the_idle_timeout_has_passed_on_the_pacers_clock_since_its_last_message() {
        FakeClock clock = new FakeClock();
        try (Pacer fakePacer = new Pacer(1, () -> {}, clock)) {
            FakeSender sender = FakeSender.reading();
            LiveSession s = new LiveSession(sender, fakePacer, LiveLimits.DEFAULT, tapes::tape);
            s.start(query("preset=fastai-sgd&paused=1"));
            long timeoutMillis = LiveLimits.IDLE_TIMEOUT.toMillis();
            clock.advanceMillis(timeoutMillis - 1);
            s.onMessage("{\"type\":\"step\"}");
            clock.advanceMillis(timeoutMillis - 1);
            assertFalse(s.expireIfIdle(clock.getAsLong()), "a step a millisecond before the timeout starts it again");
            assertEquals(0, sender.closeCode);
            clock.advanceMillis(1);
            assertTrue(s.expireIfIdle(clock.getAsLong()));
            assertEquals(1000, sender.closeCode);
        }
    }

    @Test
    void a_new_seconds_allowance_of_messages_comes_from_the_pacers_clock() {
        FakeClock clock = new FakeClock();
        try (Pacer fakePacer = new Pacer(1, () -> {}, clock)) {
            FakeSender sender = FakeSender.reading();
            LiveLimits limits = LiveLimits.DEFAULT;
            LiveSession s = new LiveSession(sender, fakePacer, limits, tapes::tape);
            s.start(query("preset=fastai-sgd&steps=1000&paused=1"));
            for (int k = 0; k <= limits.maxControlMessagesPerSecond(); k++) s.onMessage("{\"type\":\"step\"}");
            assertEquals(limits.maxControlMessagesPerSecond() + 1, sender.sentOfType("frame").size(), "frame 0, then one a step");
            clock.advanceMillis(999);
            s.onMessage("{\"type\":\"step\"}");
            assertEquals(limits.maxControlMessagesPerSecond() + 1, sender.sentOfType("frame").size(), "still the same second");
            clock.advanceMillis(1);
            s.onMessage("{\"type\":\"step\"}");
            assertEquals(limits.maxControlMessagesPerSecond() + 2, sender.sentOfType("frame").size());
            assertEquals(1, sender.sentOfType("error").size(), "told once");
        }
    }
}
