package org.sgdplayground.server.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sgdplayground.experiment.QueryStrings;

/** The hub's counts, its refusals, idle expiry and shutdown, without a socket. */
class LiveHubTest {
    private static final Map<String, String> PAUSED_RUN = QueryStrings.parse("preset=fastai-sgd&n=10&steps=10&paused=1");

    private final FakeClock clock = new FakeClock();
    private LiveHub hub;

    private LiveHub hub(LiveLimits limits) {
        hub = new LiveHub(limits, 1, clock);
        return hub;
    }

    @AfterEach
    void closeHub() {
        if (hub != null) hub.close();
    }

    /** A client that hangs up as soon as the server closes, as a browser does. */
    private final class HangsUp implements Sender {
        LiveSession session;
        volatile String last;
        volatile int closeCode;

        @Override
        public void send(byte[] utf8, boolean more, Runnable done) {
            last = new String(utf8, StandardCharsets.UTF_8);
            done.run();
        }

        @Override
        public void close(int code, String reason) {
            closeCode = code;
            hub.remove(session);
        }
    }

    @Test
    void viewers_of_one_link_share_its_decoded_query_and_its_tape_until_the_hub_forgets_them() {
        hub(LiveLimits.DEFAULT);
        LiveSession first = hub.admit(FakeSender.reading(), "10.0.0.1"), second = hub.admit(FakeSender.reading(), "10.0.0.2");
        first.start(PAUSED_RUN);
        second.start(QueryStrings.parse("preset=fastai-sgd&n=10&steps=10&paused=1&at=5"));
        assertEquals(1, hub.decodedQueries(), "at= and paused= do not make another experiment");
        assertEquals(1, hub.sharedTapes());
        assertSame(first.experiment(), second.experiment(), "one decoded experiment for both");
        hub.remove(first);
        hub.remove(second);
        hub.forgetShared();
        assertEquals(0, hub.decodedQueries());
        assertEquals(0, hub.sharedTapes());
    }

    @Test
    void an_address_at_its_limit_is_refused_naming_the_limit_while_another_address_is_admitted() {
        hub(LiveLimits.DEFAULT.withSessions(10, 2));
        assertNotNull(hub.admit(FakeSender.reading(), "10.0.0.1"));
        assertNotNull(hub.admit(FakeSender.reading(), "10.0.0.1"));
        assertEquals("your address already has 2 live sessions, the most one client may hold", hub.refusal("10.0.0.1"));
        assertNull(hub.admit(FakeSender.reading(), "10.0.0.1"));
        assertNotNull(hub.admit(FakeSender.reading(), "10.0.0.2"));
        assertEquals(3, hub.sessionCount());
    }

    @Test
    void the_server_at_its_overall_limit_refuses_every_address_naming_the_limit() {
        hub(LiveLimits.DEFAULT.withSessions(2, 10));
        hub.admit(FakeSender.reading(), "10.0.0.1");
        hub.admit(FakeSender.reading(), "10.0.0.2");
        assertEquals("the server is at its limit of 2 live sessions; try again in a minute", hub.refusal("10.0.0.3"));
        assertNull(hub.admit(FakeSender.reading(), "10.0.0.3"));
    }

    @Test
    void a_removed_session_frees_its_place_once_however_often_it_is_removed() {
        hub(LiveLimits.DEFAULT.withSessions(10, 2));
        LiveSession first = hub.admit(FakeSender.reading(), "10.0.0.1");
        LiveSession second = hub.admit(FakeSender.reading(), "10.0.0.1");
        hub.remove(first);
        hub.remove(first); // a socket reports both an error and a close
        assertEquals(1, hub.sessionCount());
        assertNotNull(hub.admit(FakeSender.reading(), "10.0.0.1"), "the freed place");
        assertNull(hub.admit(FakeSender.reading(), "10.0.0.1"), "and only that one: the second still counts");
        hub.remove(second);
        assertEquals(1, hub.sessionCount());
    }

    @Test
    void the_housekeeping_closes_a_session_idle_past_the_timeout_and_spares_one_that_spoke() {
        hub(LiveLimits.DEFAULT.withIdleTimeout(Duration.ofMinutes(1)));
        FakeSender quiet = FakeSender.reading(), chatty = FakeSender.reading();
        hub.admit(quiet, "10.0.0.1").start(PAUSED_RUN);
        LiveSession spoke = hub.admit(chatty, "10.0.0.1");
        spoke.start(PAUSED_RUN);
        clock.advanceMillis(30_000);
        spoke.onMessage("{\"type\":\"step\"}");
        clock.advanceMillis(30_000);
        hub.expireIdle();
        assertEquals(1000, quiet.closeCode);
        assertTrue(quiet.sentOfType("error").get(0).contains("nothing happened for 60 s"));
        assertEquals(0, chatty.closeCode);
    }

    @Test
    void a_stopping_hub_admits_no_one_and_tells_each_client_restarting_at_its_frame_then_closes_with_1012() {
        hub(LiveLimits.DEFAULT.withShutdownGrace(Duration.ofSeconds(30)));
        List<HangsUp> clients = List.of(new HangsUp(), new HangsUp());
        for (HangsUp c : clients) {
            c.session = hub.admit(c, "10.0.0.1");
            c.session.start(PAUSED_RUN);
        }
        for (int k = 0; k < 3; k++) clients.get(1).session.onMessage("{\"type\":\"step\"}");
        long start = System.nanoTime();
        hub.shutdown();
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(10).toNanos(), "returned once all had hung up, not after the grace");
        assertEquals("{\"type\":\"restarting\",\"iter\":0}", clients.get(0).last);
        assertEquals("{\"type\":\"restarting\",\"iter\":3}", clients.get(1).last, "frame 0 and three steps");
        for (HangsUp c : clients) assertEquals(1012, c.closeCode);
        assertEquals(0, hub.sessionCount());
        assertEquals("the server is restarting; reconnect in a few seconds", hub.refusal("10.0.0.9"));
        assertNull(hub.admit(FakeSender.reading(), "10.0.0.9"));
    }

    @Test
    void shutdown_gives_up_waiting_after_the_grace_period_when_a_client_never_reads() {
        Duration grace = Duration.ofMillis(100);
        hub(LiveLimits.DEFAULT.withShutdownGrace(grace));
        FakeSender stalled = FakeSender.stalled();
        hub.admit(stalled, "10.0.0.1").start(PAUSED_RUN);
        long start = System.nanoTime();
        hub.shutdown();
        assertTrue(System.nanoTime() - start >= grace.toNanos());
        assertEquals(1, hub.sessionCount(), "still there: its socket never closed");
        assertEquals(0, stalled.closeCode, "the restarting notice is not yet written, so no close frame either");
    }

    @Test
    void closing_the_hub_forgets_every_session_and_admits_no_one() {
        hub(LiveLimits.DEFAULT);
        FakeSender sender = FakeSender.reading();
        LiveSession s = hub.admit(sender, "10.0.0.1");
        s.start(PAUSED_RUN);
        hub.close();
        assertEquals(0, hub.sessionCount());
        assertEquals(0, s.queued());
        s.onMessage("{\"type\":\"step\"}");
        assertEquals(1, sender.sentOfType("frame").size(), "frame 0 only: a closed session answers nothing");
        assertNull(hub.admit(FakeSender.reading(), "10.0.0.1"));
    }
}
