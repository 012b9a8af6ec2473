package org.sgdplayground.page;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sgdplayground.experiment.ExperimentCodec;
import org.sgdplayground.experiment.InvalidParameterException;
import org.sgdplayground.experiment.Presets;
import org.sgdplayground.experiment.QueryStrings;

class OEmbedTest {
    private static final String ORIGIN = "https://sgd.example";

    @Test
    void a_playground_link_gets_a_rich_oembed_answer_whose_iframe_is_the_embed_of_the_same_experiment() {
        String query = "preset=roller-coaster&lr=2e-5";
        Map<String, Object> answer = OEmbed.answer(ORIGIN, ORIGIN + "/?" + query, null, null, "json");
        assertEquals("rich", answer.get("type"));
        assertEquals("1.0", answer.get("version"));
        assertEquals("SGD Playground", answer.get("provider_name"));
        assertEquals(ORIGIN + "/", answer.get("provider_url"));
        assertEquals("SGD Playground: " + Presets.byName("roller-coaster").orElseThrow().title(), answer.get("title"));
        assertEquals(OEmbed.DEFAULT_WIDTH, answer.get("width"));
        assertEquals(OEmbed.DEFAULT_HEIGHT, answer.get("height"));
        String canonical = ExperimentCodec.encode(ExperimentCodec.decode(QueryStrings.parse(query)));
        String html = (String) answer.get("html");
        assertTrue(html.startsWith("<iframe src=\"" + ORIGIN + "/embed?" + canonical.replace("&", "&amp;") + "\""), html);
        assertTrue(html.contains("width=\"" + OEmbed.DEFAULT_WIDTH + "\""));
    }

    @Test
    void maxwidth_and_maxheight_bound_the_frame() {
        Map<String, Object> answer = OEmbed.answer(ORIGIN, ORIGIN + "/", "400", "300", null);
        assertEquals(400, answer.get("width"));
        assertEquals(300, answer.get("height"));
        assertTrue(((String) answer.get("html")).contains("width=\"400\" height=\"300\""));
        Map<String, Object> roomy = OEmbed.answer(ORIGIN, ORIGIN + "/", "5000", "5000", null);
        assertEquals(OEmbed.DEFAULT_WIDTH, roomy.get("width"), "a roomy consumer gets the natural size, not more");
    }

    @Test
    void a_link_to_another_site_or_another_path_is_not_found() {
        for (String url : new String[] {"https://evil.example/?preset=fastai-sgd", "http://sgd.example/", ORIGIN + "/api/presets", "not a url at all"}) {
            OEmbed.Refusal refusal = assertThrows(OEmbed.Refusal.class, () -> OEmbed.answer(ORIGIN, url, null, null, null), url);
            assertEquals(404, refusal.status(), url);
        }
    }

    @Test
    void a_format_other_than_json_is_not_implemented() {
        OEmbed.Refusal refusal = assertThrows(OEmbed.Refusal.class, () -> OEmbed.answer(ORIGIN, ORIGIN + "/", null, null, "xml"));
        assertEquals(501, refusal.status());
    }

    @Test
    void a_bad_maxwidth_names_the_argument_and_what_is_allowed() {
        for (String bad : new String[] {"-3", "0", "wide", "1e3", "99999999999"}) {
            InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> OEmbed.answer(ORIGIN, ORIGIN + "/", bad, null, null));
            assertEquals("maxwidth", e.parameter());
            assertTrue(e.allowed().contains("pixels"));
        }
    }

    @Test
    void hostile_text_in_the_link_never_reaches_the_html_unescaped() {
        String url = ORIGIN + "/?preset=fastai-sgd&utm_source=%22%3E%3Cscript%3Ealert(1)%3C/script%3E&hide=%22%3E%3Cscript%3E";
        String html = (String) OEmbed.answer(ORIGIN, url, null, null, null).get("html");
        assertFalse(html.contains("<script"), html);
        assertEquals(1, html.split("\"", -1).length % 2, "quotes balance: every attribute is closed");
        assertEquals("a&amp;b&quot;&lt;&gt;", OEmbed.attribute("a&b\"<>"));
    }

    @Test
    void the_embed_keeps_the_links_hide_list() {
        String html = (String) OEmbed.answer(ORIGIN, ORIGIN + "/embed?preset=fastai-sgd&hide=lr,model", null, null, null).get("html");
        assertTrue(html.contains("hide=lr,model"), html);
    }
}
