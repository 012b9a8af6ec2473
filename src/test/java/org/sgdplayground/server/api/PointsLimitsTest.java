package org.sgdplayground.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.net.http.HttpRequest;
import java.util.Set;
import org.sgdplayground.assets.ServedAssets;
import org.sgdplayground.server.PlaygroundApp;
import org.sgdplayground.server.live.ClientAddresses;
import org.sgdplayground.server.live.LiveHub;
import org.sgdplayground.server.live.LiveLimits;
import org.sgdplayground.store.Database;
import org.sgdplayground.store.JdbcPointStore;
import org.sgdplayground.store.PointStore;
import org.sgdplayground.store.StoreLimits;

/** The store's limits as a client meets them: 429 with Retry-After, 507 with a reason, 503 when the database is gone. */
class PointsLimitsTest {
    @TempDir
    Path dataDir;
    private Javalin app;
    private PointStore store;
    private Http http;

    private void start(StoreLimits limits) {
        start(limits, ClientAddresses.PEERS);
    }

    private void start(StoreLimits limits, ClientAddresses clients) {
        store = JdbcPointStore.open(Database.h2(dataDir), limits);
        app = PlaygroundApp.create(new LiveHub(LiveLimits.DEFAULT, 1, store), store, limits, ServedAssets.unhashed(), clients).start("127.0.0.1", 0);
        http = new Http(app.port());
    }

    @AfterEach
    void stop() {
        if (app != null) app.stop();
    }

    private HttpResponse<String> upload(int i) throws Exception {
        return http.post("/api/points", "text/csv", "0," + i + "\n1," + (i + 1) + "\n");
    }

    @Test
    void past_the_new_sets_an_address_may_add_a_minute_it_gets_429_with_retry_after_and_refusals_do_not_count() throws Exception {
        start(new StoreLimits(1000, 1 << 20, 3, 1000));
        for (int i = 0; i < 5; i++) assertEquals(400, http.post("/api/points", "text/csv", "x,y\n1,oops\n2,3").statusCode());
        for (int i = 0; i < 3; i++) assertEquals(201, upload(i).statusCode(), "new set " + (i + 1));
        assertEquals(201, upload(0).statusCode(), "a set stored already is not a new one, and is answered past the budget");
        HttpResponse<String> r = upload(99);
        assertEquals(429, r.statusCode(), r.body());
        long retry = Long.parseLong(r.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retry >= 1 && retry <= 60, "Retry-After " + retry);
        JsonNode body = Http.json(r);
        assertTrue(body.path("error").asText().contains("at most 3 new point sets a minute"), r.body());
        assertEquals(3, store.usage().sets(), "the refused one stored nothing");
    }

    /** A new set of two points, {@code i} apart from the others, sent through a balancer for {@code forwardedFor}. */
    private HttpResponse<String> uploadFor(String forwardedFor, int i) throws Exception {
        return http.post("/api/points", "text/csv", HttpRequest.BodyPublishers.ofString("0," + i + "\n1," + (i + 1) + "\n"),
            "X-Forwarded-For", forwardedFor);
    }

    @Test
    void behind_a_trusted_balancer_each_visitor_has_its_own_budget_and_without_one_the_header_is_ignored() throws Exception {
        int perMinute = 2;
        start(new StoreLimits(1000, 1 << 20, perMinute, 1000), new ClientAddresses(Set.of("127.0.0.1")));
        for (int i = 0; i < perMinute; i++) assertEquals(201, uploadFor("203.0.113.7", i).statusCode());
        assertEquals(429, uploadFor("203.0.113.7", 10).statusCode(), "that visitor's budget is spent");
        assertEquals(429, uploadFor("198.51.100.9, 203.0.113.7", 11).statusCode(), "a hop it made up does not help");
        for (int i = 0; i < perMinute; i++) assertEquals(201, uploadFor("198.51.100.9", 20 + i).statusCode(), "another visitor");
        app.stop();
        store.close();

        dataDir = dataDir.resolve("second");
        start(new StoreLimits(1000, 1 << 20, perMinute, 1000)); // no proxy trusted
        for (int i = 0; i < perMinute; i++) assertEquals(201, uploadFor("203.0.113." + i, 30 + i).statusCode());
        assertEquals(429, uploadFor("198.51.100.9", 40).statusCode(), "the header is the sender's word: one budget for the peer");
    }

    @Test
    void a_full_store_answers_507_with_its_reason_and_keeps_every_set_it_has() throws Exception {
        start(new StoreLimits(2, 1 << 20, 30, 1000));
        String a = Http.json(upload(1)).path("id").asText(), b = Http.json(upload(2)).path("id").asText();
        HttpResponse<String> full = upload(3);
        assertEquals(507, full.statusCode(), full.body());
        assertEquals("sets", Http.json(full).path("reason").asText());
        assertEquals("points", Http.json(full).path("parameter").asText());
        assertEquals(200, http.get("/api/points/" + a).statusCode());
        assertEquals(200, http.get("/api/points/" + b).statusCode(), "never evicted");
        assertEquals(201, upload(1).statusCode(), "a set it holds is still answered");
    }

    @Test
    void a_store_that_cannot_be_reached_answers_503_on_the_api_and_the_pages() throws Exception {
        start(new StoreLimits(100, 1 << 20, 30, 0));
        String id = Http.json(upload(1)).path("id").asText();
        store.close(); // as if the database went away
        HttpResponse<String> post = upload(2);
        assertEquals(503, post.statusCode(), post.body());
        assertTrue(post.headers().firstValue("Retry-After").isPresent());
        assertEquals(503, http.get("/api/points/" + id).statusCode());
        assertEquals(503, http.get("/?points=" + id).statusCode(), "not a 404: the id may well be right");
        assertEquals(200, http.get("/?preset=fastai-sgd").statusCode(), "generated points need no store");
    }
}
