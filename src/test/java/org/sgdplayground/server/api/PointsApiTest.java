package org.sgdplayground.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sgdplayground.data.Dataset;
import org.sgdplayground.experiment.Limits;
import org.sgdplayground.server.PlaygroundApp;
import org.sgdplayground.store.Database;
import org.sgdplayground.store.JdbcPointStore;
import org.sgdplayground.store.PointIds;
import org.sgdplayground.store.PointStore;
import org.sgdplayground.store.StoreLimits;

/** {@code POST /api/points} and {@code GET /api/points/{id}[.csv]} over real HTTP, on H2's file database. */
class PointsApiTest {
    @TempDir
    static Path dataDir;
    private static PointStore store;
    private static Javalin app;
    private static Http http;

    @BeforeAll
    static void start() {
        StoreLimits limits = new StoreLimits(10_000, 1L << 30, 10_000, 100_000);
        store = JdbcPointStore.open(Database.h2(dataDir), limits);
        app = PlaygroundApp.create(store, limits).start(0);
        http = new Http(app.port());
    }

    @AfterAll
    static void stop() {
        app.stop();
    }

    @Test
    void posting_json_points_answers_201_with_their_id_size_and_link_once_stored() throws Exception {
        HttpResponse<String> r = http.post("/api/points", "application/json", "{\"x\":[0,1,2,3],\"y\":[1,3,5,7.25]}");
        assertEquals(201, r.statusCode(), r.body());
        JsonNode body = Http.json(r);
        String id = PointIds.of(new Dataset(new double[] {0, 1, 2, 3}, new double[] {1, 3, 5, 7.25}));
        assertEquals(id, body.path("id").asText());
        assertEquals(4, body.path("n").asInt());
        assertEquals("http://localhost:" + app.port() + "/?points=" + id, body.path("url").asText());
        assertEquals("/api/points/" + id, r.headers().firstValue("Location").orElseThrow());
        assertTrue(store.find(id).isPresent(), "committed before the answer");

        HttpResponse<String> again = http.post("/api/points", "application/json", "{\"y\":[1,3,5,7.25],\"x\":[0,1,2,3],\"note\":\"hi\"}");
        assertEquals(201, again.statusCode());
        assertEquals(id, Http.json(again).path("id").asText(), "the same points, the same id");
        assertFalse(Http.json(again).path("created").asBoolean());
    }

    @Test
    void a_spreadsheets_semicolons_and_decimal_commas_store_the_same_set_as_the_same_numbers_in_json() throws Exception {
        HttpResponse<String> csv = http.post("/api/points", "text/csv; charset=utf-8", "\uFEFFx;y\r\n1,5;3,25\r\n2;-4\r\n3;7,5\r\n\r\n");
        HttpResponse<String> json = http.post("/api/points", "application/json", "{\"x\":[1.5,2,3],\"y\":[3.25,-4,7.5]}");
        assertEquals(201, csv.statusCode(), csv.body());
        assertEquals(Http.json(json).path("id"), Http.json(csv).path("id"));
        HttpResponse<String> tsv = http.post("/api/points?xcol=b&ycol=a", "text/tab-separated-values", "a\tb\n3.25\t1.5\n-4\t2\n7.5\t3\n");
        assertEquals(Http.json(json).path("id"), Http.json(tsv).path("id"), "columns picked by header name");
    }

    @Test
    void a_stored_set_reads_back_as_the_exact_doubles_as_json_and_as_csv_that_stores_the_same_set() throws Exception {
        double[] x = {0.1 + 0.2, -0.0, 1e-300, 4.9E-324, 123456.789};
        double[] y = {1.0 / 3, 2.0 / 3, -1e9, 1e9, Math.PI};
        String id = Http.json(http.post("/api/points", "application/json", Http.xy(x, y))).path("id").asText();

        HttpResponse<String> r = http.get("/api/points/" + id);
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Cache-Control").orElseThrow().contains("immutable"), "a set never changes under its id");
        JsonNode body = Http.json(r);
        assertEquals(id, body.path("id").asText());
        for (int i = 0; i < x.length; i++) {
            assertEquals(Double.doubleToRawLongBits(x[i]), Double.doubleToRawLongBits(body.path("x").get(i).asDouble()), "x" + i);
            assertEquals(Double.doubleToRawLongBits(y[i]), Double.doubleToRawLongBits(body.path("y").get(i).asDouble()), "y" + i);
        }

        HttpResponse<String> csv = http.get("/api/points/" + id + ".csv");
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Type").orElseThrow().startsWith("text/csv"));
        assertTrue(csv.body().startsWith("x,y\n0.30000000000000004,0.3333333333333333\n-0.0,"), csv.body());
        assertEquals(id, Http.json(http.post("/api/points", "text/csv", csv.body())).path("id").asText(), "the CSV is the same set");
    }

    @Test
    void an_id_nothing_is_stored_under_is_404_naming_points() throws Exception {
        for (String id : new String[] {"AAAAAAAAAAAAAAAA", "AAAAAAAAAAAAAAAA.csv", "short", "%3Cscript%3E"}) {
            HttpResponse<String> r = http.get("/api/points/" + id);
            assertEquals(404, r.statusCode(), id);
            assertEquals("points", Http.json(r).path("parameter").asText(), id);
            assertTrue(Http.json(r).path("error").asText().contains("no points are stored"), r.body());
        }
    }

    @Test
    void every_refusal_is_400_naming_points_and_where_and_stores_nothing() throws Exception {
        String kept = Http.json(http.post("/api/points", "application/json", "{\"x\":[5,6],\"y\":[7,8]}")).path("id").asText();
        long sets = store.usage().sets();
        refused("text/csv", "x,y\n1,2\n3,abc\n", "points", 3, 2, "abc", "is not a number");
        refused("text/csv", "x,y\n1,2\n3,4,5\n", "points", 3, 3, "5", "every row needs the same number of columns");
        refused("text/csv", "x,y\n1,2\n", "points", 2, 1, "", "a fit needs at least 2");
        refused("text/csv", "x,y\n1,NaN\n2,3\n", "points", 2, 2, "NaN", "not a finite number");
        refused("text/csv", "", "points", 1, 1, "", "the table is empty");
        refused(null, "", "points", 1, 1, "", "the table is empty");
        refused("application/x-www-form-urlencoded", "x,y1,23,4", "points", 1, 1, "", "curl -d drops line breaks");
        refused("application/json", "{\"x\":[1,2,\"three\"],\"y\":[1,2,3]}", "x", 1, 11, "three", "x[2] is three, not a number");
        refused("application/json", "{\"x\":[1,2,3],\"y\":[1,2]}", "y", 1, 0, "2", "x has 3 values but y has 2");
        refused("application/json", "{\"x\":[1],\"y\":[1]}", "points", 1, 0, "1", "a fit needs at least 2");
        refused("application/json", "{\"x\":[1,2],\"y\":[1,NaN]}", "points", 1, 22, "", "not valid JSON: Non-standard token 'NaN' (line 1, column 22)");
        refused("application/json", "{\"x\":[1,2],\n \"y\":[1,1e10]}", "y", 2, 9, "1e10", "beyond ±1e9");
        refused("application/json", "[1,2]", "points", 1, 1, "", "must be a JSON object");
        refused("application/json", "{\"x\":[1,2]}", "points", 1, 0, "", "needs both \"x\" and \"y\"");
        assertEquals(sets, store.usage().sets(), "nothing stored by a refusal");
        assertTrue(store.find(kept).isPresent(), "and nothing lost");
    }

    private static void refused(String type, String body, String parameter, int line, int column, String value, String says) throws Exception {
        HttpResponse<String> r = http.post("/api/points", type, body);
        assertEquals(400, r.statusCode(), body + " → " + r.body());
        JsonNode j = Http.json(r);
        assertEquals(parameter, j.path("parameter").asText(), r.body());
        assertEquals(line, j.path("line").asInt(), r.body());
        assertEquals(column, j.path("column").asInt(), r.body());
        assertEquals(value, j.path("value").asText(), r.body());
        assertTrue(j.path("error").asText().contains(says), r.body());
    }

    @Test
    void more_than_100000_points_are_refused_at_the_point_past_the_limit() throws Exception {
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i <= Limits.MAX_POINTS; i++) csv.append(i).append(',').append(i % 7).append('\n');
        HttpResponse<String> r = http.post("/api/points", "text/csv", csv.toString());
        assertEquals(400, r.statusCode());
        assertEquals(Limits.MAX_POINTS + 1, Http.json(r).path("line").asInt());

        StringBuilder json = new StringBuilder("{\"x\":[");
        for (int i = 0; i <= Limits.MAX_POINTS; i++) json.append(i == 0 ? "" : ",").append(i);
        HttpResponse<String> j = http.post("/api/points", "application/json", json.append("],\"y\":[]}").toString());
        assertEquals(400, j.statusCode());
        assertTrue(Http.json(j).path("error").asText().contains("more than 100000"), j.body());
    }

    @Test
    void a_body_over_8_mb_is_413_and_a_form_upload_is_415() throws Exception {
        byte[] big = new byte[Limits.MAX_BODY_BYTES + 1];
        java.util.Arrays.fill(big, (byte) '1');
        HttpResponse<String> r = http.post("/api/points", "text/csv", HttpRequest.BodyPublishers.ofByteArray(big));
        assertEquals(413, r.statusCode());
        assertEquals("points", Http.json(r).path("parameter").asText());

        HttpResponse<String> form = http.post("/api/points", "multipart/form-data; boundary=x", "--x\r\n\r\n1,2\r\n--x--");
        assertEquals(415, form.statusCode());
        assertTrue(Http.json(form).path("error").asText().contains("text/csv"), form.body());
    }
}
