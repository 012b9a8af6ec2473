package org.sgdplayground.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sgdplayground.server.PlaygroundApp;
import org.sgdplayground.store.Database;
import org.sgdplayground.store.JdbcPointStore;
import org.sgdplayground.store.PointStore;
import org.sgdplayground.store.StoreLimits;

/**
 * {@code points=ID} in every entry point but the socket (see server.live.StoredPointsLiveTest): the same frames as the
 * same doubles posted to {@code /api/train}, the pages and oEmbed links carrying the id, {@code /api/analyse}'s
 * briefing equal to the run's, and an unknown id answered 404 everywhere.
 */
class StoredPointsRunTest {
    @TempDir
    static Path dataDir;
    private static Javalin app;
    private static Http http;
    /** Points with digits that must survive: thirds, a subnormal-free spread, a negative zero. */
    private static final double[] X = {-0.0, 1.0 / 3, 0.7, 1.1, 2.0 / 7, 3.3, -1.25, 0.05, 2.5, 1.9};
    private static final double[] Y = {2.1, 3.0000000000000004, 4.2, 5.5, 2.9, 12.25, -1.5, 2.0, 9.75, 7.7};
    private static String id;

    @BeforeAll
    static void start() throws Exception {
        StoreLimits limits = StoreLimits.DEFAULT;
        PointStore store = JdbcPointStore.open(Database.h2(dataDir), limits);
        app = PlaygroundApp.create(store, limits).start(0);
        http = new Http(app.port());
        id = Http.json(http.post("/api/points", "application/json", Http.xy(X, Y))).path("id").asText();
    }

    @AfterAll
    static void stop() {
        app.stop();
    }

    @Test
    void a_stored_set_trains_to_the_very_frames_of_the_same_doubles_posted_as_x_and_y() throws Exception {
        for (String settings : new String[] {"steps=30&lr=0.05", "model=quadratic&steps=25&lr=0.01&batch=3&momentum=0.9&seed=7",
            "steps=40&lr=0.3&standardize=1&batch=4&init=random&seed=123", "steps=12&lr=30"}) {
            HttpResponse<String> stored = http.post("/api/train?points=" + id + "&" + settings, null, "");
            HttpResponse<String> posted = http.post("/api/train?" + settings, "application/json", Http.xy(X, Y));
            assertEquals(200, stored.statusCode(), stored.body());
            JsonNode a = Http.json(stored), b = Http.json(posted);
            assertEquals(b.path("frames").toString(), a.path("frames").toString(), settings + ": frames, to the last digit");
            assertEquals(b.path("outcome"), a.path("outcome"), settings);
            assertEquals(b.path("points"), a.path("points"), settings);
            assertEquals(b.path("surface"), a.path("surface"), settings);
            assertTrue(a.path("query").asText().contains("points=" + id), a.path("query").asText());
            assertEquals(id, a.path("experiment").path("points").asText());
        }
    }

    @Test
    void with_stored_points_data_n_and_noise_are_ignored_and_the_seed_still_draws_the_start_and_batches() throws Exception {
        JsonNode plain = Http.json(http.post("/api/train?points=" + id + "&steps=5&init=random&batch=2&seed=3", null, ""));
        JsonNode ignored = Http.json(http.post("/api/train?points=" + id + "&steps=5&init=random&batch=2&seed=3&data=coaster&n=7&noise=99", null, ""));
        assertEquals(plain.path("frames"), ignored.path("frames"));
        assertEquals(X.length, ignored.path("experiment").path("n").asInt(), "n is the stored set's size");
        JsonNode otherSeed = Http.json(http.post("/api/train?points=" + id + "&steps=5&init=random&batch=2&seed=4", null, ""));
        assertFalse(plain.path("frames").get(0).path("params").equals(otherSeed.path("frames").get(0).path("params")),
            "another seed, another random start");
        assertEquals(plain.path("points"), otherSeed.path("points"), "the same points");
    }

    @Test
    void points_and_x_y_together_are_refused_as_ambiguous() throws Exception {
        HttpResponse<String> r = http.post("/api/train?points=" + id, "application/json", Http.xy(X, Y));
        assertEquals(400, r.statusCode());
        assertEquals("points", Http.json(r).path("parameter").asText());
    }

    @Test
    void an_unknown_id_is_404_naming_points_on_the_api_the_pages_and_oembed() throws Exception {
        String unknown = "ZZZZZZZZZZZZZZZZ";
        HttpResponse<String> train = http.post("/api/train?points=" + unknown, null, "");
        assertEquals(404, train.statusCode());
        assertEquals("points", Http.json(train).path("parameter").asText());
        assertEquals(unknown, Http.json(train).path("value").asText());

        for (String page : new String[] {"/", "/embed"}) {
            HttpResponse<String> r = http.get(page + "?lr=0.05&points=" + unknown);
            assertEquals(404, r.statusCode(), page);
            assertTrue(r.body().contains("No points are stored under that link"), page);
            assertTrue(r.body().contains("<code class=\"bad-value\">" + unknown + "</code>"), page);
            assertTrue(r.body().contains("href=\"" + page + "?lr=0.05\""), page + ": the same experiment without the id");
            assertTrue(r.body().contains("href=\"/\""), page + ": the default experiment");
        }
        String link = URLEncoder.encode("http://localhost:" + app.port() + "/?points=" + unknown, StandardCharsets.UTF_8);
        assertEquals(404, http.get("/oembed?url=" + link).statusCode());
        assertEquals(404, http.post("/api/analyse?points=" + unknown, null, "").statusCode());
    }

    @Test
    void a_malformed_id_is_a_bad_parameter_and_is_shown_escaped() throws Exception {
        HttpResponse<String> r = http.get("/?points=%3Cscript%3Ealert(1)%3C%2Fscript%3E");
        assertEquals(400, r.statusCode());
        assertFalse(r.body().contains("<script>alert"), "escaped");
        assertTrue(r.body().contains("&lt;script&gt;"), r.body());
    }

    @Test
    void the_page_embed_and_oembed_carry_the_id_in_their_links() throws Exception {
        HttpResponse<String> page = http.get("/?points=" + id + "&lr=0.05");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("\"points\":\"" + id + "\""), "the boot settings hold the id, so links keep it");
        assertTrue(page.body().contains("points=" + id), "and the query the socket opens with");
        HttpResponse<String> embed = http.get("/embed?points=" + id);
        assertEquals(200, embed.statusCode());
        assertTrue(embed.body().contains("/?preset=fastai-sgd&amp;points=" + id), "the embed's link to the full page");
        String link = URLEncoder.encode("http://localhost:" + app.port() + "/?points=" + id + "&n=5", StandardCharsets.UTF_8);
        JsonNode oembed = Http.json(http.get("/oembed?url=" + link));
        assertTrue(oembed.path("html").asText().contains("/embed?preset=fastai-sgd&amp;points=" + id + "\""), oembed.toString());
    }

    @Test
    void analyse_answers_the_optimum_and_surface_the_run_would_brief_for_the_same_points() throws Exception {
        for (String settings : new String[] {"model=linear", "model=quadratic&momentum=0.5", "standardize=1&model=quadratic"}) {
            JsonNode run = Http.json(http.post("/api/train?steps=0&" + settings, "application/json", Http.xy(X, Y)));
            HttpResponse<String> r = http.post("/api/analyse?" + settings, "application/json", Http.xy(X, Y));
            assertEquals(200, r.statusCode(), r.body());
            JsonNode a = Http.json(r);
            assertEquals(run.path("optimum"), a.path("optimum"), settings);
            assertEquals(run.path("surface"), a.path("surface"), settings);
            assertEquals(run.path("model"), a.path("model"), settings);
            assertEquals(run.path("standardisation"), a.path("standardisation"), settings);
            assertEquals(X.length, a.path("n").asInt());
            JsonNode byId = Http.json(http.post("/api/analyse?points=" + id + "&" + settings, null, ""));
            assertEquals(a, byId, settings + ": by id as by value");
        }
        HttpResponse<String> settingsInBody = http.post("/api/analyse", "application/json",
            Http.xy(X, Y).replace("{", "{\"model\":\"quadratic\",\"momentum\":0.5,"));
        assertEquals(Http.json(http.post("/api/analyse?model=quadratic&momentum=0.5", null, Http.xy(X, Y))), Http.json(settingsInBody));
    }

    @Test
    void analyse_refuses_what_train_refuses() throws Exception {
        HttpResponse<String> lengths = http.post("/api/analyse", "application/json", "{\"x\":[1,2,3],\"y\":[1,2]}");
        assertEquals(400, lengths.statusCode());
        assertEquals("y", Http.json(lengths).path("parameter").asText());
        HttpResponse<String> model = http.post("/api/analyse?model=cubic", "application/json", Http.xy(X, Y));
        assertEquals(400, model.statusCode());
        assertEquals("model", Http.json(model).path("parameter").asText());
        HttpResponse<String> text = http.post("/api/analyse", "application/json", "{\"x\":[1,\"a\"],\"y\":[1,2]}");
        assertEquals(400, text.statusCode());
        assertEquals(1, Http.json(text).path("line").asInt());
    }
}
