package org.sgdplayground.server.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import org.sgdplayground.server.PlaygroundApp;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.client.ClientUpgradeRequest;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.OutgoingEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Which path a frame takes to the wire: the connection's flusher when it may, the core session when it must. */
class JettySenderTest {
    private Javalin server;
    private WebSocketClient client;
    private final LinkedBlockingQueue<Session> opened = new LinkedBlockingQueue<>();

    /** A bare Jetty socket (Javalin's own route): whatever its client offers, Jetty's defaults decide. */
    private int bareServer() throws Exception {
        server = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.routes.ws(LiveSocket.PATH, ws -> ws.onConnect(ctx -> opened.add(ctx.session)));
        }).start(0);
        client = LiveClient.startedClient();
        return server.port();
    }

    @AfterEach
    void stop() throws Exception {
        if (client != null) client.stop();
        if (server != null) server.stop();
    }

    /** Sends three messages, the first two saying another follows, and waits for each one's {@code done}. */
    private static void sendThree(JettySender sender) throws InterruptedException {
        CountDownLatch written = new CountDownLatch(3);
        Runnable done = written::countDown;
        sender.send("{\"n\":1}".getBytes(StandardCharsets.UTF_8), true, done);
        sender.send("{\"n\":2}".getBytes(StandardCharsets.UTF_8), true, done);
        sender.send("{\"n\":\"é\"}".getBytes(StandardCharsets.UTF_8), false, done);
        assertTrue(written.await(10, TimeUnit.SECONDS), "each message's done ran");
    }

    private static void receivesThree(LiveClient c) throws InterruptedException {
        assertEquals(1, c.next().path("n").asInt());
        assertEquals(2, c.next().path("n").asInt());
        assertEquals("é", c.next().path("n").asText());
    }

    @Test
    void frames_to_a_jetty_socket_without_extensions_go_straight_to_its_connections_flusher() throws Exception {
        int port = bareServer();
        LiveClient c = LiveClient.connect(client, port, "");
        JettySender sender = JettySender.of(opened.poll(10, TimeUnit.SECONDS));
        assertTrue(sender.writesToFlusher(), "the fast path is taken: if this fails, Jetty changed and every frame now pays the core session's layers");
        sendThree(sender);
        receivesThree(c);
        sender.close(1012, "server restarting");
        assertEquals(1012, c.awaitClose());
        assertEquals("server restarting", c.closeReason());
    }

    @Test
    void a_socket_that_negotiated_an_extension_sends_through_the_core_session_so_the_extension_applies() throws Exception {
        ClientUpgradeRequest request = new ClientUpgradeRequest();
        request.addExtensions("permessage-deflate");
        int port = bareServer();
        LiveClient c = LiveClient.connect(client, port, "", request);
        assertFalse(c.session().getUpgradeResponse().getExtensions().isEmpty(), "this server negotiates deflate");
        JettySender sender = JettySender.of(opened.poll(10, TimeUnit.SECONDS));
        assertFalse(sender.writesToFlusher());
        sendThree(sender);
        receivesThree(c);
    }

    @Test
    void the_live_sockets_own_sessions_take_the_fast_path_even_when_the_browser_offers_deflate() throws Exception {
        LiveHub hub = new LiveHub(LiveLimits.DEFAULT, 1);
        Javalin app = PlaygroundApp.create(hub).start(0);
        client = LiveClient.startedClient();
        try {
            ClientUpgradeRequest request = new ClientUpgradeRequest();
            request.addExtensions("permessage-deflate"); // as every browser does
            LiveClient c = LiveClient.connect(client, app.port(), "preset=fastai-sgd&paused=1", request);
            c.next("frame");
            LiveSession[] sessions = hub.snapshot();
            assertEquals(1, sessions.length);
            assertTrue(((JettySender) sessions[0].sender()).writesToFlusher());
        } finally {
            app.stop();
        }
    }

    /** A core session that is not Jetty's own: it records what it is asked to send and writes it at once. */
    private static final class RecordingCoreSession extends CoreSession.Empty {
        final List<String> payloads = new ArrayList<>();
        final List<Boolean> batch = new ArrayList<>();
        final List<Callback> callbacks = new ArrayList<>();
        int closeCode;

        @Override
        public void sendFrame(OutgoingEntry entry) {
            payloads.add(BufferUtil.toString(entry.getFrame().getPayload(), StandardCharsets.UTF_8));
            batch.add(entry.isBatch());
            callbacks.add(entry.getCallback());
            entry.getCallback().succeeded();
        }

        @Override
        public void close(int code, String reason, Callback callback) {
            closeCode = code;
            callback.succeeded();
        }
    }

    @Test
    void a_core_session_that_is_not_jettys_own_gets_every_frame_through_send_frame_with_its_batch_flag() throws Exception {
        RecordingCoreSession core = new RecordingCoreSession();
        JettySender sender = new JettySender(core);
        assertFalse(sender.writesToFlusher());
        sendThree(sender);
        assertEquals(List.of("{\"n\":1}", "{\"n\":2}", "{\"n\":\"é\"}"), core.payloads);
        assertEquals(List.of(true, true, false), core.batch);
        sender.close(1000, "idle");
        assertEquals(1000, core.closeCode);
    }

    @Test
    void every_frame_of_a_session_reuses_one_callback_object() throws Exception {
        RecordingCoreSession core = new RecordingCoreSession();
        JettySender sender = new JettySender(core);
        sendThree(sender);
        assertSame(core.callbacks.get(0), core.callbacks.get(1));
        assertSame(core.callbacks.get(0), core.callbacks.get(2));
    }
}
