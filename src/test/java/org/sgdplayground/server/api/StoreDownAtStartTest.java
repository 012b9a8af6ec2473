package org.sgdplayground.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sgdplayground.server.PlaygroundApp;
import org.sgdplayground.store.Database;
import org.sgdplayground.store.JdbcPointStore;
import org.sgdplayground.store.PointStore;
import org.sgdplayground.store.RetryingPointStore;
import org.sgdplayground.store.StoreLimits;

/**
 * A server whose database cannot be opened at start serves anyway, says so on {@code /healthz}, answers the store's
 * routes 503 with {@code Retry-After}, and stores points once the database can be opened, its tables made first.
 * The database here is H2's file under a folder that cannot be created while a plain file sits where its parent
 * should be; removing the file is the database coming back.
 */
class StoreDownAtStartTest {
    private static final Duration RETRY = Duration.ofMillis(100);

    @TempDir
    Path dir;
    private Javalin app;

    @AfterEach
    void stop() {
        if (app != null) app.stop();
    }

    @Test
    void a_server_started_without_its_database_serves_says_so_and_stores_points_once_the_database_is_back() throws Exception {
        Path blocker = Files.writeString(dir.resolve("blocker"), "a file where the data folder's parent should be");
        Database database = Database.h2(blocker.resolve("data"));
        PointStore store = RetryingPointStore.open(() -> JdbcPointStore.open(database, StoreLimits.DEFAULT), RETRY);
        app = PlaygroundApp.create(store, StoreLimits.DEFAULT).start(0);
        Http http = new Http(app.port());

        HttpResponse<String> health = http.get("/healthz");
        assertEquals(200, health.statusCode(), "a balancer keeps sending it viewers of generated data");
        assertTrue(health.body().startsWith("ok; the point store has not been reached yet"), health.body());
        assertEquals(200, http.post("/api/train?preset=fastai-sgd&steps=5", null, "").statusCode(), "runs of generated data need no store");

        String csv = "x,y\n0,1\n1,3\n2,5\n";
        long began = System.nanoTime();
        HttpResponse<String> refused = http.post("/api/points", "text/csv", csv);
        assertEquals(503, refused.statusCode(), refused.body());
        assertEquals("5", refused.headers().firstValue("Retry-After").orElse(null));
        assertTrue(Duration.ofNanos(System.nanoTime() - began).toSeconds() < 3, "answered at once, not after a pool's timeout");

        Files.delete(blocker);
        HttpResponse<String> stored = null;
        for (long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos(); System.nanoTime() < deadline; Thread.sleep(RETRY.toMillis())) {
            stored = http.post("/api/points", "text/csv", csv);
            if (stored.statusCode() != 503) break;
        }
        assertEquals(201, stored.statusCode(), stored.body());
        assertEquals("ok", http.get("/healthz").body());
        String id = Http.json(stored).path("id").asText();
        assertEquals("[1.0,3.0,5.0]", Http.json(http.get("/api/points/" + id)).path("y").toString());
        assertTrue(Files.exists(blocker.resolve("data").resolve("points.mv.db")), "the store made its tables in the folder it was given");
    }
}
