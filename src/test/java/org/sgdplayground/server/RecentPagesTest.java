package org.sgdplayground.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.sgdplayground.experiment.ExperimentCodec;
import org.sgdplayground.experiment.QueryStrings;
import org.sgdplayground.page.PlaygroundPage;

/** Rendered pages are answered again without rendering, within {@link PageLimits#MAX_CACHED_PAGE_BYTES}, and equal a fresh render. */
class RecentPagesTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private final AtomicInteger rendered = new AtomicInteger();

    private String render(String query) {
        rendered.incrementAndGet();
        return PlaygroundPage.render(ExperimentCodec.decode(QueryStrings.parse(query)), "/oembed");
    }

    @Test
    void a_page_asked_for_again_is_not_rendered_again() {
        RecentPages pages = new RecentPages(PageLimits.MAX_CACHED_PAGE_BYTES);
        RecentPages.Page first = pages.get("preset=momentum", () -> render("preset=momentum"));
        assertSame(first, pages.get("preset=momentum", () -> render("preset=momentum")));
        assertEquals(1, rendered.get());
        assertTrue(first.gzipped().isPresent(), "a page is worth gzipping");
        assertEquals(first.html().length + first.gzipped().get().length + 2L * "preset=momentum".length(), pages.bytes(),
            "the page, its gzip and its key count against the budget");
    }

    @Test
    void a_page_is_sent_gzipped_from_the_bytes_kept_with_it_to_a_client_that_takes_gzip() throws Exception {
        Javalin app = PlaygroundApp.create().start("127.0.0.1", 0);
        try {
            for (String path : List.of("/?preset=roller-coaster", "/embed")) {
                HttpResponse<byte[]> plain = getBytes(app, path, Map.of());
                assertTrue(plain.headers().firstValue("Content-Encoding").isEmpty(), "none asked for, none sent: " + path);
                HttpResponse<byte[]> zipped = getBytes(app, path, Map.of("Accept-Encoding", "gzip, deflate, br"));
                assertEquals("gzip", zipped.headers().firstValue("Content-Encoding").orElseThrow(), path);
                assertEquals(Long.toString(zipped.body().length), zipped.headers().firstValue("Content-Length").orElseThrow());
                assertArrayEquals(plain.body(), new GZIPInputStream(new ByteArrayInputStream(zipped.body())).readAllBytes(),
                    "the same page either way: " + path);
                assertEquals(plain.headers().firstValue("ETag"), zipped.headers().firstValue("ETag"), "one page, one tag");
                assertTrue(zipped.headers().allValues("Vary").stream().anyMatch(v -> v.contains("Accept-Encoding")), zipped.headers().map().toString());
                assertTrue(zipped.headers().allValues("Vary").stream().anyMatch(v -> v.contains("Cookie")), "the theme's Vary stays");
                assertArrayEquals(zipped.body(), getBytes(app, path, Map.of("Accept-Encoding", "gzip")).body(), "the kept gzip, again");
                for (String refusal : List.of("gzip;q=0, identity", "gzip;q=0, *")) {
                    HttpResponse<byte[]> refused = getBytes(app, path, Map.of("Accept-Encoding", refusal));
                    assertTrue(refused.headers().firstValue("Content-Encoding").isEmpty(), "q=0 refuses gzip: " + refusal);
                    assertArrayEquals(plain.body(), refused.body());
                }
            }
        } finally {
            app.stop();
        }
    }

    private static HttpResponse<byte[]> getBytes(Javalin app, String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path));
        headers.forEach(b::header);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void past_the_budget_the_least_recently_asked_for_goes_and_comes_back_the_same_as_a_fresh_render() {
        List<String> queries = List.of("preset=momentum", "preset=roller-coaster", "preset=fastai-sgd-es");
        long budget = 0;
        for (String q : queries.subList(0, 2)) budget += RecentPages.cost(q, RecentPages.Page.of(render(q)));
        rendered.set(0);
        RecentPages pages = new RecentPages(budget); // room for the first two
        byte[] momentum = pages.get(queries.get(0), () -> render(queries.get(0))).html();
        pages.get(queries.get(1), () -> render(queries.get(1)));
        pages.get(queries.get(2), () -> render(queries.get(2))); // momentum goes
        assertTrue(pages.bytes() <= budget, pages.bytes() + " > " + budget);
        assertEquals(3, rendered.get());
        byte[] again = pages.get(queries.get(0), () -> render(queries.get(0))).html();
        assertEquals(4, rendered.get(), "rendered again once dropped");
        assertArrayEquals(render(queries.get(0)).getBytes(StandardCharsets.UTF_8), again);
        assertArrayEquals(momentum, again);
    }

    @Test
    void the_app_keeps_no_more_than_its_limit_however_many_pages_are_asked_for() {
        RecentPages pages = new RecentPages(PageLimits.MAX_CACHED_PAGE_BYTES);
        String megabyte = "x".repeat(1 << 20);
        int count = (int) (PageLimits.MAX_CACHED_PAGE_BYTES >> 20) + 8;
        for (int i = 0; i < count; i++) {
            pages.get("seed=" + i, () -> megabyte);
            assertTrue(pages.bytes() <= PageLimits.MAX_CACHED_PAGE_BYTES, i + ": " + pages.bytes());
        }
        assertEquals(PageLimits.MAX_CACHED_PAGE_BYTES / RecentPages.cost("seed=10", RecentPages.Page.of(megabyte)), pages.size());
    }

    @Test
    void a_page_larger_than_the_whole_budget_is_answered_but_not_kept() {
        RecentPages pages = new RecentPages(100);
        String big = "y".repeat(101);
        assertArrayEquals(big.getBytes(StandardCharsets.UTF_8), pages.get("big", () -> big).html());
        assertEquals(0, pages.bytes());
    }

    @Test
    void a_render_that_refuses_keeps_nothing() {
        RecentPages pages = new RecentPages(PageLimits.MAX_CACHED_PAGE_BYTES);
        for (int i = 0; i < 2; i++) {
            try {
                pages.get("lr=fast", () -> render("lr=fast"));
            } catch (IllegalArgumentException refused) {
                assertTrue(refused.getMessage().contains("lr"), refused.getMessage());
            }
        }
        assertEquals(2, rendered.get());
        assertEquals(0, pages.size());
    }

    private static HttpResponse<String> get(Javalin app, String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path));
        headers.forEach(b::header);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String withoutPort(String page, Javalin app) {
        return page.replace(":" + app.port(), ":PORT").replace("%3A" + app.port(), "%3APORT");
    }

    @Test
    void a_kept_page_is_byte_for_byte_what_a_fresh_server_renders() throws Exception {
        Javalin warm = PlaygroundApp.create().start("127.0.0.1", 0), fresh = PlaygroundApp.create().start("127.0.0.1", 0);
        try {
            for (String path : List.of("/?preset=roller-coaster", "/embed?preset=momentum&hide=lr", "/?lr=0.05&seed=7")) {
                get(warm, path, Map.of());
                String kept = get(warm, path, Map.of()).body(), made = get(fresh, path, Map.of()).body();
                // the two servers differ only by port, which the page's absolute links name
                assertEquals(withoutPort(made, fresh), withoutPort(kept, warm), path);
            }
            String one = get(warm, "/?preset=momentum", Map.of()).body(), other = get(warm, "/?preset=momentum&lr=0.01", Map.of()).body();
            assertNotEquals(one, other, "another query, another page");
        } finally {
            warm.stop();
            fresh.stop();
        }
    }

    @Test
    void a_client_holding_the_page_gets_304_and_no_body_and_one_holding_another_gets_the_page() throws Exception {
        Javalin app = PlaygroundApp.create().start("127.0.0.1", 0);
        try {
            for (String path : List.of("/?preset=roller-coaster", "/embed")) {
                HttpResponse<String> first = get(app, path, Map.of());
                String etag = first.headers().firstValue("ETag").orElseThrow();
                assertEquals("no-cache", first.headers().firstValue("Cache-Control").orElseThrow());
                HttpResponse<String> again = get(app, path, Map.of("If-None-Match", etag));
                assertEquals(304, again.statusCode(), path);
                assertEquals("", again.body());
                assertTrue(again.headers().firstValue("Content-Security-Policy").isPresent(), "the policy goes with a 304 too");
                HttpResponse<String> stale = get(app, path, Map.of("If-None-Match", "W/\"000000000000000000000000\""));
                assertEquals(200, stale.statusCode());
                assertEquals(first.body(), stale.body());
            }
            assertNotEquals(get(app, "/", Map.of()).headers().firstValue("ETag"), get(app, "/embed", Map.of()).headers().firstValue("ETag"));
        } finally {
            app.stop();
        }
    }
}
