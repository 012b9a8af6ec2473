package org.sgdplayground.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.sgdplayground.server.live.LiveHub;
import org.sgdplayground.server.live.LiveLimits;

/**
 * A server told to stop first turns {@code /healthz} to 503 while its sessions stream on, for the notice a balancer
 * needs to stop sending it new connections, and only then tells its clients it is restarting.
 */
class DrainTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration NOTICE = Duration.ofMillis(1500);

    @Test
    void a_draining_server_says_stopping_on_healthz_and_streams_on_until_the_notice_is_up_then_says_restarting() throws Exception {
        LiveHub hub = new LiveHub(LiveLimits.DEFAULT, 2);
        Javalin app = PlaygroundApp.create(hub).start(0);
        LinkedBlockingQueue<String> messages = new LinkedBlockingQueue<>();
        CompletableFuture<Integer> closed = new CompletableFuture<>();
        WebSocket socket = HTTP.newWebSocketBuilder().buildAsync(
            URI.create("ws://localhost:" + app.port() + "/ws?preset=fastai-sgd&steps=5000&speed=100"), new WebSocket.Listener() {
                private final StringBuilder text = new StringBuilder();

                @Override
                public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                    text.append(data);
                    if (last) {
                        messages.add(text.toString());
                        text.setLength(0);
                    }
                    ws.request(1);
                    return null;
                }

                @Override
                public CompletionStage<?> onClose(WebSocket ws, int code, String reason) {
                    closed.complete(code);
                    return null;
                }
            }).get(10, TimeUnit.SECONDS);
        try {
            while (!messages.take().startsWith("{\"type\":\"frame\"")) { /* the data message, then frame 0 */ }
            long began = System.nanoTime();
            Thread stopping = new Thread(() -> Drain.stop(app, hub, NOTICE));
            stopping.start();
            long asked = System.nanoTime(); // the drain begins on its own thread: wait for it to turn, not for a race
            while (!hub.stopping() && System.nanoTime() - asked < TimeUnit.SECONDS.toNanos(5)) Thread.sleep(1);

            HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + "/healthz")).build(),
                HttpResponse.BodyHandlers.ofString());
            assertEquals(503, health.statusCode(), "the balancer's next check takes the server out");
            assertEquals("stopping", health.body());
            messages.clear();
            int framesAfterUnhealthy = 0;
            String m;
            while ((m = messages.poll(10, TimeUnit.SECONDS)).startsWith("{\"type\":\"frame\"")) framesAfterUnhealthy++;
            long toldAfter = Duration.ofNanos(System.nanoTime() - began).toMillis();

            assertTrue(m.startsWith("{\"type\":\"restarting\""), m);
            assertTrue(toldAfter >= NOTICE.toMillis(), "told to reconnect only after the notice: " + toldAfter + " ms");
            // 100 frames a second for most of the notice: far more than one, whatever the box is doing
            assertTrue(framesAfterUnhealthy >= 10, "the session streamed on meanwhile: " + framesAfterUnhealthy + " frames");
            assertEquals(1012, closed.get(10, TimeUnit.SECONDS), "1012: service restart, which the page reconnects on at once");
            stopping.join(10_000);
        } finally {
            socket.abort();
            app.stop();
        }
    }
}
