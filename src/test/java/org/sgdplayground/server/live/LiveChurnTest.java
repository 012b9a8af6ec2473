package org.sgdplayground.server.live;

import org.sgdplayground.server.PlaygroundApp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.junit.jupiter.api.Test;

/** Sockets come and go by the thousand; nothing of them may stay behind. */
class LiveChurnTest {
    private static final int CYCLES = 10_000, WORKERS = 8;

    @Test
    void ten_thousand_connects_and_disconnects_leave_no_session_clock_entry_or_thread_behind() throws Exception {
        long otherTickers = Thread.getAllStackTraces().keySet().stream() // hubs of other tests in this JVM
            .filter(t -> t.getName().startsWith("live-ticker-") && t.isAlive()).count();
        LiveHub hub = new LiveHub(LiveLimits.DEFAULT, 2);
        Javalin app = PlaygroundApp.create(hub).start(0);
        WebSocketClient client = LiveClient.startedClient();
        try {
            int port = app.port();
            churn(client, port, 200); // pools grow to their working size first
            awaitQuiet(hub);
            int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();

            AtomicInteger streamed = churn(client, port, CYCLES);

            awaitQuiet(hub);
            assertEquals(CYCLES, streamed.get(), "every cycle got its data and a frame before hanging up");
            int threadsAfter = ManagementFactory.getThreadMXBean().getThreadCount();
            // Jetty's pools (server and client) may grow by a few dozen under 8 parallel workers and shrink only after
            // a minute idle; a thread kept for even one session in a hundred would add a hundred.
            assertTrue(threadsAfter < threadsBefore + CYCLES / 100, threadsBefore + " threads before, " + threadsAfter + " after");
            assertEquals(2, Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("live-ticker-") && t.isAlive()).count() - otherTickers, "the clock's own threads only");
            assertEquals(0, hub.sessionCount());
            assertEquals(0, hub.clockEntries());
        } finally {
            client.stop();
            app.stop();
        }
    }

    /** Each cycle opens a running session, waits for its data and first frame, and hangs up mid-run. */
    private static AtomicInteger churn(WebSocketClient client, int port, int cycles) throws Exception {
        AtomicInteger streamed = new AtomicInteger(), next = new AtomicInteger();
        ExecutorService workers = Executors.newFixedThreadPool(WORKERS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < WORKERS; w++) {
                done.add(workers.submit(() -> {
                    while (next.getAndIncrement() < cycles) {
                        LiveClient c = LiveClient.connect(client, port, "preset=fastai-sgd&steps=500&speed=1000");
                        c.next("data");
                        c.next("frame");
                        streamed.incrementAndGet();
                        c.close();
                        c.awaitClose();
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) f.get();
        } finally {
            workers.shutdownNow();
        }
        return streamed;
    }

    /** Waits until the server has forgotten every socket and its clock holds nothing (stale entries come due fast). */
    private static void awaitQuiet(LiveHub hub) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while ((hub.sessionCount() > 0 || hub.clockEntries() > 0) && System.nanoTime() < deadline) Thread.sleep(10);
    }
}
