package org.sgdplayground.load;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import java.nio.ByteBuffer;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.core.CloseStatus;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.FrameHandler;
import org.eclipse.jetty.websocket.core.OpCode;
import org.eclipse.jetty.websocket.core.client.WebSocketCoreClient;
import org.sgdplayground.experiment.Experiment;
import org.sgdplayground.experiment.ExperimentCodec;
import org.sgdplayground.experiment.QueryStrings;
import org.sgdplayground.experiment.TrainingRun;

/**
 * The live socket at scale: opens {@code sessions} sockets at {@code rate} a second against the bare baseline and
 * the playground, each in its own JVM on this machine, and prints side by side: sessions, frames delivered,
 * lateness p50/p99 (frame {@code i} is due {@code i / speed} after frame 0 arrived), first frame p99 (after the
 * connect began), server heap per live session (used heap after GC with the sessions live, minus before, / N)
 * and the server's CPU time for the run (the figure least disturbed by a busy machine).
 *
 * <p>Run: {@code bench/live-load} (the client in a JVM of its own, sized so it does not collect during a run),
 * with optional {@code -Dload.sessions=1000 -Dload.rate=1000 -Dload.query=… -Dload.servers=bare,playground
 * -Dload.jvm=-Xmx1g -Dload.warmup=8}.
 */
public final class LiveLoad {
    private LiveLoad() {}

    public static void main(String[] args) throws Exception {
        int sessions = Integer.getInteger("load.sessions", 1000);
        int rate = Integer.getInteger("load.rate", 1000);
        String query = System.getProperty("load.query", "preset=fastai-sgd&steps=500&speed=50");
        String[] servers = System.getProperty("load.servers", "bare,playground").split(",");
        String jvm = System.getProperty("load.jvm", "-Xmx1g");
        System.out.printf(Locale.ROOT, "%d sessions at %d/s on /ws?%s, %d cores%n", sessions, rate, query,
            Runtime.getRuntime().availableProcessors());

        Map<String, Result> results = new LinkedHashMap<>();
        for (String kind : servers) {
            System.out.println("-- " + kind);
            results.put(kind, measure(kind.trim(), sessions, rate, query, jvm));
        }
        System.out.println();
        System.out.println(Result.table(results));
        System.exit(0);
    }

    static Result measure(String kind, int sessions, int rate, String query, String jvm) throws Exception {
        try (ServerProcess server = ServerProcess.start(kind, query, jvm);
             Load load = new Load()) {
            // Warm-up, the same for every server and for the client: a server that has been up a while has its
            // handshake and send paths compiled. A handshake's code runs once per connect, so the JIT needs several
            // thousand connects before it has compiled it fully (measured: two rounds of 1,000 left the third
            // round's connects spending 5 s of CPU in the compiler and the rest in the interpreter). So: short
            // runs to warm the handshake, then one long enough to warm the streaming path.
            int warmRounds = Integer.getInteger("load.warmup", 8);
            for (int round = 0; round < warmRounds; round++) {
                load.run(server.port, sessions, rate, query.replaceAll("steps=\\d+", "steps=2"));
            }
            load.run(server.port, sessions, rate, query.replaceAll("steps=\\d+", "steps=100"));
            Thread.sleep(500);
            long cpu = server.cpuNanos(), clientCpu = ownCpuNanos();
            Result r = load.run(server.port, sessions, rate, query);
            r.serverCpuSeconds = (server.cpuNanos() - cpu) / 1e9;
            r.clientCpuSeconds = (ownCpuNanos() - clientCpu) / 1e9;
            Thread.sleep(500);
            long before = server.usedHeap();
            Load.Held held = load.hold(server.port, sessions, rate, query);
            Thread.sleep(1000);
            long during = server.usedHeap();
            r.heapPerSession = (during - before) / (double) held.connected;
            held.close();
            System.out.println(r);
            return r;
        }
    }

    private static long ownCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
            .getProcessCpuTime();
    }

    /** What one server did. */
    static final class Result {
        int sessions, complete, errors;
        long framesExpected, framesDelivered;
        double lateP50, lateP99, lateMax, firstP50, firstP99, openP50, openP99;
        double heapPerSession, serverCpuSeconds, clientCpuSeconds;

        @Override
        public String toString() {
            return table(Map.of("result", this));
        }

        static String table(Map<String, Result> results) {
            StringBuilder s = new StringBuilder();
            s.append(String.format(Locale.ROOT, "%-26s", ""));
            results.keySet().forEach(k -> s.append(String.format(Locale.ROOT, "%16s", k)));
            s.append('\n');
            row(s, results, "sessions complete", r -> r.complete + "/" + r.sessions);
            row(s, results, "frames delivered", r -> r.framesDelivered + "/" + r.framesExpected);
            row(s, results, "errors / early closes", r -> Integer.toString(r.errors));
            row(s, results, "lateness p50 (ms)", r -> fmt(r.lateP50));
            row(s, results, "lateness p99 (ms)", r -> fmt(r.lateP99));
            row(s, results, "lateness max (ms)", r -> fmt(r.lateMax));
            row(s, results, "socket open p50 / p99 (ms)", r -> fmt(r.openP50) + " / " + fmt(r.openP99));
            row(s, results, "first frame p50 (ms)", r -> fmt(r.firstP50));
            row(s, results, "first frame p99 (ms)", r -> fmt(r.firstP99));
            row(s, results, "heap per session (KB)", r -> fmt(r.heapPerSession / 1024));
            row(s, results, "server CPU for the run (s)", r -> fmt(r.serverCpuSeconds));
            row(s, results, "client CPU for the run (s)", r -> fmt(r.clientCpuSeconds));
            return s.toString();
        }

        private static void row(StringBuilder s, Map<String, Result> results, String name,
                                java.util.function.Function<Result, String> cell) {
            s.append(String.format(Locale.ROOT, "%-26s", name));
            results.values().forEach(r -> s.append(String.format(Locale.ROOT, "%16s", cell.apply(r))));
            s.append('\n');
        }

        private static String fmt(double v) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
    }

    /** A server in its own JVM, driven over its stdin and stdout. */
    public static final class ServerProcess implements AutoCloseable {
        final Process process;
        final BufferedReader out;
        final PrintWriter in;
        final int port;

        private ServerProcess(Process process) throws IOException {
            this.process = process;
            this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            this.in = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
            this.port = Integer.parseInt(expect("ready"));
        }

        static ServerProcess start(String kind, String query, String jvm) throws IOException {
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            for (String option : jvm.trim().split("\\s+")) if (!option.isEmpty()) command.add(option);
            command.addAll(List.of("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp", classpath(),
                LoadServer.class.getName(), kind, query));
            return new ServerProcess(new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start());
        }

        long usedHeap() throws IOException {
            in.println("heap");
            return Long.parseLong(expect("heap"));
        }

        long cpuNanos() throws IOException {
            in.println("cpu");
            return Long.parseLong(expect("cpu"));
        }

        private String expect(String word) throws IOException {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith(word + " ")) return line.substring(word.length() + 1).trim();
            }
            throw new IOException("the server exited before saying " + word);
        }

        @Override
        public void close() throws Exception {
            in.println("quit");
            if (!process.waitFor(15, TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
        }

        /** The test classpath, whether run by exec:java (a URL class loader) or plain java. */
        private static String classpath() {
            if (Thread.currentThread().getContextClassLoader() instanceof URLClassLoader loader && loader.getURLs().length > 0) {
                List<String> parts = new ArrayList<>();
                for (URL url : loader.getURLs()) {
                    try {
                        parts.add(Path.of(url.toURI()).toString());
                    } catch (Exception e) {
                        parts.add(url.getPath());
                    }
                }
                return String.join(File.pathSeparator, parts);
            }
            return System.getProperty("java.class.path");
        }
    }

    /**
     * The clients: one Jetty core WebSocket client holding every socket. Core, not the API layer: the API layer
     * decodes every message into a String byte by byte (a fifth of the client's CPU), and the client shares the
     * machine with the server, so what it spends is taken from the server being measured. A probe reads the few
     * bytes it needs straight from the frame.
     */
    static final class Load implements AutoCloseable {
        private final WebSocketCoreClient client;

        Load() throws Exception {
            QueuedThreadPool threads = new QueuedThreadPool(16, 4);
            threads.setName("load-client");
            HttpClient http = new HttpClient();
            http.setExecutor(threads);
            http.setMaxConnectionsPerDestination(100_000);
            http.setMaxRequestsQueuedPerDestination(100_000);
            http.setConnectTimeout(30_000);
            client = new WebSocketCoreClient(http, null);
            client.start();
        }

        /** Opens {@code n} sessions at {@code rate} a second and waits for each to finish its run. */
        Result run(int port, int n, int rate, String query) throws Exception {
            Experiment e = ExperimentCodec.decode(QueryStrings.parse(query));
            int framesPerRun = new TrainingRun(e).all().size(); // what every session should receive
            Stats stats = new Stats();
            CountDownLatch finished = new CountDownLatch(n);
            List<Probe> probes = open(port, n, rate, query, () -> new Probe(stats, finished, 1e9 / e.speed()));
            long budget = (long) (n / (double) rate * 1e9 + framesPerRun / e.speed() * 1e9) + TimeUnit.SECONDS.toNanos(60);
            finished.await(budget, TimeUnit.NANOSECONDS);
            Result r = new Result();
            r.sessions = n;
            r.framesExpected = (long) framesPerRun * n;
            for (Probe p : probes) {
                if (p.done && p.frames == framesPerRun && p.gaps == 0) r.complete++;
                r.framesDelivered += p.frames;
                r.errors += p.errors + (p.closedEarly ? 1 : 0);
                p.close();
            }
            r.lateP50 = stats.lateness.percentile(50);
            r.lateP99 = stats.lateness.percentile(99);
            r.lateMax = stats.lateness.max();
            r.firstP50 = stats.first.percentile(50);
            r.firstP99 = stats.first.percentile(99);
            r.openP50 = stats.open.percentile(50);
            r.openP99 = stats.open.percentile(99);
            return r;
        }

        /** Opens {@code n} sessions and returns once each has its first frame; they stay open until closed. */
        Held hold(int port, int n, int rate, String query) throws Exception {
            Stats stats = new Stats();
            CountDownLatch first = new CountDownLatch(n);
            List<Probe> probes = open(port, n, rate, query, () -> new Probe(stats, new CountDownLatch(1), 1e9, first));
            first.await(n / (long) rate + 30, TimeUnit.SECONDS);
            return new Held(probes, n - (int) first.getCount());
        }

        private List<Probe> open(int port, int n, int rate, String query, java.util.function.Supplier<Probe> make) throws IOException {
            URI uri = URI.create("ws://127.0.0.1:" + port + "/ws?" + query);
            List<Probe> probes = new ArrayList<>(n);
            long start = System.nanoTime(), interval = (long) (1e9 / rate);
            for (int i = 0; i < n; i++) {
                long wait = start + i * interval - System.nanoTime();
                if (wait > 0) LockSupport.parkNanos(wait);
                Probe p = make.get();
                probes.add(p);
                p.connectAt = System.nanoTime();
                client.connect(p, uri).whenComplete((s, failure) -> { if (failure != null) p.failed(); });
            }
            return probes;
        }

        record Held(List<Probe> probes, int connected) implements AutoCloseable {
            @Override public void close() throws InterruptedException {
                probes.forEach(Probe::close);
                Thread.sleep(1000);
            }
        }

        @Override
        public void close() throws Exception {
            client.stop();
        }
    }

    /** One socket's view: when frame 0 came, how late each later frame was, whether the run completed. */
    public static final class Probe implements FrameHandler {
        private static final byte[] FRAME = ascii("{\"type\":\"frame\""), DONE = ascii("{\"type\":\"done\""),
            DIVERGED = ascii("{\"type\":\"diverged\""), ERROR = ascii("{\"type\":\"error\""), BARE_ERROR = ascii("{\"error\""),
            ITER = ascii("\"iter\":");

        private final Stats stats;
        private final CountDownLatch finished, firstFrame;
        private final double periodNanos;
        volatile long connectAt;
        private long frame0At;
        private int lastIter = -1;
        private boolean continuing; // inside a fragmented message: its continuations are not messages of their own
        volatile CoreSession session;
        volatile int frames, gaps, errors;
        volatile boolean done, closedEarly;
        private boolean counted;

        Probe(Stats stats, CountDownLatch finished, double periodNanos) {
            this(stats, finished, periodNanos, null);
        }

        Probe(Stats stats, CountDownLatch finished, double periodNanos, CountDownLatch firstFrame) {
            this.stats = stats;
            this.finished = finished;
            this.periodNanos = periodNanos;
            this.firstFrame = firstFrame;
        }

        @Override
        public void onOpen(CoreSession s, Callback callback) {
            stats.open.add(System.nanoTime() - connectAt);
            session = s;
            callback.succeeded();
            s.demand();
        }

        @Override
        public void onFrame(Frame frame, Callback callback) {
            long now = System.nanoTime();
            byte op = frame.getOpCode();
            if (op == OpCode.TEXT && !continuing) onMessage(frame.getPayload(), now);
            if (op == OpCode.TEXT || op == OpCode.CONTINUATION) continuing = !frame.isFin();
            callback.succeeded();
            if (op != OpCode.CLOSE) session.demand();
        }

        private void onMessage(ByteBuffer m, long now) {
            if (startsWith(m, FRAME)) {
                int iter = iter(m);
                if (iter != lastIter + 1) gaps++;
                lastIter = iter;
                frames++;
                if (iter == 0) {
                    frame0At = now;
                    stats.first.add(now - connectAt);
                    if (firstFrame != null) firstFrame.countDown();
                } else {
                    stats.lateness.add(now - (frame0At + (long) (iter * periodNanos)));
                }
            } else if (startsWith(m, DONE) || startsWith(m, DIVERGED)) {
                done = true;
                finish();
            } else if (startsWith(m, ERROR) || startsWith(m, BARE_ERROR)) {
                errors++;
            }
        }

        @Override
        public void onError(Throwable cause, Callback callback) {
            failed();
            callback.succeeded();
        }

        @Override
        public void onClosed(CloseStatus status, Callback callback) {
            if (!done) closedEarly = true;
            finish();
            callback.succeeded();
        }

        void failed() {
            closedEarly = true;
            finish();
        }

        private synchronized void finish() {
            if (counted) return;
            counted = true;
            finished.countDown();
        }

        void close() {
            CoreSession s = session;
            if (s != null && !s.isClosed()) s.close(CloseStatus.NORMAL, "bye", Callback.NOOP);
        }

        private static boolean startsWith(ByteBuffer m, byte[] prefix) {
            if (m == null || m.remaining() < prefix.length) return false;
            int at = m.position();
            for (int i = 0; i < prefix.length; i++) if (m.get(at + i) != prefix[i]) return false;
            return true;
        }

        /** The number after {@code "iter":}, read from the bytes (-1 when absent, which counts as a gap). */
        static int iter(ByteBuffer m) {
            int end = m.limit();
            outer:
            for (int i = m.position(); i + ITER.length <= end; i++) {
                for (int k = 0; k < ITER.length; k++) if (m.get(i + k) != ITER[k]) continue outer;
                int v = 0;
                for (int j = i + ITER.length; j < end; j++) {
                    byte c = m.get(j);
                    if (c < '0' || c > '9') break;
                    v = v * 10 + (c - '0');
                }
                return v;
            }
            return -1;
        }

        private static byte[] ascii(String s) {
            return s.getBytes(StandardCharsets.US_ASCII);
        }
    }

    static final class Stats {
        final Histogram lateness = new Histogram(), first = new Histogram(), open = new Histogram();
    }

    /** Milliseconds in 0.1 ms buckets up to a minute; early arrivals count as 0. */
    static final class Histogram {
        private static final int BUCKETS = 600_000;
        private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);
        private final java.util.concurrent.atomic.AtomicLong max = new java.util.concurrent.atomic.AtomicLong();

        void add(long nanos) {
            int b = (int) Math.max(0, Math.min(BUCKETS - 1, nanos / 100_000));
            counts.incrementAndGet(b);
            max.accumulateAndGet(nanos, Math::max);
        }

        double percentile(double p) {
            long total = 0;
            for (int i = 0; i < BUCKETS; i++) total += counts.get(i);
            if (total == 0) return Double.NaN;
            long rank = (long) Math.ceil(p / 100 * total), seen = 0;
            for (int i = 0; i < BUCKETS; i++) {
                seen += counts.get(i);
                if (seen >= rank) return (i + 1) / 10.0; // the bucket's upper edge: never flatters
            }
            return Double.NaN;
        }

        double max() {
            return max.get() / 1e6;
        }
    }
}
