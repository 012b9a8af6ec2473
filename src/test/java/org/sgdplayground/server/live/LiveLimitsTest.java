package org.sgdplayground.server.live;

import org.sgdplayground.server.PlaygroundApp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sgdplayground.experiment.Limits;

/** Each socket limit of {@link LiveLimits}, met over a real socket. */
class LiveLimitsTest {
    private Javalin app;
    private LiveHub hub;
    private WebSocketClient client;

    private int start(LiveLimits limits) throws Exception {
        hub = new LiveHub(limits, 1);
        app = PlaygroundApp.create(hub).start(0);
        client = LiveClient.startedClient();
        return app.port();
    }

    @AfterEach
    void stop() throws Exception {
        if (client != null) client.stop();
        if (app != null) app.stop();
    }

    /** The raw answer to a WebSocket upgrade request with {@code headers} ("Name: value" each): status line, headers and body. */
    static String upgrade(int port, String query, String... headers) throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /ws?" + query + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                + "Connection: close\r\n" + String.join("", java.util.Arrays.stream(headers).map(h -> h + "\r\n").toList())
                + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            for (int r = in.read(buffer); r >= 0; r = in.read(buffer)) {
                answer.write(buffer, 0, r);
                if (answer.toString(StandardCharsets.UTF_8).contains("}")) break;
            }
            return answer.toString(StandardCharsets.UTF_8);
        }
    }

    @Test
    void the_server_runs_with_each_named_limit_in_its_own_place() {
        LiveLimits d = LiveLimits.DEFAULT;
        // Nine positional values, five of them ints: a swap would compile and go unnoticed without this.
        assertEquals(List.of(LiveLimits.MAX_SESSIONS, LiveLimits.MAX_SESSIONS_PER_ADDRESS, LiveLimits.ACCEPT_BACKLOG,
                LiveLimits.MAX_MESSAGE_BYTES, LiveLimits.MAX_CONTROL_MESSAGES_PER_SECOND, LiveLimits.MAX_FRAMES_IN_FLIGHT),
            List.of(d.maxSessions(), d.maxSessionsPerAddress(), d.acceptBacklog(), d.maxMessageBytes(),
                d.maxControlMessagesPerSecond(), d.maxFramesInFlight()));
        assertEquals(List.of(LiveLimits.IDLE_TIMEOUT, LiveLimits.SHUTDOWN_GRACE), List.of(d.idleTimeout(), d.shutdownGrace()));
        assertEquals(LiveLimits.MAX_SHARED_TAPE_BYTES, d.maxSharedTapeBytes());
        assertTrue(LiveLimits.MAX_SESSIONS_PER_ADDRESS < LiveLimits.MAX_SESSIONS, "one address cannot take the whole server");
    }

    @Test
    void a_zero_limit_is_refused_naming_it() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LiveLimits.DEFAULT.withFramesInFlight(0));
        assertEquals("maxFramesInFlight must be at least 1, not 0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> LiveLimits.DEFAULT.withIdleTimeout(Duration.ZERO));
        assertEquals("idleTimeout must be longer than zero, not PT0S", e.getMessage());
    }

    @Test
    void the_listen_backlog_holds_a_burst_of_connects_not_the_jdk_default_of_50() throws Exception {
        start(LiveLimits.DEFAULT);
        var connectors = app.jettyServer().server().getConnectors();
        assertEquals(1, connectors.length);
        assertEquals(LiveLimits.ACCEPT_BACKLOG, ((org.eclipse.jetty.server.ServerConnector) connectors[0]).getAcceptQueueSize());
        assertTrue(LiveLimits.ACCEPT_BACKLOG >= 1000, "a second of connects at 1000/s must fit");
    }

    @Test
    void a_client_address_over_its_session_limit_gets_503_before_the_upgrade_naming_the_limit() throws Exception {
        int perAddress = 3;
        int port = start(LiveLimits.DEFAULT.withSessions(100, perAddress));
        List<LiveClient> open = new ArrayList<>();
        for (int k = 0; k < perAddress; k++) {
            LiveClient c = LiveClient.connect(client, port, "preset=fastai-sgd&paused=1");
            c.next("data");
            open.add(c);
        }
        String refused = upgrade(port, "preset=fastai-sgd");
        assertTrue(refused.startsWith("HTTP/1.1 503"), refused);
        assertTrue(refused.contains("already has " + perAddress + " live sessions"), refused);
        open.get(0).close();
        assertEquals(1000, open.get(0).awaitClose());
        awaitSessions(perAddress - 1);
        LiveClient again = LiveClient.connect(client, port, "preset=fastai-sgd&paused=1");
        assertEquals("data", again.next().path("type").asText(), "a freed place is taken again");
    }

    @Test
    void the_server_over_its_session_limit_gets_503_naming_the_limit() throws Exception {
        int overall = 2;
        int port = start(LiveLimits.DEFAULT.withSessions(overall, 100));
        for (int k = 0; k < overall; k++) LiveClient.connect(client, port, "preset=fastai-sgd&paused=1").next("data");
        String refused = upgrade(port, "preset=fastai-sgd");
        assertTrue(refused.startsWith("HTTP/1.1 503"), refused);
        assertTrue(refused.contains("limit of " + overall + " live sessions"), refused);
    }

    @Test
    void a_message_a_little_over_the_size_limit_gets_an_error_and_a_far_bigger_one_closes_with_1009() throws Exception {
        int port = start(LiveLimits.DEFAULT);
        LiveClient c = LiveClient.connect(client, port, "preset=fastai-sgd&paused=1");
        c.next("frame");
        c.send("{\"type\":\"pause\",\"pad\":\"" + "x".repeat(2 * LiveLimits.MAX_MESSAGE_BYTES) + "\"}");
        assertTrue(c.next("error").path("error").asText().contains("at most " + LiveLimits.MAX_MESSAGE_BYTES + " bytes"));
        c.send("{\"type\":\"step\"}");
        assertEquals(1, c.next("frame").path("iter").asInt(), "the session lives on");
        c.send("x".repeat(5 * LiveLimits.MAX_MESSAGE_BYTES));
        assertEquals(1009, c.awaitClose(), "too big to read: Jetty's 'message too big'");
    }

    @Test
    void a_run_over_the_work_limit_is_refused_naming_steps() throws Exception {
        int port = start(LiveLimits.DEFAULT);
        int n = 100_000;
        long steps = Limits.MAX_WORK / n + 1;
        LiveClient c = LiveClient.connect(client, port, "preset=fastai-sgd&n=" + n + "&steps=" + steps);
        JsonNode error = c.next();
        assertEquals("steps", error.path("parameter").asText(), error.toString());
        assertTrue(error.path("allowed").asText().contains("at most " + Limits.MAX_WORK / n));
        assertEquals(1008, c.awaitClose());
    }

    @Test
    void an_idle_session_is_told_why_and_closed() throws Exception {
        int port = start(LiveLimits.DEFAULT.withIdleTimeout(Duration.ofSeconds(1)));
        LiveClient c = LiveClient.connect(client, port, "preset=fastai-sgd&paused=1");
        c.next("frame");
        assertTrue(c.next("error").path("error").asText().contains("nothing happened for 1 s"));
        assertEquals(1000, c.awaitClose());
        awaitSessions(0);
    }

    private void awaitSessions(int n) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (hub.sessionCount() != n && System.nanoTime() < deadline) Thread.sleep(10);
        assertEquals(n, hub.sessionCount());
    }
}
