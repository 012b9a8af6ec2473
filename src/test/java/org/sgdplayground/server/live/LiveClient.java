package org.sgdplayground.server.live;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.client.WebSocketClient;

/** A test's end of {@code /ws}: every message it receives, parsed, in order; and how the socket closed. */
public final class LiveClient implements Session.Listener.AutoDemanding, AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final LinkedBlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
    final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    private volatile String closeReason;
    private volatile Session session;

    /** Connects to {@code ws://localhost:port/ws?query} with a client the caller owns (and stops). */
    static LiveClient connect(WebSocketClient client, int port, String query) throws Exception {
        LiveClient c = new LiveClient();
        client.connect(c, URI.create("ws://localhost:" + port + "/ws?" + query)).get(10, TimeUnit.SECONDS);
        return c;
    }

    /** Connects with an upgrade request the caller has dressed (extensions, headers). */
    static LiveClient connect(WebSocketClient client, int port, String query,
                              org.eclipse.jetty.websocket.client.ClientUpgradeRequest request) throws Exception {
        LiveClient c = new LiveClient();
        client.connect(c, URI.create("ws://localhost:" + port + "/ws?" + query), request).get(10, TimeUnit.SECONDS);
        return c;
    }

    Session session() {
        return session;
    }

    static WebSocketClient startedClient() throws Exception {
        WebSocketClient client = new WebSocketClient();
        client.setMaxTextMessageSize(64L * 1024 * 1024);
        client.start();
        return client;
    }

    @Override public void onWebSocketOpen(Session s) { session = s; }

    @Override public void onWebSocketText(String text) {
        try {
            received.add(JSON.readTree(text));
        } catch (Exception e) {
            received.add(JSON.createObjectNode().put("type", "unparseable").put("text", text));
        }
    }

    @Override public void onWebSocketClose(int code, String reason) {
        closeReason = reason;
        closeCode.complete(code);
    }

    @Override public void onWebSocketError(Throwable cause) {
        closeCode.complete(-1);
    }

    void send(String text) {
        session.sendText(text, Callback.NOOP);
    }

    /** The next message, failing the test if none comes within 10 s. */
    JsonNode next() throws InterruptedException {
        JsonNode m = received.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertNotNull(m, "no message within " + WAIT);
        return m;
    }

    /** The next message of {@code type}, skipping others. */
    JsonNode next(String type) throws InterruptedException {
        for (JsonNode m = next(); ; m = next()) if (m.path("type").asText().equals(type)) return m;
    }

    /** A message if one comes within {@code millis}, else null. */
    JsonNode poll(long millis) throws InterruptedException {
        return received.poll(millis, TimeUnit.MILLISECONDS);
    }

    /** Every message up to and including the run's end ({@code done} or {@code diverged}). */
    List<JsonNode> untilOutcome() throws InterruptedException {
        List<JsonNode> out = new ArrayList<>();
        while (true) {
            JsonNode m = next();
            out.add(m);
            String type = m.path("type").asText();
            if (type.equals("done") || type.equals("diverged")) return out;
            if (type.equals("error")) fail("error before the outcome: " + m);
        }
    }

    int awaitClose() throws Exception {
        return closeCode.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    String closeReason() {
        return closeReason;
    }

    boolean isOpen() {
        return session != null && session.isOpen() && !closeCode.isDone();
    }

    @Override
    public void close() {
        if (session != null) session.close();
    }
}
