package org.sgdplayground.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.sgdplayground.experiment.Experiment;
import org.sgdplayground.experiment.ExperimentCodec;

/** The embed: the full page's readout without its status row, and only the controls the link leaves in. */
class EmbedPageTest {
    private static final Pattern READOUT = Pattern.compile("<dl class=\"readout\">.*?</dl>");
    private static final String STATUS_ROW = "<div class=\"outcome\"><dt>status</dt><dd id=\"outcome\">ready</dd></div>";

    private static String readout(String html) {
        Matcher m = READOUT.matcher(html);
        assertTrue(m.find(), "a readout");
        return m.group();
    }

    @Test
    void the_embed_shows_the_pages_readout_less_its_status_row() {
        Experiment e = ExperimentCodec.decode(Map.of("preset", "roller-coaster", "steps", "7"));
        String page = readout(PlaygroundPage.render(e, "/oembed")), embed = readout(EmbedPage.render(e, List.of(), "/oembed"));
        assertTrue(page.contains(STATUS_ROW), page);
        assertEquals(page.replace(STATUS_ROW, ""), embed);
        assertTrue(embed.contains("<span id=\"steps-total\"> / 7</span>"), embed);
        assertTrue(embed.contains(e.model().formula()), "the parameters are named by the model's formula");
    }

    @Test
    void the_embed_strip_has_the_model_and_the_learning_rate_minus_what_the_link_hides() {
        Experiment e = ExperimentCodec.decode(Map.of());
        String all = EmbedPage.render(e, List.of(), "/oembed"), slim = EmbedPage.render(e, List.of("lr", "step"), "/oembed");
        for (String field : List.of("name=\"model\"", "name=\"lr\"", "id=\"step\"", "id=\"reset\"")) {
            assertTrue(all.contains(field), field);
        }
        assertTrue(slim.contains("name=\"model\"") && slim.contains("id=\"reset\""));
        assertFalse(slim.contains("name=\"lr\"") || slim.contains("id=\"step\""), "hidden controls are left out");
        assertFalse(all.contains("name=\"steps\""), "the embed's strip is not the full form");
    }
}
