package org.sgdplayground.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sgdplayground.data.Dataset;

/**
 * A 201 means committed (SPEC §6): a real server, a child JVM started as {@code Main} is, takes a stream of uploads
 * from several threads and is killed with SIGKILL while requests are in flight; afterwards every id it answered is
 * read back from its database, point for point. A subclass names the database.
 */
abstract class KillDuringUploadsContract {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int UPLOADERS = 4;
    /** Answered uploads to wait for before the kill: enough that the kill lands mid-stream, not at its start. */
    private static final int ANSWERS_BEFORE_KILL = 40;

    @TempDir
    Path work;

    /** The environment that points the child's store at the database ({@code DATA_DIR} or {@code DATABASE_URL}). */
    abstract Map<String, String> storeEnvironment(Path work);

    /** The same database, as the test opens it after the kill. */
    abstract Database database(Path work);

    @Test
    void every_id_answered_before_a_kill_9_mid_stream_is_readable_afterwards() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Path log = work.resolve("server.log");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp", System.getProperty("java.class.path"), "org.sgdplayground.server.Main")
            .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("PORT", Integer.toString(port));
        pb.environment().put("POINTS_PER_MINUTE", "1000000");
        pb.environment().remove("DATABASE_URL");
        pb.environment().putAll(storeEnvironment(work));
        Process server = pb.start();
        Map<String, Dataset> answered = new ConcurrentHashMap<>();
        try {
            awaitHealthy(server, port, log);
            AtomicBoolean going = new AtomicBoolean(true);
            AtomicInteger next = new AtomicInteger();
            List<Thread> uploaders = new ArrayList<>();
            for (int t = 0; t < UPLOADERS; t++) {
                Thread u = new Thread(() -> upload(port, next, going, answered), "uploader-" + t);
                u.start();
                uploaders.add(u);
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (answered.size() < ANSWERS_BEFORE_KILL && System.nanoTime() < deadline && server.isAlive()) Thread.sleep(5);
            server.destroyForcibly(); // SIGKILL: no shutdown hook, no pool closing, no last flush
            assertTrue(server.waitFor(30, TimeUnit.SECONDS), "the server died");
            going.set(false);
            for (Thread u : uploaders) u.join(30_000);
        } finally {
            server.destroyForcibly();
        }
        assertTrue(answered.size() >= ANSWERS_BEFORE_KILL, answered.size() + " answered before the kill; server log:\n" + Files.readString(log));

        try (PointStore store = JdbcPointStore.open(database(work), new StoreLimits(1_000_000, 1L << 34, 30, 0))) {
            for (Map.Entry<String, Dataset> a : answered.entrySet()) {
                assertEquals(a.getValue(), store.find(a.getKey()).orElseThrow(() -> new AssertionError(a.getKey() + " answered 201 but lost")));
            }
            assertTrue(store.usage().sets() >= answered.size(), "the usage row was committed with the sets: " + store.usage());
        }
    }

    /** Posts distinct sets of 50 to 2,000 points until told to stop or the server is gone; records each 201. */
    private static void upload(int port, AtomicInteger next, AtomicBoolean going, Map<String, Dataset> answered) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        while (going.get()) {
            int k = next.getAndIncrement();
            int n = 50 + (k * 379) % 1950;
            double[] x = new double[n], y = new double[n];
            StringBuilder csv = new StringBuilder(n * 30);
            for (int i = 0; i < n; i++) {
                x[i] = k + i / (double) n;
                y[i] = Math.sin(k * 31 + i) * 1000;
                csv.append(x[i]).append(',').append(y[i]).append('\n');
            }
            try {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/points"))
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofString(csv.toString())).build(),
                    HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 201) answered.put(JSON.readTree(r.body()).path("id").asText(), new Dataset(x, y));
                else throw new AssertionError("upload " + k + ": " + r.statusCode() + " " + r.body());
            } catch (IOException gone) {
                return; // killed: this upload was never answered, so it promised nothing
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void awaitHealthy(Process server, int port, Path log) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) throw new AssertionError("the server exited: " + Files.readString(log));
            try {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/healthz")).build(),
                    HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) return;
            } catch (IOException notYet) {
                // starting
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the server did not start within 90 s: " + Files.readString(log));
    }
}
