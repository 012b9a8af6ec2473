package org.sgdplayground.server.live;

import io.javalin.Javalin;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.common.WebSocketSession;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.OutgoingEntry;
import org.sgdplayground.experiment.ExperimentCodec;
import org.sgdplayground.experiment.QueryStrings;

/**
 * {@link JettySender}'s fast path measured alone: the same frame sent as fast as a loopback reader takes it, over
 * {@code --sessions} sockets (64) by two sending threads (as the live clock has two), three ways in turn:
 * <ol>
 *   <li>{@code sendText}: Jetty's public API, given the message as a string (encoded again for every frame);</li>
 *   <li>{@code core sendFrame}: the pre-encoded bytes through the core session, {@link JettySender}'s fallback;</li>
 *   <li>{@code flusher}: the pre-encoded bytes straight to the connection's flusher, what the live socket does.</li>
 * </ol>
 * Per frame: the sending threads' CPU and allocation (where the send's work happens: a write to a reader keeping up
 * completes on the calling thread), the whole process's CPU (the reader and Jetty's threads too, alike for all
 * three), and frames a second. Medians over {@code --rounds} rounds of {@code --seconds} each (5 of 1 s), the three
 * ways taken in turn in each round so that noise from the machine falls on all alike; about 25 s in all.
 *
 * <p>Run: {@code mvn -B -ntp -q -Pbench test-compile exec:exec -Dbench.main=org.sgdplayground.server.live.SendPathBench
 * -Dbench.args="--rounds 5"}.
 */
public final class SendPathBench {
    private SendPathBench() {}

    private static final int SENDING_THREADS = 2, MAX_IN_FLIGHT = 64;
    private static final List<String> PATHS = List.of("sendText", "core sendFrame", "flusher");

    /** One server-side socket, each way of sending to it, and its messages in flight. */
    private static final class Target {
        final Session socket;
        final JettySender flusher, core;
        final AtomicInteger inFlight = new AtomicInteger();
        final Runnable done = inFlight::decrementAndGet;
        final org.eclipse.jetty.websocket.api.Callback apiDone =
            org.eclipse.jetty.websocket.api.Callback.from(inFlight::decrementAndGet, failure -> inFlight.decrementAndGet());

        Target(Session socket) {
            this.socket = socket;
            this.flusher = JettySender.of(socket);
            this.core = new JettySender(new ThroughCore(((WebSocketSession) socket).getCoreSession()));
            if (!flusher.writesToFlusher() || core.writesToFlusher()) throw new IllegalStateException("paths not as expected");
        }
    }

    /** The socket's own core session behind a wrapper that is not Jetty's class, so JettySender takes its fallback. */
    private static final class ThroughCore extends CoreSession.Empty {
        private final CoreSession real;

        ThroughCore(CoreSession real) {
            this.real = real;
        }

        @Override
        public void sendFrame(OutgoingEntry entry) {
            real.sendFrame(entry);
        }

        @Override
        public void close(int code, String reason, Callback callback) {
            real.close(code, reason, callback);
        }
    }

    /** What one round of one way measured. */
    private record Round(long frames, long senderCpuNanos, long senderBytes, long processCpuNanos, long nanos) {
        double cpuPerFrame() { return (double) senderCpuNanos / frames; }
        double processCpuPerFrame() { return (double) processCpuNanos / frames; }
        double bytesPerFrame() { return (double) senderBytes / frames; }
        double framesPerSecond() { return frames * 1e9 / nanos; }
    }

    public static void main(String[] args) throws Exception {
        int sessions = intArg(args, "--sessions", 64), rounds = intArg(args, "--rounds", 5);
        long roundNanos = TimeUnit.MILLISECONDS.toNanos((long) (1000 * doubleArg(args, "--seconds", 1)));
        byte[] frame = new FrameTape(ExperimentCodec.decode(QueryStrings.parse("preset=fastai-sgd")), false).message(1);
        String frameText = new String(frame, StandardCharsets.UTF_8);

        LinkedBlockingQueue<Session> opened = new LinkedBlockingQueue<>();
        Javalin server = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.routes.ws("/ws", ws -> ws.onConnect(ctx -> opened.add(ctx.session)));
        }).start("127.0.0.1", 0);
        Reader reader = new Reader();
        try {
            List<Target> targets = new ArrayList<>();
            for (int k = 0; k < sessions; k++) {
                reader.connect(server.port());
                targets.add(new Target(opened.poll(10, TimeUnit.SECONDS)));
            }
            reader.start();
            System.out.printf("%d sockets on loopback, a %d-byte frame, %d sending threads, %d in flight at most a socket%n",
                sessions, frame.length, SENDING_THREADS, MAX_IN_FLIGHT);
            long warmUp = Math.max(roundNanos, TimeUnit.SECONDS.toNanos(1));
            for (int w = 0; w < 2; w++) for (int p = 0; p < PATHS.size(); p++) round(p, targets, frame, frameText, warmUp);
            List<List<Round>> measured = new ArrayList<>();
            for (int p = 0; p < PATHS.size(); p++) measured.add(new ArrayList<>());
            for (int r = 0; r < rounds; r++) {
                int first = r % PATHS.size(); // the order turns each round
                for (int k = 0; k < PATHS.size(); k++) {
                    int p = (first + k) % PATHS.size();
                    measured.get(p).add(round(p, targets, frame, frameText, roundNanos));
                }
            }
            report(measured, reader);
        } finally {
            reader.finish();
            server.stop();
        }
    }

    /** Sends for {@code nanos} along path {@code p} from the sending threads, then waits for the frames to drain. */
    private static Round round(int p, List<Target> targets, byte[] frame, String text, long nanos) throws Exception {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long[] frames = new long[SENDING_THREADS], cpu = new long[SENDING_THREADS], bytes = new long[SENDING_THREADS];
        Thread[] senders = new Thread[SENDING_THREADS];
        long processBefore = os.getProcessCpuTime(), start = System.nanoTime();
        for (int s = 0; s < SENDING_THREADS; s++) {
            int me = s;
            senders[s] = new Thread(() -> {
                long id = Thread.currentThread().getId();
                long cpu0 = threads.getCurrentThreadCpuTime(), bytes0 = threads.getThreadAllocatedBytes(id);
                long sent = 0;
                while (System.nanoTime() - start < nanos) {
                    int inSweep = 0;
                    for (int t = me; t < targets.size(); t += SENDING_THREADS) {
                        Target target = targets.get(t);
                        if (target.inFlight.get() >= MAX_IN_FLIGHT) continue;
                        target.inFlight.incrementAndGet();
                        switch (p) {
                            case 0 -> target.socket.sendText(text, target.apiDone);
                            case 1 -> target.core.send(frame, false, target.done);
                            default -> target.flusher.send(frame, false, target.done);
                        }
                        inSweep++;
                    }
                    sent += inSweep;
                    if (inSweep == 0) LockSupport.parkNanos(20_000); // every socket full: let the reader catch up
                }
                frames[me] = sent;
                cpu[me] = threads.getCurrentThreadCpuTime() - cpu0;
                bytes[me] = threads.getThreadAllocatedBytes(id) - bytes0;
            }, "sender-" + (s + 1));
            senders[s].start();
        }
        for (Thread t : senders) t.join();
        long elapsed = System.nanoTime() - start, processCpu = os.getProcessCpuTime() - processBefore;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        for (Target t : targets) while (t.inFlight.get() > 0 && System.nanoTime() < deadline) Thread.onSpinWait();
        return new Round(Arrays.stream(frames).sum(), Arrays.stream(cpu).sum(), Arrays.stream(bytes).sum(), processCpu, elapsed);
    }

    private static void report(List<List<Round>> measured, Reader reader) {
        System.out.printf("%n%-15s  %18s  %18s  %12s  %11s%n", "path", "sender CPU/frame", "process CPU/frame",
            "bytes/frame", "frames/s");
        double[] cpu = new double[PATHS.size()];
        for (int p = 0; p < PATHS.size(); p++) {
            List<Round> rs = measured.get(p);
            cpu[p] = median(rs.stream().mapToDouble(Round::cpuPerFrame).toArray());
            System.out.printf("%-15s  %15.0f ns  %15.0f ns  %12.0f  %,11.0f%n", PATHS.get(p), cpu[p],
                median(rs.stream().mapToDouble(Round::processCpuPerFrame).toArray()),
                median(rs.stream().mapToDouble(Round::bytesPerFrame).toArray()),
                median(rs.stream().mapToDouble(Round::framesPerSecond).toArray()));
        }
        System.out.printf("%nflusher against sendText: %.0f%% of its sender CPU a frame; against core sendFrame: %.0f%%%n",
            100 * cpu[2] / cpu[0], 100 * cpu[2] / cpu[1]);
        System.out.println("\nevery round, sender CPU ns/frame:");
        for (int p = 0; p < PATHS.size(); p++) {
            System.out.printf("  %-15s", PATHS.get(p));
            for (Round r : measured.get(p)) System.out.printf(" %6.0f", r.cpuPerFrame());
            System.out.println();
        }
        System.out.printf("%nthe reader took %,d MB in all%n", reader.bytes / (1024 * 1024));
    }

    private static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    /** The client: every socket on one selector thread that reads and discards, costing little and alike for all. */
    private static final class Reader extends Thread {
        private final Selector selector;
        private volatile boolean stopped;
        volatile long bytes;

        Reader() throws IOException {
            super("reader");
            setDaemon(true);
            selector = Selector.open();
        }

        /** Opens a socket and upgrades it to a WebSocket, blocking; it is read from once the thread starts. */
        void connect(int port) throws IOException {
            SocketChannel channel = SocketChannel.open(new InetSocketAddress("127.0.0.1", port));
            channel.write(ByteBuffer.wrap(("GET /ws HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII)));
            ByteBuffer answer = ByteBuffer.allocate(4096);
            String head = "";
            while (!head.contains("\r\n\r\n")) {
                if (channel.read(answer) < 0) throw new IOException("closed during the upgrade");
                head = new String(answer.array(), 0, answer.position(), StandardCharsets.US_ASCII);
            }
            if (!head.startsWith("HTTP/1.1 101")) throw new IOException("not upgraded: " + head);
            channel.configureBlocking(false);
            channel.register(selector, SelectionKey.OP_READ);
        }

        @Override
        public void run() {
            ByteBuffer buffer = ByteBuffer.allocateDirect(256 * 1024);
            long total = 0;
            try {
                while (!stopped) {
                    if (selector.select(100) == 0) continue;
                    for (SelectionKey key : selector.selectedKeys()) {
                        buffer.clear();
                        int n = ((SocketChannel) key.channel()).read(buffer);
                        if (n > 0) total += n;
                        else if (n < 0) key.cancel();
                    }
                    selector.selectedKeys().clear();
                    bytes = total;
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        void finish() throws IOException {
            stopped = true;
            selector.wakeup();
            for (SelectionKey key : selector.keys()) key.channel().close();
        }
    }

    private static int intArg(String[] args, String name, int fallback) {
        return (int) doubleArg(args, name, fallback);
    }

    private static double doubleArg(String[] args, String name, double fallback) {
        for (int i = 0; i + 1 < args.length; i++) if (args[i].equals(name)) return Double.parseDouble(args[i + 1]);
        return fallback;
    }
}
