package org.sgdplayground.browser;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The one data→pixel mapping (web/scale.js) and the charts that draw through it, in headless Chromium. */
class ChartsIT extends PageTest {

    @BeforeEach
    void page() {
        browser.openPlayground("/");
    }

    @Test
    void a_scale_maps_its_domain_onto_its_range_and_reads_a_pixel_back() {
        Map<String, Object> s = module("scale.js", """
            const x = m.linearScale([2, 6], [50, 450]);
            const view = m.viewport({ left: 50, top: 10, right: 450, bottom: 210 }, [2, 6], [-1, 1]);
            const log = m.logScale([0.01, 100], [200, 0]);
            return {
              ends: [x.toPixel(2), x.toPixel(6)], three: x.toPixel(3), back: x.toData(150), perUnit: x.perUnit,
              ticks: m.linearScale([0, 10], [0, 500]).ticks(100, 3),
              yUp: [view.y.toPixel(-1), view.y.toPixel(0), view.y.toPixel(1)], perUnitUp: view.y.perUnit,
              inside: view.dataAt(150, 60), leftOf: view.dataAt(49, 60), below: view.dataAt(150, 211),
              logOne: log.toPixel(1), logZero: log.toPixel(0), logBack: log.toData(100), logTicks: log.ticks(40, 2),
              far: x.toPixel(1e300),
            };""");
        assertEquals(List.of(50L, 450L), s.get("ends"), "the domain's ends land on the range's ends");
        assertEquals(150L, s.get("three"), "a quarter of the way along the data is a quarter of the way across");
        assertEquals(3L, s.get("back"), "and that pixel reads back as the value");
        assertEquals(100L, s.get("perUnit"), "400 px over 4 units");
        assertEquals(List.of(0L, 2L, 4L, 6L, 8L, 10L), s.get("ticks"), "one round tick per 100 px of 500");
        assertEquals(List.of(210L, 110L, 10L), s.get("yUp"), "y runs up: the domain's bottom at the box's bottom");
        assertEquals(-100L, s.get("perUnitUp"), "up the canvas is towards smaller pixel rows");
        assertEquals(List.of(3L, 0.5), s.get("inside"), "a click inside the box reads back the data under it");
        assertNull(s.get("leftOf"), "left of the box is no data");
        assertNull(s.get("below"), "nor below it");
        assertEquals(100L, s.get("logOne"), "1 is halfway between 0.01 and 100 in powers of ten");
        assertEquals(200L, s.get("logZero"), "a loss of zero sits on the floor of a log scale");
        assertEquals(1L, s.get("logBack"));
        assertEquals(List.of(0.01, 0.1, 1L, 10L, 100L), s.get("logTicks"), "powers of ten, five in 200 px");
        assertEquals(1e6, ((Number) s.get("far")).doubleValue(), "a pixel far off screen is clamped where paths behave");
    }

    @Test
    void the_plot_and_the_strip_put_a_point_where_its_value_sits_in_the_range() {
        double x = 3, y = -4;
        double[] xRange = {2, 6}, yRange = {-5, 5};
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> drawn = (List<Map<String, Object>>) browser.jsAsync("""
            const [x, y, xRange, yRange] = arguments, done = arguments[arguments.length - 1];
            Promise.all([import('/static/plot.js'), import('/static/strip.js')]).then(([{ Plot }, { Strip }]) => {
              const canvas = (w, h) => {
                const c = document.createElement('canvas');
                c.style.cssText = `position: fixed; left: 0; top: 0; width: ${w}px; height: ${h}px`;
                document.body.append(c);
                return c;
              };
              const colors = { background: '#000000', grid: '#000000', muted: '#000000', text: '#000000',
                axis: '#00ff00', points: '#ff0000', fastbookPoints: '#ff0000' };
              const points = { x: [x], y: [y] };
              const plot = canvas(400, 300), strip = canvas(160, 120);
              new Plot(plot).render({ xRange, yRange, points, colors, xLabel: '', yLabel: '', legend: [] });
              new Strip([strip]).render([], { points, xRange, yRange, colors });
              done([plot, strip].map(c => {
                const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                const frame = { left: Infinity, right: -Infinity, top: Infinity, bottom: -Infinity };
                let weight = 0, cx = 0, cy = 0;
                for (let row = 0; row < c.height; row++) for (let col = 0; col < c.width; col++) {
                  const [r, g] = [d[4 * (row * c.width + col)], d[4 * (row * c.width + col) + 1]];
                  if (g > 128) Object.assign(frame, { left: Math.min(frame.left, col), right: Math.max(frame.right, col),
                    top: Math.min(frame.top, row), bottom: Math.max(frame.bottom, row) });
                  else if (r > 0) { weight += r; cx += r * (col + 0.5); cy += r * (row + 0.5); }
                }
                c.remove();
                return { ...frame, x: cx / weight, y: cy / weight };
              }));
            });""", x, y, xRange, yRange);
        for (Map<String, Object> chart : drawn) {
            double left = number(chart, "left"), right = number(chart, "right"), top = number(chart, "top"), bottom = number(chart, "bottom");
            double wantX = left + (x - xRange[0]) / (xRange[1] - xRange[0]) * (right - left);
            double wantY = bottom - (y - yRange[0]) / (yRange[1] - yRange[0]) * (bottom - top);
            assertEquals(wantX, number(chart, "x"), 0.5, "across, within half a pixel, in a frame " + chart);
            assertEquals(wantY, number(chart, "y"), 0.5, "up, within half a pixel, in a frame " + chart);
        }
        assertNotEquals(drawn.get(0).get("right"), drawn.get(1).get("right"), "two frames of different sizes");
    }

    /** Runs `body` (a function body, `m` the module) against a module of web/ and returns what it returns. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> module(String file, String body) {
        return (Map<String, Object>) browser.jsAsync("const done = arguments[arguments.length - 1];"
            + "import('/static/" + file + "').then(m => done((() => {" + body + "})()));");
    }

    private static double number(Map<String, Object> map, String key) {
        return ((Number) map.get(key)).doubleValue();
    }
}
