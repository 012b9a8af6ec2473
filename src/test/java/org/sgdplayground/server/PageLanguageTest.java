package org.sgdplayground.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.sgdplayground.experiment.Parameter;
import org.sgdplayground.i18n.Messages;
import org.sgdplayground.json.Jackson;

/** Which language the pages speak: the link's {@code lang}, its preset's, the browser's Accept-Language, else English. */
class PageLanguageTest {
    @RegisterExtension
    static final LocalApp APP = new LocalApp();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Messages ES = Messages.of("es").orElseThrow(), EN = Messages.english();
    private static final Pattern HTML_LANG = Pattern.compile("<html lang=\"([^\"]+)\"");
    private static final Pattern BOOT = Pattern.compile("<script type=\"application/json\" id=\"boot\">(.*?)</script>", Pattern.DOTALL);

    private static HttpResponse<String> get(String pathAndQuery, String acceptLanguage) throws IOException, InterruptedException {
        return acceptLanguage == null ? APP.get(pathAndQuery) : APP.get(pathAndQuery, "Accept-Language", acceptLanguage);
    }

    private static String htmlLang(HttpResponse<String> r) {
        Matcher m = HTML_LANG.matcher(r.body());
        assertTrue(m.find(), "an <html lang>");
        return m.group(1);
    }

    @Test
    void accept_language_es_picks_spanish_and_the_answer_says_it_varies_with_it() throws Exception {
        HttpResponse<String> r = get("/", "es");
        assertEquals("es", htmlLang(r));
        assertTrue(r.body().contains(ES.text("site.tagline")), "the tagline in Spanish");
        assertFalse(r.body().contains(EN.text("site.tagline")));
        assertTrue(r.headers().allValues("Vary").contains("Accept-Language"), "varies with the header: " + r.headers().allValues("Vary"));
    }

    @Test
    void english_with_spanish_second_picks_english_as_does_no_header_at_all() throws Exception {
        assertEquals("en", htmlLang(get("/", "en-GB,es;q=0.5")));
        HttpResponse<String> none = get("/", null);
        assertEquals("en", htmlLang(none));
        assertTrue(none.body().contains(EN.text("site.tagline")));
    }

    @Test
    void a_links_lang_beats_the_header_and_the_spanish_preset_opens_in_spanish() throws Exception {
        HttpResponse<String> r = get("/?preset=fastai-sgd&lang=en", "es");
        assertEquals("en", htmlLang(r));
        assertFalse(r.headers().allValues("Vary").contains("Accept-Language"), "the link decided: the header did not matter");
        assertEquals("es", htmlLang(get("/?lang=es", "en")));
        assertEquals("es", htmlLang(get("/?preset=fastai-sgd-es", "en-US")));
        assertEquals("es", htmlLang(get("/embed?preset=fastai-sgd&lang=es", null)));
    }

    @Test
    void the_boot_block_carries_the_language_and_every_web_text_in_it() throws Exception {
        Matcher m = BOOT.matcher(get("/?lang=es", null).body());
        assertTrue(m.find());
        JsonNode boot = Jackson.MAPPER.readTree(m.group(1));
        assertEquals("es", boot.get("lang").asText());
        assertEquals("es", boot.get("settings").get("lang").asText(), "the browser's links keep the page's language");
        assertTrue(boot.get("query").asText().endsWith("&lang=es"), boot.get("query").asText());
        JsonNode messages = boot.get("messages");
        ES.withPrefix("web.").forEach((key, text) -> assertEquals(text, messages.get(key).asText(), key));
        assertEquals(ES.withPrefix("web.").size(), messages.size(), "web.* texts only");
        assertEquals(ES.text("preset.fastai-sgd.title"), boot.get("presets").get(0).get("title").asText());
    }

    @Test
    void the_language_switch_links_this_run_in_each_language_without_script() throws Exception {
        String page = get("/?preset=roller-coaster&lr=2e-5", "es").body();
        assertTrue(page.contains("<nav class=\"lang-switch\" aria-label=\"" + ES.text("lang.switch.label") + "\">"), "the switch, labelled in Spanish");
        assertTrue(page.contains("href=\"/?preset=roller-coaster&amp;lr=2e-5&amp;lang=en\""), "English, said outright");
        assertTrue(page.contains(">" + EN.text("language.name") + "</a>"));
        assertTrue(page.contains("data-lang=\"es\" hreflang=\"es\" lang=\"es\" aria-current=\"true\">" + ES.text("language.name") + "</a>"),
            "Spanish, marked as this page's");
    }

    @Test
    void a_bad_setting_on_a_spanish_link_gets_a_spanish_page_while_the_api_stays_english() throws Exception {
        HttpResponse<String> page = get("/?lang=es&lr=abc", null);
        assertEquals(400, page.statusCode());
        assertEquals("es", htmlLang(page));
        assertTrue(page.body().contains(ES.text("error.bad.heading")), "the heading in Spanish");
        assertTrue(page.body().contains(ES.text("allowed.real.between", "low", ES.text("allowed.real.above", "min", "0"),
            "high", ES.text("allowed.real.atMost", "max", "1000"))), "what lr allows, in Spanish");
        assertTrue(page.body().contains("href=\"/?lang=es\""), "the way back keeps the language");

        HttpResponse<String> api = HTTP.send(HttpRequest.newBuilder(URI.create(APP.origin() + "/api/train?lang=es&lr=abc"))
            .header("Accept-Language", "es").POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, api.statusCode());
        JsonNode error = Jackson.MAPPER.readTree(api.body());
        assertEquals("lr", error.get("parameter").asText());
        assertEquals(Parameter.LR.domain().allowed(), error.get("allowed").asText(), "the API's words stay the table's English");
    }

    @Test
    void an_unknown_language_is_refused_by_a_page_in_the_browsers_language() throws Exception {
        HttpResponse<String> r = get("/?lang=fr", "es");
        assertEquals(400, r.statusCode());
        assertEquals("es", htmlLang(r));
        assertTrue(r.body().contains("<code>lang</code>"));
    }

    @Test
    void unknown_points_on_a_spanish_link_get_a_spanish_404() throws Exception {
        HttpResponse<String> r = get("/?lang=es&points=AAAAAAAAAAAAAAAA", null);
        assertEquals(404, r.statusCode());
        assertTrue(r.body().contains(ES.text("error.points.heading")), r.body());
    }

    @Test
    void a_browser_asking_for_an_address_we_do_not_have_gets_a_404_page_in_its_language() throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(APP.origin() + "/no/such/page"))
            .header("Accept", "text/html").header("Accept-Language", "es-ES,es;q=0.9").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(404, r.statusCode());
        assertEquals("es", htmlLang(r));
        assertTrue(r.body().contains(ES.text("error.notFound.heading")));
        assertTrue(r.body().contains("href=\"/?lang=es\""), "the way to the playground keeps the language");
        HttpResponse<String> points = HTTP.send(HttpRequest.newBuilder(URI.create(APP.origin() + "/api/points/AAAAAAAAAAAAAAAA"))
            .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(404, points.statusCode());
        assertEquals("points", Jackson.MAPPER.readTree(points.body()).get("parameter").asText(), "the API's 404 stays its JSON");
    }
}
