package org.sgdplayground.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Calls made before the socket has opened are kept and applied once the run is there: {@code play()} from a
 * script the moment the document is parsed, and a blog's {@code {sgdPlayground: "play"}} on the frame's load
 * event, start the run on every one of twenty fresh loads.
 */
class EarlyCallsIT {
    private static final int LOADS = 20;
    private static final int STEPS = 20;
    private static final String RUN = "preset=fastai-sgd&steps=" + STEPS + "&speed=200";
    private static final Duration ONE_RUN = Duration.ofSeconds(10);
    private static Browser browser;
    private static Blog blog;

    @BeforeAll
    static void start() {
        browser = new Browser();
        blog = new Blog().page("/", """
            <!doctype html><html><head><meta charset="utf-8"><title>A blog post</title></head>
            <body><p>Watch it walk.</p>
            <iframe id="demo" src="%s" title="SGD Playground" width="720" height="480" style="border:0"></iframe>
            <script>
              window.received = [];
              const frame = document.getElementById('demo');
              frame.addEventListener('load', () => frame.contentWindow.postMessage({sgdPlayground: 'play'}, '*'));
              addEventListener('message', e => { if (e.source === frame.contentWindow) received.push(e.data); });
            </script></body></html>
            """.formatted(Blog.attribute(browser.url("/embed?" + RUN))));
    }

    @AfterAll
    static void stop() {
        if (blog != null) blog.close();
        if (browser != null) browser.close();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/", "/embed"})
    void play_called_as_soon_as_the_document_is_parsed_runs_to_the_end_on_every_load(String path) {
        String script = (String) browser.driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", """
            document.addEventListener('DOMContentLoaded', () => {
              window.runAtCall = window.sgdPlayground.state().connected; // the run may be there already: the boot block drew it
              window.sgdPlayground.play();
            });""")).get("identifier");
        List<String> failed = new ArrayList<>();
        int runMissingAtCall = 0;
        try {
            for (int load = 1; load <= LOADS; load++) {
                browser.driver.get(browser.url(path + "?" + RUN));
                if (!reachesTheEnd(() -> browser.state())) failed.add("load " + load + ": " + browser.state());
                if (Boolean.FALSE.equals(browser.js("return window.runAtCall"))) runMissingAtCall++;
            }
        } finally {
            browser.driver.executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument", Map.of("identifier", script));
        }
        assertEquals(List.of(), failed, path + ": every load plays to the end");
        assertTrue(runMissingAtCall >= LOADS / 2, "play() came before the socket opened in " + runMissingAtCall + " of " + LOADS + " loads");
        assertEquals(List.of(), browser.consoleProblems());
    }

    @Test
    void a_play_message_sent_on_the_frames_load_event_runs_the_embed_to_the_end_on_every_load() {
        browser.resize(1000, 900);
        List<String> failed = new ArrayList<>();
        for (int load = 1; load <= LOADS; load++) {
            browser.driver.get(blog.url("/"));
            if (!reachesTheEnd(EarlyCallsIT::lastOutcomeHeard)) failed.add("load " + load + ": heard " + browser.js("return window.received"));
        }
        assertEquals(List.of(), failed, "every load plays to the end");
        assertEquals(List.of(), browser.consoleProblems());
    }

    /**
     * A new setting from a script before the page has opened its socket (which waits for the frame that paints the
     * boot run) is the run that plays: the page opens one socket, for it, and the form and the address show it, not
     * the boot run's settings arriving after it.
     */
    @Test
    void a_setting_changed_as_soon_as_the_document_is_parsed_is_the_run_that_plays_on_every_load() {
        String script = (String) browser.driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", """
            window.socketsOpened = 0;
            const Real = window.WebSocket;
            window.WebSocket = class extends Real {
              constructor(url, protocols) { super(url, protocols); window.socketsOpened++; }
            };
            document.addEventListener('DOMContentLoaded', () => {
              window.connectedAtCall = window.sgdPlayground.state().connected;
              window.sgdPlayground.set({ lr: 0.05 });
            });""")).get("identifier");
        List<String> failed = new ArrayList<>();
        int beforeTheSocket = 0;
        try {
            for (int load = 1; load <= LOADS / 4; load++) {
                browser.driver.get(browser.url("/?" + RUN));
                browser.js("window.sgdPlayground.play()");
                if (!reachesTheEnd(() -> browser.state())) failed.add("load " + load + ": did not end: " + browser.state());
                Map<String, Object> seen = Map.of("query", browser.state().get("query"), "address", browser.js("return location.search"),
                    "lr", browser.js("return document.getElementById('f-lr').value"), "sockets", browser.js("return window.socketsOpened"));
                if (!String.valueOf(seen.get("query")).contains("lr=0.05") || !String.valueOf(seen.get("address")).contains("lr=0.05")
                    || !"0.05".equals(seen.get("lr")) || ((Number) seen.get("sockets")).intValue() != 1) {
                    failed.add("load " + load + ": " + seen);
                }
                if (Boolean.FALSE.equals(browser.js("return window.connectedAtCall"))) beforeTheSocket++;
            }
        } finally {
            browser.driver.executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument", Map.of("identifier", script));
        }
        assertEquals(List.of(), failed, "the new setting's run, one socket, the form and the address agreeing");
        assertTrue(beforeTheSocket >= LOADS / 8, "set() came before the socket opened in " + beforeTheSocket + " of " + LOADS / 4 + " loads");
        assertEquals(List.of(), browser.consoleProblems());
    }

    /** Whether the run reports `done` at its last step within a few seconds. */
    private static boolean reachesTheEnd(java.util.function.Supplier<Map<String, Object>> state) {
        try {
            browser.waitUntil("the run ends", ONE_RUN, () -> {
                Map<String, Object> s = state.get();
                return s != null && "done".equals(s.get("outcome")) && ((Number) s.get("iter")).intValue() == STEPS;
            });
            return true;
        } catch (AssertionError timedOut) {
            return false;
        }
    }

    /** The embed's last done message as {outcome, iter}, or null. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> lastOutcomeHeard() {
        return (Map<String, Object>) browser.js("""
            const done = window.received.filter(m => m.sgdPlayground === 'done').pop();
            return done ? {outcome: 'done', iter: done.iter} : null;""");
    }
}
