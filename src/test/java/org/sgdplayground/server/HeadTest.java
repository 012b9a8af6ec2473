package org.sgdplayground.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.http.HandlerType;
import io.javalin.router.ParsedEndpoint;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** HEAD on every GET route answers what GET answers, status and headers, with no body (issue #14, item 3). */
class HeadTest {
    @RegisterExtension
    static final LocalApp APP = new LocalApp();

    /** Every GET route the app has, read from its router, so a route added later is covered without a new test. */
    private static List<String> getRoutes() {
        List<String> paths = new ArrayList<>();
        for (ParsedEndpoint route : APP.javalin().unsafe.internalRouter.allHttpHandlers()) {
            if (route.endpoint.method == HandlerType.GET) paths.add(route.endpoint.path.replaceAll("[{<][^}>]*[}>]", "1"));
        }
        return paths;
    }

    @Test
    void the_app_has_the_get_routes_this_test_is_meant_to_cover() {
        assertTrue(getRoutes().containsAll(List.of("/", "/embed", "/oembed", "/healthz", "/api/presets")), getRoutes().toString());
    }

    @Test
    void every_get_route_answers_head_with_the_same_status_and_headers_and_no_body() throws IOException {
        for (String path : getRoutes()) {
            for (String encoding : new String[] {null, "gzip"}) {
                Answer get = ask("GET", path, encoding), head = ask("HEAD", path, encoding);
                assertEquals(get.status(), head.status(), path);
                assertEquals(get.headers(), head.headers(), path + " with Accept-Encoding " + encoding);
                assertEquals(0, head.body().length, path + ": HEAD has no body");
                assertTrue(get.body().length > 0, path + ": GET has one");
            }
        }
    }

    @Test
    void a_bad_parameter_gets_the_same_400_on_head_as_on_get() throws IOException {
        String elsewhere = URLEncoder.encode("https://elsewhere.example/", StandardCharsets.UTF_8);
        for (String path : List.of("/?lr=abc", "/embed?steps=lots", "/oembed?url=" + elsewhere, "/oembed")) {
            Answer get = ask("GET", path, null), head = ask("HEAD", path, null);
            assertTrue(get.status() >= 400 && get.status() < 500, path + " is refused: " + get.status());
            assertEquals(get.status(), head.status(), path);
            assertEquals(get.headers(), head.headers(), path);
            assertEquals(0, head.body().length, path);
        }
        assertEquals(400, ask("HEAD", "/embed?lr=abc", null).status(), "the issue's own case");
    }

    @Test
    void the_pages_tell_their_length_and_their_type_on_head() throws IOException {
        for (String path : List.of("/", "/embed", "/?preset=roller-coaster")) {
            Answer get = ask("GET", path, null), head = ask("HEAD", path, null);
            assertEquals(Integer.toString(get.body().length), head.headers().get("content-length"), path);
            assertTrue(head.headers().get("content-type").startsWith("text/html"), path);
            assertTrue(head.headers().containsKey("content-security-policy"), path);
            assertFalse(head.headers().containsKey("transfer-encoding"), path);
        }
    }

    @Test
    void a_static_file_answers_head_as_it_did_before() throws IOException {
        Answer get = ask("GET", "/static/main.js", null), head = ask("HEAD", "/static/main.js", null);
        assertEquals(200, head.status());
        assertEquals(get.headers(), head.headers());
        assertEquals(0, head.body().length);
    }

    /** Status, headers (lower-cased names, less Date) and the bytes after the headers, exactly as on the wire. */
    private record Answer(int status, Map<String, String> headers, byte[] body) {}

    /** One request on its own connection, read to the end: a HEAD that sent a body would show it here. */
    private static Answer ask(String method, String pathAndQuery, String acceptEncoding) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", APP.port())) {
            socket.setSoTimeout(10_000);
            String request = method + " " + pathAndQuery + " HTTP/1.1\r\nHost: 127.0.0.1:" + APP.port() + "\r\n"
                + (acceptEncoding == null ? "" : "Accept-Encoding: " + acceptEncoding + "\r\n") + "Connection: close\r\n\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            byte[] all = readAll(socket.getInputStream());
            int end = indexOf(all, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            String[] lines = new String(all, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
            Map<String, String> headers = new TreeMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                String name = lines[i].substring(0, colon).trim().toLowerCase();
                if (!name.equals("date")) headers.put(name, lines[i].substring(colon + 1).trim());
            }
            byte[] body = java.util.Arrays.copyOfRange(all, end + 4, all.length);
            return new Answer(Integer.parseInt(lines[0].split(" ")[1]), headers, body);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toByteArray();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) if (haystack[i + j] != needle[j]) continue outer;
            return i;
        }
        throw new AssertionError("no end of headers in " + new String(haystack, StandardCharsets.ISO_8859_1));
    }
}
