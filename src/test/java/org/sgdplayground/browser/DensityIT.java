package org.sgdplayground.browser;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sgdplayground.data.Dataset;
import org.sgdplayground.experiment.Briefing;
import org.sgdplayground.experiment.Experiment;
import org.sgdplayground.experiment.ExperimentCodec;
import org.sgdplayground.experiment.QueryStrings;
import org.sgdplayground.server.json.BriefingJson;
import org.sgdplayground.server.json.Json;
import org.sgdplayground.server.json.WireLimits;

/**
 * A link to 100,000 points ({@code /?n=100000}, lesson 2's line: x ~ U(−1, 1), y = 3x + 2 + U(0, 1)): the socket's
 * data message stays under 1 MB, and the plot shows where the points are dense, in both themes.
 */
class DensityIT extends PageTest {
    private static final int N = 100_000;
    private static final String LINK = "/?n=" + N;
    /** web/scatter.js's histogram bin, in CSS pixels (the window's scale is 1). */
    private static final int BIN_PX = 2;
    private static String logger;

    @BeforeAll
    static void logSocketMessages() {
        logger = (String) browser.driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", """
            window.socketLog = [];
            const Real = window.WebSocket;
            window.WebSocket = class extends Real {
              constructor(url, protocols) {
                super(url, protocols);
                this.addEventListener('message', m => window.socketLog.push({ type: JSON.parse(m.data).type, bytes: new Blob([m.data]).size }));
              }
            };""")).get("identifier");
    }

    @AfterAll
    static void stopLogging() {
        if (browser != null) browser.driver.executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument", Map.of("identifier", logger));
    }

    @Test
    void the_data_message_of_100000_points_is_the_16_bit_grid_well_under_a_megabyte() {
        browser.openPlayground(LINK);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> log = (List<Map<String, Object>>) browser.js("return window.socketLog");
        assertEquals("data", log.get(0).get("type"));
        long bytes = ((Number) log.get(0).get("bytes")).longValue();
        long codes = 2 * 4 * ((2L * N + 2) / 3); // two axes, each 2 bytes a point in base64: 4 characters per 3 bytes
        assertTrue(bytes >= codes && bytes <= codes + 8192, "the codes and a few KB of briefing: " + bytes + " bytes");
        assertTrue(bytes < 1_000_000, "under 1 MB: " + bytes);
        assertEquals(N, ((Number) browser.js("return window.sgdPlayground.state().ownData.n")).intValue(), "every point arrived");
    }

    @Test
    void the_plot_of_100000_points_shows_their_density_in_shades_in_both_themes() {
        browser.openPlayground(LINK);
        browser.waitUntil("the plot is drawn", Duration.ofSeconds(5), () -> shades().get("pointPixels") != null);
        double expected = expectedDistinctCounts();
        for (String theme : List.of("dark", "light")) {
            Map<String, Object> seen = shades();
            browser.screenshot("density-100000-" + theme);
            int shades = ((Number) seen.get("shades")).intValue();
            double modalShare = ((Number) seen.get("modalShare")).doubleValue();
            assertTrue(shades >= Math.min(8, expected / 2), theme + ": a bin's opacity follows its count, and about " + Math.round(expected)
                + " different counts are expected; saw " + seen);
            assertTrue(modalShare < 0.5, theme + ": no one shade covers most of the points' pixels: " + seen);
            browser.js("document.getElementById('theme').click()");
        }
    }

    @Test
    void the_page_decodes_the_servers_grid_to_within_half_a_step_of_each_exact_coordinate() {
        browser.openPlayground("/");
        String q = "preset=fastai-sgd&n=" + (WireLimits.MAX_POINTS_AS_NUMBERS + 1);
        Experiment e = ExperimentCodec.decode(QueryStrings.parse(q));
        Dataset exact = e.dataset();
        String message = new String(Json.dataMessage(Briefing.of(e, exact), false, BriefingJson.Points.FOR_SOCKET, "k"), StandardCharsets.UTF_8);
        @SuppressWarnings("unchecked")
        Map<String, Object> decoded = (Map<String, Object>) browser.jsAsync("""
            const [message, done] = arguments;
            import('/static/points.js').then(({ decodePoints }) => done(decodePoints(JSON.parse(message).points)));""", message);
        assertEquals(false, decoded.get("exact"), "the grid says it is not exact");
        double[] x = doubles(decoded.get("x")), y = doubles(decoded.get("y"));
        double[] xs = exact.xs(), ys = exact.ys();
        double xStep = (Arrays.stream(xs).max().getAsDouble() - Arrays.stream(xs).min().getAsDouble()) / 65535;
        double yStep = (Arrays.stream(ys).max().getAsDouble() - Arrays.stream(ys).min().getAsDouble()) / 65535;
        assertEquals(exact.size(), x.length);
        for (int i = 0; i < exact.size(); i++) {
            assertEquals(xs[i], x[i], xStep / 2 * (1 + 1e-9), "x " + i);
            assertEquals(ys[i], y[i], yStep / 2 * (1 + 1e-9), "y " + i);
        }
    }

    @SuppressWarnings("unchecked")
    private static double[] doubles(Object list) {
        return ((List<Object>) list).stream().mapToDouble(v -> ((Number) v).doubleValue()).toArray();
    }

    @Test
    void the_scatter_is_drawn_once_and_reused_while_the_points_and_the_view_stay() {
        browser.openPlayground(LINK);
        @SuppressWarnings("unchecked")
        Map<String, Object> ms = (Map<String, Object>) browser.jsAsync("""
            const done = arguments[arguments.length - 1];
            import('/static/plot.js').then(({ Plot }) => {
              const canvas = document.createElement('canvas');
              canvas.style.cssText = 'position: fixed; left: 0; top: 0; width: 800px; height: 500px';
              document.body.append(canvas);
              const n = 100000, x = [], y = [];
              for (let i = 0; i < n; i++) { x.push(Math.random() * 2 - 1); y.push(3 * x[i] + 2 + Math.random()); }
              const scene = { xRange: [-1, 1], yRange: [-1, 6], points: { x, y }, colors: { background: '#000', grid: '#333', axis: '#888',
                muted: '#888', text: '#eee', points: '#ffa500', curve: '#8dd3c7', reference: '#999' }, legend: [] };
              const plot = new Plot(canvas);
              let t = performance.now();
              plot.render(scene);
              const first = performance.now() - t;
              t = performance.now();
              for (let k = 0; k < 20; k++) plot.render(scene);
              const again = (performance.now() - t) / 20;
              canvas.remove();
              done({ first, again });
            });""");
        double first = ((Number) ms.get("first")).doubleValue(), again = ((Number) ms.get("again")).doubleValue();
        assertTrue(again < first / 4, "a frame after the first reuses the drawn points: " + ms);
    }

    /**
     * The distinct bin counts a histogram of these points should show, from the plot's own view: a column of bins
     * BIN_PX wide holds n·Δx/2 points (x is uniform over 2), spread evenly over the band y ∈ [3x+2, 3x+3], which
     * is 1/BIN_PX bins per y-pixel tall; so a bin inside the band holds Poisson(λ) points, and over B bins the
     * count k turns up with probability 1 − (1 − P(k))^B.
     */
    @SuppressWarnings("unchecked")
    private static double expectedDistinctCounts() {
        Map<String, Object> view = (Map<String, Object>) browser.js("return window.sgdPlayground.state().ownData.view");
        Map<String, Number> box = (Map<String, Number>) view.get("box");
        List<Number> xs = (List<Number>) view.get("x"), ys = (List<Number>) view.get("y");
        double width = box.get("right").doubleValue() - box.get("left").doubleValue();
        double height = box.get("bottom").doubleValue() - box.get("top").doubleValue();
        double dx = BIN_PX * (xs.get(1).doubleValue() - xs.get(0).doubleValue()) / width;
        double binsPerUnitY = height / (ys.get(1).doubleValue() - ys.get(0).doubleValue()) / BIN_PX;
        double lambda = N * dx / 2 / binsPerUnitY;
        double bins = binsPerUnitY * (2 / dx); // the band's bins: its height in bins times its columns
        double expected = 0, p = Math.exp(-lambda);
        for (int k = 1; k < 200; k++) {
            p *= lambda / k;
            expected += 1 - Math.pow(1 - p, bins);
        }
        return expected;
    }

    /**
     * Over the plot's box, the pixels that are the plot's background blended with the points' colour at some
     * opacity a (every channel agreeing on a), and how many different a's they show.
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> shades() {
        return (Map<String, Object>) browser.js("""
            const css = getComputedStyle(document.documentElement);
            const probe = document.createElement('canvas').getContext('2d', { willReadFrequently: true });
            const rgb = name => { probe.fillStyle = css.getPropertyValue(name).trim(); probe.fillRect(0, 0, 1, 1); return [...probe.getImageData(0, 0, 1, 1).data.slice(0, 3)]; };
            const bg = rgb('--plot-bg'), pc = rgb('--lesson-points');
            const plot = document.getElementById('plot'), canvas = document.createElement('canvas');
            canvas.width = plot.width;
            canvas.height = plot.height;
            canvas.getContext('2d', { willReadFrequently: true }).drawImage(plot, 0, 0); // read a copy: the page's canvas stays a drawing one
            const box = window.sgdPlayground.state().ownData.view.box;
            const d = canvas.getContext('2d').getImageData(box.left + 1, box.top + 1, box.right - box.left - 2, box.bottom - box.top - 2).data;
            const widest = [0, 1, 2].reduce((a, c) => Math.abs(pc[c] - bg[c]) > Math.abs(pc[a] - bg[a]) ? c : a, 0);
            const seen = new Map();
            let pointPixels = 0;
            for (let i = 0; i < d.length; i += 4) {
              const a = (d[i + widest] - bg[widest]) / (pc[widest] - bg[widest]);
              if (a < 0.1 || a > 1.01) continue;
              if (![0, 1, 2].every(c => Math.abs(bg[c] + a * (pc[c] - bg[c]) - d[i + c]) <= 4)) continue;
              pointPixels++;
              const shade = Math.round(a * 255);
              seen.set(shade, (seen.get(shade) ?? 0) + 1);
            }
            if (!pointPixels) return { pointPixels: null };
            return { pointPixels, shades: seen.size, modalShare: Math.max(...seen.values()) / pointPixels };""");
    }
}
