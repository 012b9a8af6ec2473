package org.sgdplayground.server;

import java.util.Map;
import org.sgdplayground.store.OpeningPointStore;
import org.sgdplayground.store.PointStore;
import org.sgdplayground.store.StoreLimits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.sgdplayground.server.live.LiveHub;
import org.sgdplayground.server.live.LiveLimits;

/** The server warms up before it says it is ready, and the warm-up leaves nothing behind (issue #14, item 6). */
class WarmUpTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(10)).build(),
            HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void healthz_answers_503_warming_until_the_warm_up_is_done_then_ok() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        LiveHub hub = new LiveHub(LiveLimits.DEFAULT, 2);
        // a streamer watches until the time is up: three seconds of warming up, time enough to ask
        WarmUp.Plan threeSeconds = new WarmUp.Plan(Duration.ofSeconds(3), 1, 1, 1);
        CompletableFuture<Javalin> starting = CompletableFuture.supplyAsync(() -> Main.start(port, hub, PointStore.NONE, StoreLimits.fromEnvironment(Map.of()), threeSeconds));
        HttpResponse<String> first = firstAnswer(port, starting);
        assertEquals(503, first.statusCode());
        assertEquals("warming", first.body());
        Javalin app = starting.get(60, TimeUnit.SECONDS);
        try {
            HttpResponse<String> ready = get(port, "/healthz");
            assertEquals(200, ready.statusCode());
            assertEquals("ok", ready.body());
            assertEquals(0, hub.sessionCount(), "the warm-up's viewers have hung up");
            assertEquals(0, hub.sharedTapes(), "and their tapes are forgotten");
        } finally {
            app.stop();
        }
    }

    @Test
    void healthz_answers_503_warming_while_the_point_store_is_still_opening_then_ok() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        CountDownLatch mayOpen = new CountDownLatch(1);
        OpeningPointStore store = OpeningPointStore.start(() -> {
            try {
                mayOpen.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return PointStore.NONE;
        });
        LiveHub hub = new LiveHub(LiveLimits.DEFAULT, 2, store);
        WarmUp.Plan none = WarmUp.Plan.DEFAULT.lasting(Duration.ZERO); // only the store holds the start up
        CompletableFuture<Javalin> starting = CompletableFuture.supplyAsync(() -> Main.start(port, hub, store, StoreLimits.fromEnvironment(Map.of()), none));
        try {
            HttpResponse<String> first = firstAnswer(port, starting);
            assertEquals(503, first.statusCode());
            assertEquals("warming", first.body());
            TimeUnit.MILLISECONDS.sleep(300);
            assertEquals("warming", get(port, "/healthz").body(), "still, while the store opens");
            assertFalse(starting.isDone(), "the start waits for the store");
        } finally {
            mayOpen.countDown();
        }
        Javalin app = starting.get(60, TimeUnit.SECONDS);
        try {
            HttpResponse<String> ready = get(port, "/healthz");
            assertEquals(200, ready.statusCode());
            assertEquals("ok", ready.body());
        } finally {
            app.stop();
        }
    }

    @Test
    void the_warm_up_runs_pages_api_and_viewers_and_leaves_no_session_tape_clock_entry_or_thread_behind() throws Exception {
        LiveHub hub = new LiveHub(LiveLimits.DEFAULT, 2);
        Javalin app = PlaygroundApp.create(hub).start(0);
        try {
            long tickers = threadsNamed("live-ticker-");
            WarmUp.Report r = new WarmUp(app.port(), hub, new WarmUp.Plan(Duration.ofMillis(300), 2, 2, 8)).run();
            assertTrue(r.requests() == 7 || r.requests() == 11, "each page and API call once, answered as expected, "
                + "and again for a second preset if there was time: " + r);
            assertTrue(r.viewers() >= 2 + 8, "both streamers and at least the least short runs: " + r);
            // a short run is the data message, frames 0 to 2 (1 to 2 for at=1) and done; a streamer reads far more
            assertTrue(r.messages() >= 4L * r.viewers(), r.toString());
            assertEquals(0, hub.sessionCount());
            assertEquals(0, hub.sharedTapes());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (hub.clockEntries() > 0 && System.nanoTime() < deadline) TimeUnit.MILLISECONDS.sleep(5);
            assertEquals(0, hub.clockEntries(), "stale clock entries drop out once due");
            assertEquals(0, threadsNamed("warm-up-viewer-"), "the viewers' threads have ended");
            assertEquals(tickers, threadsNamed("live-ticker-"), "the clock's threads are the hub's own");
            assertFalse(hub.warming(), "a hub nobody said was warming is ready from the start");
        } finally {
            app.stop();
        }
    }

    @Test
    void WARM_UP_chooses_the_plan_quick_by_default() {
        assertEquals(WarmUp.Plan.DEFAULT, WarmUp.Plan.fromEnvironment(Map.of()));
        assertEquals(WarmUp.Plan.DEFAULT, WarmUp.Plan.fromEnvironment(Map.of("WARM_UP", " ")));
        assertEquals(WarmUp.Plan.DEFAULT, WarmUp.Plan.fromEnvironment(Map.of("WARM_UP", "quick")));
        assertEquals(WarmUp.Plan.TRAINING, WarmUp.Plan.fromEnvironment(Map.of("WARM_UP", " storm ")));
        WarmUp.Plan none = WarmUp.Plan.fromEnvironment(Map.of("WARM_UP", "none"));
        assertTrue(none.time().isZero());
        assertEquals(0, none.leastOpened(), "no time is no warm-up: not even the least short runs");
        // the storm plan is a restart storm's worth of sessions, which the quick one is far from
        assertTrue(WarmUp.Plan.TRAINING.leastOpened() >= 10 * WarmUp.Plan.DEFAULT.leastOpened());
    }

    @Test
    void a_WARM_UP_that_is_not_a_plan_stops_the_start_with_what_it_may_be() throws Exception {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp", System.getProperty("java.class.path"), Main.class.getName()).redirectErrorStream(true);
        pb.environment().put("WARM_UP", "Storm");
        pb.environment().put("PORT", "0");
        pb.environment().put("DATA_DIR", Files.createTempDirectory("warm-up-test").toString()); // were it to open one
        pb.environment().remove("DATABASE_URL");
        Process server = pb.start();
        try {
            assertTrue(server.waitFor(60, TimeUnit.SECONDS), "the start stops");
            String said = new String(server.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(2, server.exitValue(), said);
            assertEquals("WARM_UP must be one of quick, storm, none, not Storm", said.strip());
        } finally {
            server.destroyForcibly();
        }
    }

    private static long threadsNamed(String prefix) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith(prefix) && t.isAlive()).count();
    }

    /** The first answer to /healthz once the server listens (while it may still be starting). */
    private static HttpResponse<String> firstAnswer(int port, CompletableFuture<Javalin> starting) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            try {
                return get(port, "/healthz");
            } catch (ConnectException notYet) {
                if (starting.isCompletedExceptionally()) starting.join();
                TimeUnit.MILLISECONDS.sleep(10);
            }
        }
        throw new AssertionError("nothing listened on port " + port);
    }
}
