package org.sgdplayground.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.sgdplayground.assets.AssetLimits;
import org.sgdplayground.assets.AssetUrls;
import org.sgdplayground.experiment.ExperimentCodec;
import org.sgdplayground.i18n.Messages;
import org.sgdplayground.page.PlaygroundPage;
import org.sgdplayground.page.Theme;

/**
 * Pages link the browser files at hashed addresses, each page's modules bundled in one file; those addresses are
 * cached for a year, and the plain {@code /static/} ones still work.
 */
class AssetRoutesTest {
    @RegisterExtension
    static final LocalApp APP = new LocalApp();
    /** A module's preload, or a classic script's (the playground's bundle). */
    private static final Pattern PRELOAD = Pattern.compile("<link rel=\"(?:modulepreload|preload\" as=\"script)\" href=\"([^\"]+)\">");
    /** A module, or a classic script (the playground's bundle). */
    private static final Pattern SCRIPT = Pattern.compile("<script (?:type=\"module\" )?src=\"([^\"]+)\">");
    private static final Pattern STYLESHEET = Pattern.compile("<link rel=\"stylesheet\" href=\"([^\"]+)\">");
    private static final Pattern HASHED = Pattern.compile("/assets/([A-Za-z0-9_-]+)\\.[0-9a-f]{16}\\.(js|css|svg)");
    /** What this test takes for an import: {@code from './x.js'} or {@code import './x.js'}, read off the files themselves. */
    private static final Pattern IMPORT = Pattern.compile("(?:from|import)\\s*['\"]\\./([\\w-]+\\.js)['\"]");

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return APP.get(path);
    }

    /** Every module {@code entry} in ./web reaches by its imports, itself included. */
    private static Set<String> moduleGraph(String entry) throws IOException {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(entry));
        while (!todo.isEmpty()) {
            String name = todo.poll();
            if (!seen.add(name)) continue;
            Matcher m = IMPORT.matcher(Files.readString(Path.of("web", name)));
            while (m.find()) todo.add(m.group(1));
        }
        return seen;
    }

    private static Set<String> sourceNames(Pattern links, String page) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = links.matcher(page);
        while (m.find()) {
            Matcher h = HASHED.matcher(m.group(1));
            assertTrue(h.matches(), m.group(1) + " is a hashed address");
            names.add(h.group(1) + "." + h.group(2));
        }
        return names;
    }

    @Test
    void each_page_loads_one_file_holding_every_module_its_entry_module_reaches() throws Exception {
        for (String[] page : new String[][] {{"/?preset=roller-coaster", "main.js"}, {"/embed?preset=momentum", "embed.js"}}) {
            String html = get(page[0]).body();
            Set<String> expected = moduleGraph(page[1]);
            assertTrue(expected.size() > 10, "the graph is read from the files: " + expected);
            assertEquals(Set.of(page[1]), sourceNames(SCRIPT, html), page[0]);
            assertEquals(Set.of(page[1]), sourceNames(PRELOAD, html), page[0]);
            Matcher script = SCRIPT.matcher(html);
            assertTrue(script.find());
            String bundle = get(script.group(1)).body();
            for (String module : expected) {
                if (!module.equals(page[1])) assertTrue(bundle.contains("const " + scope(module) + " = (() => {"), page[0] + " runs " + module);
            }
            assertFalse(IMPORT.matcher(bundle).find(), "it imports nothing: " + page[0]);
        }
    }

    @Test
    void the_playground_runs_its_bundle_as_a_classic_script_right_after_the_plot_and_the_boot_block_the_embed_as_a_module() throws Exception {
        String html = get("/?preset=roller-coaster").body();
        Matcher script = SCRIPT.matcher(html);
        assertTrue(script.find());
        assertEquals("<script src=\"" + script.group(1) + "\">", script.group(), "a classic script: run where it stands");
        assertTrue(html.contains("<link rel=\"preload\" as=\"script\" href=\"" + script.group(1) + "\">"), "preloaded as a script: " + html);
        int plot = html.indexOf("id=\"plot\""), boot = html.indexOf("id=\"boot\""), controls = html.indexOf("id=\"controls\"");
        assertTrue(plot > html.indexOf("<body") && plot < boot && boot < script.start() && script.start() < controls,
            "plot " + plot + ", boot block " + boot + ", script " + script.start() + ", form " + controls);
        assertTrue(html.indexOf("</script>", boot) < script.start(), "the boot block ends before the script");

        String embed = get("/embed?preset=momentum").body();
        Matcher module = SCRIPT.matcher(embed);
        assertTrue(module.find());
        assertTrue(module.group().startsWith("<script type=\"module\""), module.group());
        assertTrue(module.start() < embed.indexOf("</head>"), "the embed's module is in its head");
    }

    @Test
    void modules_served_one_by_one_run_as_modules_where_the_playground_puts_its_script() {
        String html = PlaygroundPage.render(ExperimentCodec.decode(Map.of()), null, null, AssetUrls.UNHASHED, Theme.DARK, null, Messages.english());
        assertTrue(html.contains("<script type=\"module\" src=\"/static/main.js\"></script>"), html);
        assertTrue(html.indexOf("id=\"boot\"") < html.indexOf("/static/main.js\"></script>"), html);
        assertFalse(html.contains("rel=\"preload\" as=\"script\""), "nothing to preload: " + html);
    }

    /** The name a bundle gives a module's exports: {@code format.js} → {@code __sgd_format}. */
    private static String scope(String module) {
        return "__sgd_" + module.replace(".js", "").replace('-', '_');
    }

    @Test
    void the_modules_the_page_imports_later_come_in_one_file_sharing_the_pages_modules_and_are_not_preloaded() throws Exception {
        String html = get("/?preset=roller-coaster").body();
        Matcher script = SCRIPT.matcher(html);
        assertTrue(script.find());
        Matcher later = Pattern.compile("import\\(['\"]\\./([^'\"]+)['\"]\\)").matcher(get(script.group(1)).body());
        Set<String> addresses = new LinkedHashSet<>();
        while (later.find()) addresses.add(later.group(1));
        assertEquals(1, addresses.size(), "one file: " + addresses);
        String name = addresses.iterator().next();
        assertTrue(name.matches("main\\.later\\.[0-9a-f]{16}\\.js"), name);
        HttpResponse<String> bundle = get("/assets/" + name);
        assertEquals(200, bundle.statusCode());
        assertEquals("public, max-age=31536000, immutable", bundle.headers().firstValue("Cache-Control").orElseThrow());
        for (String panel : List.of("teach.js", "owndata.js", "graph.js", "export.js")) {
            assertTrue(bundle.body().contains("const " + scope(panel) + " = (() => {"), panel);
            assertFalse(Pattern.compile(panel.replace(".js", "") + "\\.[0-9a-f]{16}\\.js").matcher(html).find(), panel + " waits for the first curve");
        }
        assertFalse(IMPORT.matcher(bundle.body()).find(), "it imports nothing: the page hands it its modules");
        assertFalse(bundle.body().contains("const " + scope("i18n.js") + " ="), "i18n.js runs once, in the page's file");
    }

    @Test
    void every_page_and_error_page_links_the_hashed_stylesheet() throws Exception {
        for (String path : List.of("/", "/embed", "/?lr=fast", "/embed?steps=lots", "/?points=AAAAAAAAAAAAAAAA")) {
            HttpResponse<String> r = get(path);
            assertEquals(Set.of("style.css"), sourceNames(STYLESHEET, r.body()), path + " (" + r.statusCode() + ")");
        }
    }

    @Test
    void a_hashed_file_is_cached_for_a_year_as_immutable_with_its_type() throws Exception {
        Matcher m = STYLESHEET.matcher(get("/").body());
        assertTrue(m.find());
        for (String href : List.of(m.group(1), firstModule())) {
            HttpResponse<String> r = get(href);
            assertEquals(200, r.statusCode(), href);
            assertEquals("public, max-age=31536000, immutable", r.headers().firstValue("Cache-Control").orElseThrow(), href);
        }
        assertEquals("text/css; charset=utf-8", get(m.group(1)).headers().firstValue("Content-Type").orElseThrow());
        assertEquals("text/javascript; charset=utf-8", get(firstModule()).headers().firstValue("Content-Type").orElseThrow());
    }

    private static String firstModule() throws Exception {
        Matcher m = SCRIPT.matcher(get("/").body());
        assertTrue(m.find());
        return m.group(1);
    }

    @Test
    void a_browser_taking_gzip_gets_the_file_compressed_once_and_any_other_client_the_same_bytes_as_they_are() throws Exception {
        String bundle = firstModule();
        HttpResponse<byte[]> plain = getBytes(bundle), gzipped = getBytes(bundle, "Accept-Encoding", "gzip, deflate, br, zstd");
        assertEquals(200, gzipped.statusCode());
        assertEquals("gzip", gzipped.headers().firstValue("Content-Encoding").orElseThrow());
        assertEquals("Accept-Encoding", gzipped.headers().firstValue("Vary").orElseThrow());
        assertEquals("Accept-Encoding", plain.headers().firstValue("Vary").orElseThrow());
        assertTrue(plain.headers().firstValue("Content-Encoding").isEmpty(), "no Accept-Encoding: the bytes as they are");
        byte[] unzipped;
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped.body()))) {
            unzipped = in.readAllBytes();
        }
        assertArrayEquals(plain.body(), unzipped, "the same file either way");
        assertEquals(String.valueOf(plain.body().length), plain.headers().firstValue("Content-Length").orElseThrow(), "not chunked");
        assertEquals(String.valueOf(gzipped.body().length), gzipped.headers().firstValue("Content-Length").orElseThrow());
        assertTrue(gzipped.body().length < plain.body().length / 2, gzipped.body().length + " bytes of " + plain.body().length);
        assertArrayEquals(gzipped.body(), getBytes(bundle, "Accept-Encoding", "gzip").body(), "compressed once: the same bytes again");
        HttpResponse<byte[]> refused = getBytes(bundle, "Accept-Encoding", "gzip;q=0, br");
        assertTrue(refused.headers().firstValue("Content-Encoding").isEmpty(), "gzip;q=0 refuses it");
        assertArrayEquals(plain.body(), refused.body());
    }

    @Test
    void a_file_too_small_to_gain_is_sent_as_it_is() throws Exception {
        Matcher icon = Pattern.compile("<link rel=\"icon\" href=\"([^\"]+)\"").matcher(get("/").body());
        assertTrue(icon.find());
        HttpResponse<byte[]> r = getBytes(icon.group(1), "Accept-Encoding", "gzip");
        assertTrue(r.body().length < AssetLimits.GZIP_MIN_BYTES, r.body().length + " bytes");
        assertTrue(r.headers().firstValue("Content-Encoding").isEmpty());
        assertEquals(r.body().length, getBytes(icon.group(1)).body().length);
    }

    @Test
    void accept_encoding_is_read_as_http_says() {
        for (String takes : List.of("gzip", "GZIP", "gzip, deflate, br, zstd", "br;q=1.0, gzip;q=0.5", "*", "x-gzip", "identity, *;q=0.1"))
            assertTrue(AssetRoutes.acceptsGzip(takes), takes);
        for (String refuses : List.of("", "identity", "br, zstd", "gzip;q=0", "gzip; q=0.000", "gzip;q = 0", "gzip;q=2", "*;q=0",
                 "br, *;q=0", "*, gzip;q=0"))
            assertFalse(AssetRoutes.acceptsGzip(refuses), refuses);
        assertFalse(AssetRoutes.acceptsGzip(null));
    }

    private static HttpResponse<byte[]> getBytes(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(APP.origin() + path));
        if (headers.length > 0) request.headers(headers);
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void an_outdated_hash_gets_the_current_file_not_to_be_cached_and_an_unknown_name_404() throws Exception {
        String current = firstModule();
        HttpResponse<String> outdated = get("/assets/main.0123456789abcdef.js");
        assertEquals(200, outdated.statusCode());
        assertEquals("no-cache", outdated.headers().firstValue("Cache-Control").orElseThrow());
        assertEquals(get(current).body(), outdated.body());
        assertEquals(404, get("/assets/nothing.0123456789abcdef.js").statusCode());
        assertEquals(404, get("/assets/main.js").statusCode(), "only hashed names live under /assets/");
    }

    @Test
    void the_plain_static_addresses_still_serve_the_source_as_written() throws Exception {
        HttpResponse<String> r = get("/static/main.js");
        assertEquals(200, r.statusCode());
        assertEquals(Files.readString(Path.of("web", "main.js")), r.body());
        assertEquals(200, get("/static/style.css").statusCode());
    }
}
