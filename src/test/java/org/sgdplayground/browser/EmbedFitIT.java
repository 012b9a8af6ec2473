package org.sgdplayground.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.sgdplayground.experiment.ExperimentCodec;
import org.sgdplayground.experiment.QueryStrings;
import org.sgdplayground.experiment.Race;

/**
 * Like a video, the embed lays itself out to the box a blog gives it, with no script on the blog's side: plot,
 * transport and readout on screen without an inner scrollbar, the plot taking the room left, drawn sharp on a
 * high-DPI screen, and drawn again when the box changes.
 */
class EmbedFitIT {
    private static final Duration WAIT = Duration.ofSeconds(15);
    /** The plot's least share of the frame's height. */
    private static final double PLOT_SHARE = 0.4;
    private static Browser browser;
    private static Blog blog;

    @BeforeAll
    static void start() {
        browser = new Browser();
        blog = new Blog();
        String src = Blog.attribute(browser.url("/embed?preset=fastai-sgd&steps=40&speed=200"));
        for (int[] size : new int[][] {{720, 480}, {560, 400}, {360, 640}, {360, 480}}) {
            blog.page("/" + size[0] + "x" + size[1], """
                <!doctype html><html><head><meta charset="utf-8"><title>A blog post</title><link rel="icon" href="data:,"></head>
                <body style="margin:8px;background:#ddd"><iframe id="demo" src="%s" title="SGD Playground" width="%d" height="%d"
                style="border:0"></iframe></body></html>
                """.formatted(src, size[0], size[1]));
        }
        racePages();
    }

    /** A race embedded as a blog would: its leaderboard, compact, must fit beside the plot. */
    private static final String RACE = "preset=race-noisy&speed=1000";

    private static void racePages() {
        String src = Blog.attribute(browser.url("/embed?" + RACE));
        for (int[] size : new int[][] {{720, 480}, {560, 400}, {360, 640}}) {
            blog.page("/race-" + size[0] + "x" + size[1], """
                <!doctype html><html><head><meta charset="utf-8"><title>A race</title><link rel="icon" href="data:,"></head>
                <body style="margin:8px"><iframe id="demo" src="%s" title="SGD Playground" width="%d" height="%d"
                style="border:0"></iframe></body></html>
                """.formatted(src, size[0], size[1]));
        }
    }

    @AfterAll
    static void stop() {
        if (blog != null) blog.close();
        if (browser != null) browser.close();
    }

    @BeforeEach
    void highDpiScreen() {
        browser.driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
            Map.of("width", 1000, "height", 800, "deviceScaleFactor", 2, "mobile", false));
    }

    @AfterEach
    void ordinaryScreen() {
        browser.driver.switchTo().defaultContent();
        browser.driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }

    @ParameterizedTest(name = "{0}×{1}")
    @CsvSource({"720, 480", "560, 400", "360, 640", "360, 480"})
    void the_embed_fits_its_frame_with_the_plot_taking_the_room_left(int width, int height) {
        browser.driver.get(blog.url("/" + width + "x" + height));
        browser.driver.switchTo().frame("demo");
        browser.waitUntil("the embed is live", WAIT, () -> Boolean.TRUE.equals(
            browser.js("return !!window.sgdPlayground && window.sgdPlayground.state().params !== null")));
        browser.js("window.sgdPlayground.play()");
        browser.waitUntil("the run ends", WAIT, () -> "done".equals(browser.state().get("outcome")));
        assertFits(width, height);
        browser.driver.switchTo().defaultContent();
        browser.screenshot("embed-fit-" + width + "x" + height);
    }

    @ParameterizedTest(name = "{0}×{1}")
    @CsvSource({"720, 480", "560, 400", "360, 640"})
    void an_embedded_race_shows_each_lanes_arrival_on_one_wrapping_line_and_still_fits(int width, int height) {
        browser.driver.get(blog.url("/race-" + width + "x" + height));
        browser.driver.switchTo().frame("demo");
        browser.waitUntil("the embed is live", WAIT, () -> Boolean.TRUE.equals(
            browser.js("return !!window.sgdPlayground && window.sgdPlayground.state().params !== null")));
        browser.js("window.sgdPlayground.play()");
        browser.waitUntil("the race ends", Duration.ofSeconds(30), () -> "done".equals(browser.state().get("outcome")));
        int[] expected = RaceIT.arrivals(RACE);
        List<String> labels = Race.entries(ExperimentCodec.decode(QueryStrings.parse(RACE))).stream().map(Race.Entry::label).toList();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = (List<Map<String, Object>>) browser.js("""
            return [...document.querySelectorAll('#leaderboard.compact li')].map(li => ({lane: li.querySelector('code').textContent, verdict: li.querySelector('.verdict').textContent, title: li.title,
              swatch: getComputedStyle(li).borderLeftColor, top: li.getBoundingClientRect().top}));""");
        assertEquals(expected.length, rows.size(), "a row a lane: " + rows);
        for (int k = 0; k < expected.length; k++) {
            String where = "lane " + k + " at " + width + "×" + height + ": " + rows.get(k);
            assertTrue(expected[k] >= 0, where);
            assertEquals("1% of L* at " + expected[k], rows.get(k).get("verdict"), where);
            assertEquals(labels.get(k), rows.get(k).get("lane"), "named as the race names it, " + where);
            assertEquals("within 1% of L* at iteration " + expected[k], rows.get(k).get("title"), "the whole sentence on hover, " + where);
            String hex = RaceIT.LANE_COLOURS.get(k);
            assertEquals("rgb(" + Integer.parseInt(hex.substring(1, 3), 16) + ", " + Integer.parseInt(hex.substring(3, 5), 16) + ", "
                + Integer.parseInt(hex.substring(5, 7), 16) + ")", rows.get(k).get("swatch"), "in the lane's colour, " + where);
        }
        assertEquals(true, browser.js("""
            const h = document.querySelector('#leaderboard h2'), r = h.getBoundingClientRect();
            return r.width <= 1 && r.height <= 1 && h.textContent.length > 0;"""), "the title is there for screen readers only");
        long lines = rows.stream().map(r -> ((Number) r.get("top")).longValue()).distinct().count();
        assertTrue(lines < rows.size() || width < 400, "lanes share lines where there is room: " + rows);
        assertFits(width, height);
        assertEquals(true, browser.js("""
            const r = document.getElementById('leaderboard').getBoundingClientRect();
            return r.top >= 0 && r.bottom <= innerHeight;"""), "the board is on screen");
        browser.driver.switchTo().defaultContent();
        browser.screenshot("embed-race-" + width + "x" + height);
    }

    @ParameterizedTest(name = "on a {0} px wide page")
    @CsvSource({"1000", "375"})
    void the_embed_dialogs_snippet_pasted_into_a_post_fits_with_no_script(int pageWidth) {
        browser.driver.get(browser.url("/?preset=roller-coaster&steps=20&speed=200"));
        browser.driver.findElement(By.id("embed-button")).click();
        String snippet = browser.driver.findElement(By.id("embed-snippet")).getAttribute("value");
        assertTrue(!snippet.contains("<script"), snippet);
        blog.page("/snippet-" + pageWidth, """
            <!doctype html><html><head><meta charset="utf-8"><title>A post</title><link rel="icon" href="data:,">
            <meta name="viewport" content="width=device-width, initial-scale=1"></head>
            <body style="margin:8px"><p>The roller coaster, live:</p>%s</body></html>""".formatted(snippet));
        browser.driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
            Map.of("width", pageWidth, "height", 800, "deviceScaleFactor", 2, "mobile", pageWidth < 500));
        browser.driver.get(blog.url("/snippet-" + pageWidth));
        browser.driver.switchTo().frame(browser.driver.findElement(By.tagName("iframe")));
        browser.waitUntil("the embed is live", WAIT, () -> Boolean.TRUE.equals(
            browser.js("return !!window.sgdPlayground && window.sgdPlayground.state().params !== null")));
        long width = (Long) browser.js("return innerWidth"), height = (Long) browser.js("return innerHeight");
        assertEquals(Math.min(720, pageWidth - 16), width, "the frame spans the column, up to 720 px");
        assertFits((int) width, (int) height);
        browser.driver.switchTo().defaultContent();
        browser.screenshot("embed-snippet-" + pageWidth);
    }

    @Test
    void a_frame_that_changes_size_gets_a_plot_redrawn_at_the_new_size() {
        browser.driver.get(blog.url("/720x480"));
        browser.driver.switchTo().frame("demo");
        browser.waitUntil("the embed is live", WAIT, () -> Boolean.TRUE.equals(
            browser.js("return !!window.sgdPlayground && window.sgdPlayground.state().params !== null")));
        browser.driver.switchTo().defaultContent();
        browser.js("const f = document.getElementById('demo'); f.width = 560; f.height = 400;");
        browser.driver.switchTo().frame("demo");
        browser.waitUntil("the plot is redrawn at its new size", WAIT, () -> Boolean.TRUE.equals(browser.js("""
            const c = document.getElementById('plot');
            return c.width === Math.round(c.clientWidth * devicePixelRatio) && c.height === Math.round(c.clientHeight * devicePixelRatio)
              && innerWidth === 560;""")));
        assertFits(560, 400);
        long drawn = (Long) browser.js("""
            const c = document.getElementById('plot'), d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
            let differ = 0;
            for (let i = 0; i < d.length; i += 4) if (d[i] !== d[0] || d[i + 1] !== d[1] || d[i + 2] !== d[2]) differ++;
            return differ;""");
        assertTrue(drawn > 5000, "the points, axes and curve are drawn again: " + drawn + " pixels off the background");
    }

    /** Inside the frame: no scrolling, the plot, Play and the readout on screen, the plot big and sharp. */
    private static void assertFits(int width, int height) {
        @SuppressWarnings("unchecked")
        Map<String, Object> box = (Map<String, Object>) browser.js("""
            const inside = id => { const r = document.querySelector(id).getBoundingClientRect();
              return r.width > 0 && r.left >= 0 && r.top >= 0 && r.right <= innerWidth && r.bottom <= innerHeight; };
            const plot = document.getElementById('plot'), s = document.scrollingElement;
            return {width: innerWidth, height: innerHeight, scrollHeight: s.scrollHeight, scrollWidth: s.scrollWidth,
                    plot: inside('#plot'), play: inside('#play'), readout: inside('.readout'), loss: inside('#loss'),
                    plotHeight: plot.clientHeight, backing: plot.height, dpr: devicePixelRatio};""");
        String where = width + "×" + height + ": " + box;
        assertEquals(List.of((long) width, (long) height), List.of(box.get("width"), box.get("height")), where);
        assertTrue((Long) box.get("scrollHeight") <= height && (Long) box.get("scrollWidth") <= width, "no inner scrolling at " + where);
        for (String part : List.of("plot", "play", "readout", "loss")) assertEquals(true, box.get(part), part + " on screen at " + where);
        assertTrue((Long) box.get("plotHeight") >= PLOT_SHARE * height, "the plot takes the room at " + where);
        assertEquals(2L, ((Number) box.get("dpr")).longValue());
        assertEquals(2 * (Long) box.get("plotHeight"), (Long) box.get("backing"), "two device pixels per CSS pixel at " + where);
        assertEquals(List.of(), browser.consoleProblems());
    }
}
