package org.sgdplayground.browser;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A blog on another origin (a tiny static server on another port) frames the embed, sizes it from its resize
 * messages and drives it by postMessage.
 */
class EmbedIT {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final int STEPS = 30;
    private static Browser browser;
    private static Blog blog;

    @BeforeAll
    static void start() {
        browser = new Browser();
        String embedSrc = browser.url("/embed?preset=fastai-sgd&steps=" + STEPS + "&speed=60&hide=lr");
        String html = """
            <!doctype html><html><head><meta charset="utf-8"><title>A blog post</title></head>
            <body><h1>Why the learning rate matters</h1><p>Watch the line below.</p>
            <iframe id="demo" src="%s" width="600" height="150" style="border:0"></iframe>
            <script>
              window.received = [];
              const frame = document.getElementById('demo');
              addEventListener('message', e => {
                if (e.source !== frame.contentWindow || !e.data || !e.data.sgdPlayground) return;
                received.push(e.data);
                if (e.data.sgdPlayground === 'resize') frame.height = e.data.height;
              });
              window.tell = message => frame.contentWindow.postMessage(message, '*');
            </script></body></html>
            """.formatted(Blog.attribute(embedSrc));
        String tall = """
            <!doctype html><html><head><meta charset="utf-8"><title>A long post</title></head>
            <body><p id="top">A long introduction.</p><div style="height:3000px"></div>
            <iframe id="demo" src="%s" width="600" height="480" style="border:0"></iframe></body></html>
            """.formatted(Blog.attribute(browser.url("/embed?preset=fastai-sgd&autoplay=1&steps=20")));
        blog = new Blog().page("/", html).page("/tall", tall);
    }

    @AfterAll
    static void stop() {
        if (blog != null) blog.close();
        if (browser != null) browser.close();
    }

    @Test
    void a_page_on_another_origin_sizes_the_frame_drives_it_and_hears_its_frames() {
        browser.resize(1000, 900);
        browser.driver.get(blog.url("/"));
        browser.waitUntil("the embed reports its height", WAIT, () -> !messages("resize").isEmpty());
        long reported = lastHeight();
        assertTrue(reported > 150, "the embed is taller than its starting frame: " + reported);
        browser.waitUntil("the blog sized the frame", WAIT,
            () -> ((Number) browser.js("return document.getElementById('demo').getBoundingClientRect().height")).longValue()
                == lastHeight());

        browser.js("tell({sgdPlayground: 'play'})");
        browser.waitUntil("frames arrive", WAIT, () -> messages("frame").size() >= 5);
        browser.waitUntil("the run is done", WAIT, () -> !messages("done").isEmpty());
        List<Map<String, Object>> frames = messages("frame");
        long last = ((Number) frames.get(frames.size() - 1).get("iter")).longValue();
        assertEquals(STEPS, last, "the last frame is the last step");
        double firstLoss = ((Number) frames.get(0).get("loss")).doubleValue();
        double lastLoss = ((Number) frames.get(frames.size() - 1).get("loss")).doubleValue();
        assertTrue(lastLoss < firstLoss, "the loss the blog hears falls");
        browser.screenshot("embed");

        browser.js("window.received.length = 0; tell({sgdPlayground: 'set', args: {lr: 30, steps: 200}})");
        browser.js("tell({sgdPlayground: 'play'})");
        browser.waitUntil("a learning rate of 30 diverges", WAIT, () -> !messages("diverged").isEmpty());
        browser.js("tell({sgdPlayground: 'reset'})");
        browser.waitUntil("reset answers with frame 0, after the divergence", WAIT, () -> Boolean.TRUE.equals(browser.js(
            "const r = window.received; const d = r.findIndex(m => m.sgdPlayground === 'diverged');"
                + "return d >= 0 && r.findLastIndex(m => m.sgdPlayground === 'frame' && m.iter === 0) > d;")));
        assertEquals(List.of(), browser.consoleProblems());
    }

    @Test
    void the_embed_connects_only_when_scrolled_into_view_and_then_autoplays() throws InterruptedException {
        browser.resize(1000, 900);
        browser.driver.get(blog.url("/tall"));
        browser.driver.switchTo().frame("demo");
        try {
            browser.waitUntil("the embed's script is ready", WAIT, () -> Boolean.TRUE.equals(browser.js("return !!window.sgdPlayground")));
            Thread.sleep(800);
            assertEquals(0L, browser.state().get("iter"), "off screen it shows frame 0, from its own page's boot block");
            assertEquals(false, browser.state().get("connected"), "and has opened no socket");
        } finally {
            browser.driver.switchTo().defaultContent();
        }
        browser.js("document.getElementById('demo').scrollIntoView()");
        browser.driver.switchTo().frame("demo");
        try {
            browser.waitUntil("autoplay runs the twenty steps once visible", WAIT, () -> "done".equals(browser.state().get("outcome")));
            assertEquals(20L, ((Number) browser.state().get("iter")).longValue());
        } finally {
            browser.driver.switchTo().defaultContent();
        }
    }

    @Test
    void settings_from_the_parent_before_the_embed_is_on_screen_open_it_paused_with_them() {
        browser.resize(1000, 900);
        browser.driver.get(blog.url("/tall"));
        browser.driver.switchTo().frame("demo");
        try {
            browser.waitUntil("the embed's script is ready", WAIT, () -> Boolean.TRUE.equals(browser.js("return !!window.sgdPlayground")));
        } finally {
            browser.driver.switchTo().defaultContent();
        }
        browser.js("document.getElementById('demo').contentWindow.postMessage({sgdPlayground: 'set', args: {steps: 5}}, '*')");
        browser.driver.switchTo().frame("demo");
        try {
            browser.waitUntil("the set opens the socket with its settings", WAIT, () -> browser.state().get("params") != null
                && String.valueOf(browser.state().get("query")).contains("steps=5"));
            Thread.sleep(500);
            assertEquals(0L, ((Number) browser.state().get("iter")).longValue(), "waiting at frame 0, autoplay or not");
            assertEquals(false, browser.state().get("running"));
            assertEquals("Play", browser.driver.findElement(org.openqa.selenium.By.id("play")).getText());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            browser.driver.switchTo().defaultContent();
        }
        assertEquals(List.of(), browser.consoleProblems());
    }

    @Test
    void the_embed_hides_the_controls_its_link_names_and_links_to_the_full_page() {
        browser.resize(480, 700);
        browser.driver.get(browser.url("/embed?preset=roller-coaster&hide=lr"));
        browser.waitUntil("the embed is live", WAIT, () -> Boolean.TRUE.equals(
            browser.js("return !!window.sgdPlayground && window.sgdPlayground.state().params !== null")));
        assertTrue(browser.driver.findElements(org.openqa.selenium.By.name("lr")).isEmpty(), "lr is hidden");
        assertFalse(browser.driver.findElements(org.openqa.selenium.By.name("model")).isEmpty(), "model is shown");
        String href = (String) browser.js("return document.getElementById('open-full').href");
        assertEquals(browser.url("/?" + browser.state().get("query")), href);
        assertTrue((Long) browser.js("return document.scrollingElement.scrollWidth") <= (Long) browser.js("return window.innerWidth"),
            "a narrow embed does not scroll sideways");
        browser.screenshot("embed-narrow");
        assertEquals(List.of(), browser.consoleProblems());
    }

    private static long lastHeight() {
        List<Map<String, Object>> resizes = messages("resize");
        return ((Number) resizes.get(resizes.size() - 1).get("height")).longValue();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> messages(String kind) {
        return (List<Map<String, Object>>) browser.js(
            "return window.received.filter(m => m.sgdPlayground === arguments[0])", kind);
    }
}
