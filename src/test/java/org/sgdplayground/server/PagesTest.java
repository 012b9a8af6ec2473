package org.sgdplayground.server;

import org.sgdplayground.json.Jackson;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PagesTest {
    @RegisterExtension
    static final LocalApp APP = new LocalApp();

    private static HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return APP.get(pathAndQuery);
    }

    @Test
    void the_page_may_be_framed_only_by_itself_and_the_embed_by_anyone() throws Exception {
        HttpResponse<String> page = get("/"), embed = get("/embed?preset=roller-coaster");
        assertEquals(200, page.statusCode());
        assertEquals(200, embed.statusCode());
        String pagePolicy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        String embedPolicy = embed.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertTrue(pagePolicy.contains("frame-ancestors 'self'"), pagePolicy);
        assertTrue(embedPolicy.contains("frame-ancestors *"), embedPolicy);
        assertTrue(embedPolicy.contains("script-src 'self'"), "the embed is no less strict about scripts");
        assertTrue(embed.headers().firstValue("X-Frame-Options").isEmpty(), "no X-Frame-Options on the embed");
    }

    @Test
    void a_bad_setting_gets_a_friendly_400_page_with_the_value_escaped() throws Exception {
        HttpResponse<String> r = get("/?lr=" + URLEncoder.encode("<script>alert(1)</script>", StandardCharsets.UTF_8) + "&seed=3");
        assertEquals(400, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertFalse(r.body().contains("<script>alert(1)"));
        assertTrue(r.body().contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assertTrue(r.body().contains("href=\"/?seed=3\""), "a link to the same experiment without the bad setting");
        assertEquals(400, get("/embed?steps=lots").statusCode());
    }

    @Test
    void both_pages_carry_the_oembed_discovery_link() throws Exception {
        for (String path : new String[] {"/?preset=momentum", "/embed?preset=momentum"}) {
            String body = get(path).body();
            String expected = APP.origin() + "/oembed?format=json&amp;url=" + URLEncoder.encode(APP.origin() + path, StandardCharsets.UTF_8);
            assertTrue(body.contains("<link rel=\"alternate\" type=\"application/json+oembed\" href=\"" + expected + "\""), path);
        }
    }

    @Test
    void oembed_answers_json_for_our_links_and_refuses_the_rest_with_the_right_status() throws Exception {
        String ours = URLEncoder.encode(APP.origin() + "/?preset=momentum", StandardCharsets.UTF_8);
        HttpResponse<String> ok = get("/oembed?url=" + ours + "&maxwidth=480&format=json");
        assertEquals(200, ok.statusCode());
        assertTrue(ok.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        var json = Jackson.MAPPER.readTree(ok.body());
        assertEquals("rich", json.get("type").asText());
        assertEquals(480, json.get("width").asInt());
        assertEquals(404, get("/oembed?url=" + URLEncoder.encode("https://elsewhere.example/", StandardCharsets.UTF_8)).statusCode());
        assertEquals(501, get("/oembed?url=" + ours + "&format=xml").statusCode());
        HttpResponse<String> bad = get("/oembed?url=" + ours + "&maxwidth=huge");
        assertEquals(400, bad.statusCode());
        assertEquals("maxwidth", Jackson.MAPPER.readTree(bad.body()).get("parameter").asText());
    }
}
