package org.sgdplayground.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sgdplayground.server.PlaygroundApp;
import org.sgdplayground.store.Database;
import org.sgdplayground.store.JdbcPointStore;
import org.sgdplayground.store.PointStore;
import org.sgdplayground.store.StoreLimits;
import org.sgdplayground.store.TestDatabases;

/** Two servers on different ports given one {@code DATABASE_URL} (a real PostgreSQL) resolve each other's ids. */
class TwoServersTest {
    private String url;
    private Javalin a, b;

    @BeforeEach
    void start() {
        url = TestDatabases.freshPostgresSchema();
        a = server();
        b = server();
    }

    private Javalin server() {
        PointStore store = JdbcPointStore.open(Database.fromEnvironment(java.util.Map.of("DATABASE_URL", url)), StoreLimits.DEFAULT);
        return PlaygroundApp.create(store, StoreLimits.DEFAULT).start(0);
    }

    @AfterEach
    void stop() {
        if (a != null) a.stop();
        if (b != null) b.stop();
        if (url != null) TestDatabases.dropPostgresSchema(url);
    }

    @Test
    void a_set_stored_through_one_server_is_read_trained_and_shown_by_the_other() throws Exception {
        assertNotEquals(a.port(), b.port());
        Http first = new Http(a.port()), second = new Http(b.port());
        HttpResponse<String> saved = first.post("/api/points", "text/csv", "x;y\n0;1\n1;2,9\n2;5,1\n3;7\n");
        assertEquals(201, saved.statusCode(), saved.body());
        String id = Http.json(saved).path("id").asText();

        HttpResponse<String> read = second.get("/api/points/" + id);
        assertEquals(200, read.statusCode(), read.body());
        assertEquals("[0.0,1.0,2.0,3.0]", Http.json(read).path("x").toString());
        assertEquals("[1.0,2.9,5.1,7.0]", Http.json(read).path("y").toString());

        JsonNode fromA = Http.json(first.post("/api/train?points=" + id + "&steps=20&lr=0.05", null, ""));
        JsonNode fromB = Http.json(second.post("/api/train?points=" + id + "&steps=20&lr=0.05", null, ""));
        assertEquals(fromA.path("frames"), fromB.path("frames"), "the same link, the same run, on either server");
        assertEquals(200, second.get("/?points=" + id).statusCode());
        assertEquals(200, second.get("/embed?points=" + id).statusCode());

        HttpResponse<String> again = second.post("/api/points", "application/json", "{\"x\":[0,1,2,3],\"y\":[1,2.9,5.1,7]}");
        assertEquals(id, Http.json(again).path("id").asText());
        assertFalse(Http.json(again).path("created").asBoolean(), "the second server found the first one's row");
    }
}
