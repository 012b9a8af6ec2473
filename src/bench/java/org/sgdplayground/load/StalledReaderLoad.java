package org.sgdplayground.load;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * A reader that never reads, for a minute, while 200 others stream: the server's heap must not grow with what it
 * cannot deliver, and the others must still get every frame. The stalled client asks for 1,000 frames a second of
 * a 100,000-step run and reads nothing after the handshake, so a server that buffered for it would hold ~60,000
 * frames (megabytes) by the end.
 *
 * <p>Run: {@code mvn -B -ntp -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.sgdplayground.load.StalledReaderLoad}. Exits 1 when either property fails.
 */
public final class StalledReaderLoad {
    private StalledReaderLoad() {}

    private static final int OTHERS = 200, SECONDS = 60;
    /** What one frame of the stalled run costs at least if it were kept: its bytes (about 150 as JSON). */
    private static final int FRAME_BYTES = 150;

    public static void main(String[] args) throws Exception {
        String othersQuery = "preset=fastai-sgd&steps=" + SECONDS * 50 + "&speed=50";
        try (LiveLoad.ServerProcess server = LiveLoad.ServerProcess.start("playground", othersQuery, "-Xmx512m");
             LiveLoad.Load load = new LiveLoad.Load()) {
            load.run(server.port, OTHERS, 1000, "preset=fastai-sgd&steps=100&speed=50"); // warm-up
            long before = server.usedHeap();
            CompletableFuture<LiveLoad.Result> others = CompletableFuture.supplyAsync(() -> {
                try {
                    return load.run(server.port, OTHERS, 1000, othersQuery);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            try (Socket stalled = stalledClient(server.port, "preset=fastai-sgd&steps=100000&speed=1000")) {
                Thread.sleep(5_000);
                long early = server.usedHeap();
                Thread.sleep((SECONDS - 10) * 1000L);
                long late = server.usedHeap();
                LiveLoad.Result r = others.get();
                long growth = late - early;
                long unbounded = (long) (SECONDS - 10) * 1000 * FRAME_BYTES;
                System.out.printf(Locale.ROOT, "heap with the stalled reader: %.0f KB after 5 s, %.0f KB after %d s"
                        + " (before: %.0f KB); growth %.0f KB, where buffering would add %.0f KB%n",
                    early / 1024.0, late / 1024.0, SECONDS - 5, before / 1024.0, growth / 1024.0, unbounded / 1024.0);
                System.out.printf(Locale.ROOT, "the %d others: %d/%d complete, %d/%d frames, lateness p50 %.1f ms, p99 %.1f ms,"
                        + " first frame p99 %.1f ms%n", OTHERS, r.complete, r.sessions, r.framesDelivered, r.framesExpected,
                    r.lateP50, r.lateP99, r.firstP99);
                // The others' shared tape grows by its 3,000 frames (~450 KB) during the minute; buffering for the
                // stalled reader would add at least the bytes of 50,000 frames (~7 MB) on top.
                boolean bounded = growth < unbounded / 4;
                boolean othersFine = r.complete == OTHERS;
                System.out.println((bounded ? "PASS" : "FAIL") + ": the server does not buffer for a reader that never reads");
                System.out.println((othersFine ? "PASS" : "FAIL") + ": every other session got every frame and done");
                System.exit(bounded && othersFine ? 0 : 1);
            }
        }
    }

    /** Opens a socket, completes the WebSocket handshake, and never reads again (with a small receive buffer). */
    private static Socket stalledClient(int port, String query) throws Exception {
        Socket s = new Socket();
        s.setReceiveBufferSize(4096);
        s.connect(new java.net.InetSocketAddress("127.0.0.1", port));
        OutputStream out = s.getOutputStream();
        out.write(("GET /ws?" + query + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\n"
            + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = s.getInputStream();
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int c = in.read();
            if (c < 0) throw new IllegalStateException("the server hung up during the handshake: " + head);
            head.append((char) c);
        }
        if (!head.toString().startsWith("HTTP/1.1 101")) throw new IllegalStateException("not upgraded: " + head);
        return s;
    }
}
