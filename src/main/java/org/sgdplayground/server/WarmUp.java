package org.sgdplayground.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.sgdplayground.server.live.LiveHub;
import org.sgdplayground.server.live.LoopbackViewer;

/**
 * Runs a started server's hot paths over its own loopback before it says it is ready: a page and an API call of
 * each kind and, for its whole time, viewers of the live socket, some streaming long runs at the top speed and the
 * rest opening short ones, so the frame and the handshake paths reach the JIT's compilers. After a deploy every
 * viewer reconnects at once; a JVM that has run none of this meets them interpreted, with the compilers' work still
 * to come, and a thousand sessions opening in a second saw frames half a second late (issue #14). Leaves nothing
 * behind: its sessions hang up, the queries and tapes they shared are forgotten and its threads end.
 */
final class WarmUp {
    /**
     * How long to warm up (about what it adds to a start); how many viewers stream one long run each at the top
     * speed, for the frame path; how many open short runs one after another, for the handshake; and the fewest
     * short runs to open however long they take (on a busy machine the time alone might open none). On two cores
     * the JIT's compiler threads, not the traffic, set the pace: ten viewers keep the paths hot and leave them the
     * CPU, where two dozen at once lengthened the compile queues and with them the JIT's own thresholds.
     */
    record Plan(Duration time, int streamers, int openers, int leastOpened) {
        static final Plan DEFAULT = new Plan(Duration.ofMillis(600), 6, 4, 12);
        /**
         * The training start that writes scripts/serve's cache ({@link Main#WARM_UP_AND_EXIT}): once per build, so it
         * can take seconds. On JDK 25 the cache keeps the profile of each method the training compiled, and a method
         * the training took to C2 goes to C2 after a couple of thousand calls in a later start instead of waiting for
         * counters scaled by the compile queue: so it opens as many sessions as a restart storm does, however long a
         * busy machine makes that take, for the handshake and the frame paths to get there.
         */
        static final Plan TRAINING = new Plan(Duration.ofSeconds(5), 100, 8, 1000);

        /** This plan for another time; no time at all is no warm-up. */
        Plan lasting(Duration t) {
            return new Plan(t, streamers, openers, t.isZero() ? 0 : leastOpened);
        }

        /** The environment variable that chooses a start's warm-up. */
        static final String VARIABLE = "WARM_UP";

        /**
         * The warm-up {@value #VARIABLE} names. {@code quick} (or unset) is {@link #DEFAULT}: ready within about two
         * seconds, and the first thousand sessions after it meet code the JIT has not compiled yet. {@code storm} is
         * {@link #TRAINING}, a restart storm's worth of sessions before ready (about ten seconds on two cores): for
         * a server behind a balancer, which sends it nothing until {@code /healthz} says ok, so that the viewers who
         * then reconnect at once find it as a warm server. {@code none} starts cold.
         *
         * @throws IllegalArgumentException naming the variable and what it may be
         */
        static Plan fromEnvironment(Map<String, String> env) {
            String text = env.get(VARIABLE);
            if (text == null || text.isBlank()) return DEFAULT;
            return switch (text.trim()) {
                case "quick" -> DEFAULT;
                case "storm" -> TRAINING;
                case "none" -> DEFAULT.lasting(Duration.ZERO);
                default -> throw new IllegalArgumentException(VARIABLE + " must be one of quick, storm, none, not " + text.trim());
            };
        }
    }

    /** What a warm-up did, and whether the JIT had finished compiling what it was given when time was up. */
    record Report(int requests, int viewers, long messages, boolean jitSettled, long millis) {}

    private static final List<String> QUERIES = List.of("preset=fastai-sgd", "preset=roller-coaster",
        "preset=minibatch-noise", "preset=momentum", "model=quadratic&data=coaster", "preset=fastai-sgd&at=1");
    /** Steps of a streamer's run: more than it can watch at 1,000 a second before any deadline; it hangs up first. */
    private static final int LONG_RUN = 100_000;

    private final int port;
    private final LiveHub hub;
    private final Plan plan;

    WarmUp(int port, LiveHub hub, Plan plan) {
        this.port = port;
        this.hub = hub;
        this.plan = plan;
    }

    /**
     * Runs the plan until its time is up, waits for the JIT to finish compiling what it was given (within the same
     * time), then for its sessions to be gone, and forgets the queries and tapes they shared.
     */
    Report run() throws IOException, InterruptedException {
        long began = System.nanoTime(), deadline = began + plan.time().toNanos();
        // the pages and the API on a thread of their own, so the viewers, what a restart storm hits, have all the time
        int[] requests = new int[1];
        IOException[] failed = new IOException[1];
        Thread pages = new Thread(() -> {
            try {
                requests[0] = requests(deadline);
            } catch (IOException e) {
                failed[0] = e;
            }
        }, "warm-up-pages");
        pages.setDaemon(true);
        pages.start();
        Watched watched = viewers(deadline);
        pages.join();
        if (failed[0] != null) throw failed[0];
        boolean settled = jitSettled(deadline);
        long gone = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (hub.sessionCount() > 0 && System.nanoTime() - gone < 0) TimeUnit.MILLISECONDS.sleep(2);
        hub.forgetShared();
        return new Report(requests[0], watched.viewers(), watched.messages(), settled,
            Duration.ofNanos(System.nanoTime() - began).toMillis());
    }

    /**
     * Each page and API route once, and once more for a second preset if there is time: they render whole and are
     * not what a restart storm hits, so they do not hold the start up.
     */
    private int requests(long deadline) throws IOException {
        int n = 0;
        for (String preset : List.of("fastai-sgd", "roller-coaster")) {
            if (n > 0 && System.nanoTime() - deadline > 0) break;
            String query = "preset=" + preset;
            String page = "http://localhost:" + port + "/?" + query;
            n += expect(200, "GET", "/?" + query, null);
            n += expect(200, "GET", "/embed?" + query + "&hide=lr", null);
            n += expect(200, "GET", "/oembed?format=json&url=" + URLEncoder.encode(page, StandardCharsets.UTF_8), null);
            n += expect(200, "POST", "/api/train?" + query + "&every=10", null);
            if (n == 4) {
                n += expect(200, "POST", "/api/train", "{\"lr\": 0.05, \"init\": [1, -2], \"steps\": 50}");
                n += expect(200, "GET", "/api/presets", null);
                n += expect(400, "GET", "/?lr=fast", null);
            }
        }
        return n;
    }

    /** How many viewers watched, and the messages they read. */
    private record Watched(int viewers, long messages) {}

    /**
     * The viewers: {@link Plan#streamers} each watching one long run until the deadline, and {@link Plan#openers}
     * each opening short runs one after another until the deadline and {@link Plan#leastOpened} have opened; every
     * tenth has a seed of its own, so its run is computed afresh, as most viewers' settings are.
     */
    private Watched viewers(long deadline) throws InterruptedException, IOException {
        AtomicInteger next = new AtomicInteger(), watched = new AtomicInteger();
        AtomicLong messages = new AtomicLong();
        List<IOException> failures = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < plan.streamers() + plan.openers(); t++) {
            boolean streams = t < plan.streamers();
            Thread thread = new Thread(() -> {
                try {
                    if (streams) {
                        messages.addAndGet(watch("preset=fastai-sgd&steps=" + LONG_RUN + "&speed=1000", deadline));
                        watched.incrementAndGet();
                        return;
                    }
                    for (int i = next.getAndIncrement(); i < plan.leastOpened() || System.nanoTime() - deadline < 0;
                         i = next.getAndIncrement()) {
                        String query = QUERIES.get(i % QUERIES.size()) + (i % 10 == 0 ? "&seed=" + i : "") + "&steps=2&speed=1000";
                        messages.addAndGet(watch(query, Long.MAX_VALUE));
                        watched.incrementAndGet();
                    }
                } catch (IOException e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                }
            }, "warm-up-viewer-" + (t + 1));
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) thread.join();
        if (!failures.isEmpty()) throw failures.get(0);
        return new Watched(watched.get(), messages.get());
    }

    private int watch(String query, long deadline) throws IOException {
        try (LoopbackViewer viewer = new LoopbackViewer(port, query)) {
            return viewer.watchUntil(deadline);
        }
    }

    /**
     * Waits, until the deadline at the latest, for the JIT's compile time to stop growing for a few milliseconds:
     * methods the warm-up made hot are then compiled, rather than compiled while the first visitors wait. True when
     * it stopped in time (or the JVM does not tell).
     */
    private static boolean jitSettled(long deadline) throws InterruptedException {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        if (jit == null || !jit.isCompilationTimeMonitoringSupported()) return true;
        long last = jit.getTotalCompilationTime();
        int quiet = 0;
        while (System.nanoTime() - deadline < 0) {
            TimeUnit.MILLISECONDS.sleep(10);
            long now = jit.getTotalCompilationTime();
            quiet = now == last ? quiet + 1 : 0;
            if (quiet == 3) return true;
            last = now;
        }
        return false;
    }

    /** Sends one request on a connection of its own and reads the answer to its end; 1 when the status is as expected. */
    private int expect(int status, String method, String pathAndQuery, String json) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(30_000);
            byte[] body = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
            String head = method + " " + pathAndQuery + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nConnection: close\r\n"
                + (json == null ? "" : "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n") + "\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            try (InputStream in = socket.getInputStream()) {
                in.transferTo(answer);
            }
            int got = Integer.parseInt(answer.toString(StandardCharsets.ISO_8859_1).substring(9, 12));
            if (got != status) throw new IOException(method + " " + pathAndQuery + " answered " + got + ", not " + status);
            return 1;
        }
    }
}
