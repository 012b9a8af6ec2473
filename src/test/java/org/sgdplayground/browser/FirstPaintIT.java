package org.sgdplayground.browser;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sgdplayground.experiment.Experiment;
import org.sgdplayground.experiment.ExperimentCodec;
import org.sgdplayground.experiment.QueryStrings;

/**
 * The first curve without the socket: the page carries its points and frame 0 in its boot block, draws them at
 * once (the socket and the panels wait for the frame that paints them), and the socket it opens (saying {@code have=KEY}) brings the frames after frame 0 without the points.
 */
class FirstPaintIT extends PageTest {
    private static final String RUN = "preset=fastai-sgd&speed=500";

    /** Replaces WebSocket before any script runs: with one that never opens, or one that logs every message. */
    private static String install(String source) {
        return (String) browser.driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", source)).get("identifier");
    }

    private static void uninstall(String id) {
        browser.driver.executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument", Map.of("identifier", id));
    }

    @Test
    void with_its_socket_never_opening_the_page_draws_the_points_and_the_curve_at_frame_0() {
        Experiment e = ExperimentCodec.decode(QueryStrings.parse(RUN));
        String id = install("""
            window.blockedSockets = [];
            window.WebSocket = class {
              static CONNECTING = 0; static OPEN = 1; static CLOSING = 2; static CLOSED = 3;
              constructor(url) { this.url = url; this.readyState = 0; window.blockedSockets.push(url); }
              send() {}
              close() { this.readyState = 3; }
            };""");
        try {
            browser.driver.get(browser.url("/?" + RUN));
            browser.waitUntil("the boot block's run is on screen", Duration.ofSeconds(10),
                () -> Boolean.TRUE.equals(browser.js("return !!window.sgdPlayground && window.sgdPlayground.state().params !== null")));
            Map<String, Object> s = browser.state();
            assertEquals(0L, s.get("iter"), "frame 0");
            assertEquals(List.of(e.init()[0], e.init()[1]), s.get("params"), "at the preset's start");
            assertEquals(false, s.get("connected"), "with no socket open");
            @SuppressWarnings("unchecked")
            List<String> tried = (List<String>) browser.js("return window.blockedSockets");
            assertEquals(1, tried.size(), "the page did try its socket");
            assertTrue(tried.get(0).contains("have="), "saying which points it holds: " + tried.get(0));

            // Count the pixels of each colour in the plot: the points' orange and the curve's colour must be there.
            @SuppressWarnings("unchecked")
            Map<String, Object> drawn = (Map<String, Object>) browser.js("""
                const css = getComputedStyle(document.documentElement);
                const hex = name => { const h = css.getPropertyValue(name).trim().slice(1); return [0, 2, 4].map(i => parseInt(h.slice(i, i + 2), 16)); };
                const canvas = document.getElementById('plot');
                const d = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
                const count = ([r, g, b]) => { let k = 0; for (let i = 0; i < d.length; i += 4) if (Math.abs(d[i] - r) + Math.abs(d[i + 1] - g) + Math.abs(d[i + 2] - b) <= 6) k++; return k; };
                const box = window.sgdPlayground.state().ownData.view.box;
                return { points: count(hex('--lesson-points')), curve: count(hex('--lesson-curve')), boxWidth: box.right - box.left };""");
            assertTrue(((Number) drawn.get("points")).intValue() >= e.n(),
                "each of the " + e.n() + " dots paints at least a pixel of its own colour: " + drawn);
            assertTrue(((Number) drawn.get("curve")).intValue() >= ((Number) drawn.get("boxWidth")).intValue() / 2,
                "the curve crosses the plot, a line of its colour at least half the box wide: " + drawn);
        } finally {
            uninstall(id);
        }
        browser.screenshot("first-paint-without-socket");
    }

    /**
     * Nothing stands between the boot run's drawing and its paint: the page draws it while its module first runs and
     * marks the frame that paints it; the socket and the panels' file are asked for only after that frame.
     */
    @Test
    void the_first_curve_is_painted_before_the_socket_opens_and_the_panels_are_fetched() {
        String id = install("""
            const Real = window.WebSocket;
            window.WebSocket = class extends Real {
              constructor(url, protocols) {
                super(url, protocols);
                window.socketAskedAt ??= performance.now();
              }
            };""");
        try {
            browser.openPlayground("/?" + RUN);
            browser.waitUntil("the panels are wired", Duration.ofSeconds(10),
                () -> Boolean.TRUE.equals(browser.js("return performance.getEntriesByName('sgd:panels').length === 1")));
            @SuppressWarnings("unchecked")
            Map<String, Object> times = (Map<String, Object>) browser.js("""
                const later = performance.getEntriesByType('resource').find(r => /\\/main\\.later\\.[0-9a-f]+\\.js$/.test(r.name));
                return { curve: performance.getEntriesByName('sgd:first-curve')[0].startTime, socket: window.socketAskedAt ?? null,
                  panels: later ? later.startTime : null };""");
            double curve = ((Number) times.get("curve")).doubleValue();
            assertNotNull(times.get("socket"), "the page opened its socket: " + times);
            assertNotNull(times.get("panels"), "and fetched its panels' bundle: " + times);
            assertTrue(curve <= ((Number) times.get("socket")).doubleValue(), "the curve's frame before the socket: " + times);
            assertTrue(curve <= ((Number) times.get("panels")).doubleValue(), "and before the panels' file: " + times);
        } finally {
            uninstall(id);
        }
    }

    /**
     * The page's script stands right after the plot and runs there: the boot run is drawn while the panels and the
     * form below are not yet parsed, and the loss chart, parsed later, is drawn once the page is.
     */
    @Test
    void the_boot_run_is_drawn_before_the_panels_and_the_form_are_parsed() {
        String id = install("""
            const real = HTMLCanvasElement.prototype.getContext;
            HTMLCanvasElement.prototype.getContext = function (...args) {
              if (this.id === 'plot' && !window.plotFirstDrawn) window.plotFirstDrawn = {
                parsing: document.readyState === 'loading', form: !!document.getElementById('controls'),
                lossChart: !!document.getElementById('loss-chart'), landscape: !!document.getElementById('landscape') };
              return real.apply(this, args);
            };""");
        try {
            browser.openPlayground("/?" + RUN);
            browser.waitUntil("the loss chart is drawn", Duration.ofSeconds(10),
                () -> ((Number) browser.js("return document.getElementById('loss-chart').width")).intValue() > 300);
            @SuppressWarnings("unchecked")
            Map<String, Object> first = (Map<String, Object>) browser.js("return window.plotFirstDrawn");
            assertEquals(Map.of("parsing", true, "form", false, "lossChart", false, "landscape", false), first,
                "the plot was drawn with the document still being parsed, nothing below the plot there yet");
            assertEquals(1L, browser.js("return performance.getEntriesByName('sgd:first-curve').length"));
        } finally {
            uninstall(id);
        }
    }

    @Test
    void the_socket_then_brings_the_frames_after_frame_0_and_never_the_points_again() {
        Experiment e = ExperimentCodec.decode(QueryStrings.parse(RUN));
        String id = install("""
            window.socketLog = [];
            const Real = window.WebSocket;
            window.WebSocket = class extends Real {
              constructor(url, protocols) {
                super(url, protocols);
                this.addEventListener('message', m => {
                  const message = JSON.parse(m.data);
                  window.socketLog.push({ type: message.type, bytes: m.data.length, points: 'points' in message, key: message.pointsKey ?? null });
                });
              }
            };""");
        try {
            browser.openPlayground("/?" + RUN);
            browser.js("window.sgdPlayground.play()");
            browser.waitUntil("the run ends", Duration.ofSeconds(15), () -> "done".equals(browser.state().get("outcome")));
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> log = (List<Map<String, Object>>) browser.js("return window.socketLog");
            String bootKey = (String) browser.js("return JSON.parse(document.getElementById('boot').textContent).live.data.pointsKey");
            Map<String, Object> data = log.get(0);
            assertEquals("data", data.get("type"));
            assertEquals(false, data.get("points"), "the data message leaves the points out");
            assertEquals(bootKey, data.get("key"), "and names the boot block's points");
            assertEquals(e.steps() + 1, log.stream().filter(m -> "frame".equals(m.get("type"))).count(),
                "frame 0 again (a few bytes) and each of the " + e.steps() + " steps");
            assertEquals(e.steps(), ((Number) browser.state().get("iter")).intValue());

            // A new experiment on the same points (only lr changes) does not bring them either; new points do.
            browser.js("window.socketLog.length = 0; window.sgdPlayground.set({lr: 0.05})");
            browser.waitUntil("the new run's data", Duration.ofSeconds(10),
                () -> Boolean.TRUE.equals(browser.js("return window.socketLog.some(m => m.type === 'data')")));
            assertEquals(false, browser.js("return window.socketLog.find(m => m.type === 'data').points"), "same points, same key");
            browser.js("window.socketLog.length = 0; window.sgdPlayground.set({seed: 7})");
            browser.waitUntil("the new run's data", Duration.ofSeconds(10),
                () -> Boolean.TRUE.equals(browser.js("return window.socketLog.some(m => m.type === 'data')")));
            assertEquals(true, browser.js("return window.socketLog.find(m => m.type === 'data').points"), "another seed, other points");
        } finally {
            uninstall(id);
        }
    }
}
