package org.sgdplayground.server.live;

import org.sgdplayground.server.Main;
import org.sgdplayground.server.PlaygroundApp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.junit.jupiter.api.Test;

/** A server going down says so: no new sessions, {@code restarting} to each client, gone within 10 s. */
class LiveShutdownTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static HttpResponse<String> get(int port, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(5)).build(),
            HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void a_stopping_hub_tells_each_client_restarting_at_its_iteration_and_healthz_answers_503_stopping() throws Exception {
        LiveHub hub = new LiveHub(LiveLimits.DEFAULT, 2);
        Javalin app = PlaygroundApp.create(hub).start(0);
        WebSocketClient client = LiveClient.startedClient();
        try {
            int port = app.port();
            assertEquals("ok", get(port, "/healthz").body());
            List<LiveClient> clients = new ArrayList<>();
            for (int k = 0; k < 3; k++) {
                LiveClient c = LiveClient.connect(client, port, "preset=fastai-sgd&steps=5000&speed=100");
                c.next("frame");
                clients.add(c);
            }
            hub.shutdown();
            for (LiveClient c : clients) {
                int lastFrame = -1;
                JsonNode m = c.next();
                for (; m.path("type").asText().equals("frame"); m = c.next()) lastFrame = m.path("iter").asInt();
                assertEquals("restarting", m.path("type").asText(), m.toString());
                assertTrue(lastFrame < 0 || m.path("iter").asInt() == lastFrame, "resume where the client is: " + m);
                assertEquals(1012, c.awaitClose(), "1012: service restart");
            }
            assertEquals(0, hub.sessionCount(), "the clients hung up within the grace period");
            HttpResponse<String> health = get(port, "/healthz");
            assertEquals(503, health.statusCode());
            assertEquals("stopping", health.body());
            String refused = LiveLimitsTest.upgrade(port, "preset=fastai-sgd");
            assertTrue(refused.startsWith("HTTP/1.1 503") && refused.contains("restarting"), refused);
        } finally {
            client.stop();
            app.stop();
        }
    }

    @Test
    void sigterm_tells_the_client_restarting_and_the_process_exits_within_10_seconds() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp", System.getProperty("java.class.path"), Main.class.getName()).redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("PORT", Integer.toString(port));
        pb.environment().put("DATA_DIR", java.nio.file.Files.createTempDirectory("shutdown-test").toString()); // its point store, not ./data
        pb.environment().remove("DATABASE_URL");
        Process server = pb.start();
        WebSocketClient client = LiveClient.startedClient();
        try {
            awaitHealthy(port);
            LiveClient c = LiveClient.connect(client, port, "preset=fastai-sgd&steps=5000&speed=50");
            c.next("frame");
            long sent = System.nanoTime();
            server.destroy(); // SIGTERM
            JsonNode restarting = c.next("restarting");
            assertTrue(restarting.path("iter").asInt() >= 0);
            assertEquals(1012, c.awaitClose());
            assertTrue(server.waitFor(10, TimeUnit.SECONDS), "exited within 10 s of SIGTERM");
            assertTrue(System.nanoTime() - sent < TimeUnit.SECONDS.toNanos(10));
        } finally {
            client.stop();
            server.destroyForcibly();
        }
    }

    private static void awaitHealthy(int port) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (get(port, "/healthz").statusCode() == 200) return;
            } catch (ConnectException notYet) {
                // starting
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the server did not come up on port " + port);
    }
}
