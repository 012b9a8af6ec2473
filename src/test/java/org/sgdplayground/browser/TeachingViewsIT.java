package org.sgdplayground.browser;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.sgdplayground.analysis.Optimum;
import org.sgdplayground.analysis.LossSurface;
import org.sgdplayground.experiment.Experiment;
import org.sgdplayground.experiment.ExperimentCodec;
import org.sgdplayground.experiment.Numbers;
import org.sgdplayground.experiment.QueryStrings;

/** The teaching views in headless Chromium: the loss landscape, its path, the stability limit, the presets. */
class TeachingViewsIT extends PageTest {
    private static final Duration WAIT = Duration.ofSeconds(15);

    private static Experiment decode(String query) {
        return ExperimentCodec.decode(QueryStrings.parse(query));
    }

    @Test
    void the_landscape_draws_and_its_path_grows_a_point_a_frame_to_the_marked_optimum() {
        browser.openPlayground("/?preset=fastai-sgd&speed=200");
        rendered();
        assertTrue(distinctColours("landscape") > 50, "the heatmap is painted, not blank");
        assertEquals(1L, landscape().get("pathLength"));
        browser.js("window.sgdPlayground.step()");
        browser.waitUntil("frame 1", WAIT, () -> ((Number) landscape().get("pathLength")).longValue() == 2);
        String before = rendered();
        browser.js("window.sgdPlayground.step()");
        browser.waitUntil("frame 2", WAIT, () -> ((Number) landscape().get("pathLength")).longValue() == 3);
        assertNotEquals(before, rendered(), "each frame draws one more segment of the path");

        browser.js("window.sgdPlayground.play()");
        browser.waitUntil("the run finishes", WAIT, () -> "done".equals(browser.state().get("outcome")));
        Experiment e = decode("preset=fastai-sgd");
        LossSurface s = LossSurface.of(e.model(), e.dataset());
        assertEquals(e.steps() + 1L, ((Number) landscape().get("pathLength")).longValue());
        double[] optimum = numbers(landscape().get("optimum")), end = numbers(landscape().get("pathEnd"));
        assertArrayEquals(s.optimum(), optimum, 0, "the marked optimum is the least-squares one");
        // full-batch descent shrinks the error by at most the slowest contraction each step
        double bound = Math.pow(s.slowestContraction(e.learningRate()), e.steps()) * distance(e.initialParams(), s.optimum());
        assertTrue(distance(end, optimum) <= bound * (1 + 1e-9), "the path ends " + distance(end, optimum) + " from p*, bound " + bound);
        browser.screenshot("teach-landscape-fastai-sgd");
    }

    @Test
    void a_learning_rate_above_the_stability_limit_is_marked_and_warned_before_play() {
        browser.openPlayground("/?preset=fastai-sgd");
        Experiment e = decode("preset=fastai-sgd");
        double limit = LossSurface.of(e.model(), e.dataset()).stabilityLimit(0);
        assertTrue(browser.driver.findElement(By.id("lr-limit-mark")).isDisplayed(), "the slider marks 2/λmax");
        assertFalse(browser.driver.findElement(By.id("lr-warning")).isDisplayed(), "lr 0.1 is safe");
        String tooBig = Numbers.format(Double.parseDouble(String.format("%.2g", 1.5 * limit)));
        WebElement lr = browser.driver.findElement(By.name("lr"));
        lr.sendKeys(Keys.chord(Keys.CONTROL, "a"), tooBig);
        WebElement warning = browser.driver.findElement(By.id("lr-warning"));
        browser.waitUntil("the warning shows while typing", WAIT, warning::isDisplayed);
        assertTrue(warning.getText().contains("This run will diverge: lr = " + tooBig + " > 2/λmax ≈"), warning.getText());
        lr.sendKeys(Keys.TAB);
        browser.waitUntil("the new run waits at frame 0", WAIT, () -> browser.driver.getCurrentUrl().contains("lr=" + tooBig));
        assertTrue(warning.isDisplayed(), "still warned once the run is loaded, before play");
        assertEquals(0L, ((Number) browser.state().get("iter")).longValue());
        assertEquals(limit, ((Number) landscape().get("stabilityLimit")).doubleValue(), 0);
        browser.screenshot("teach-warning");
        double first = ((Number) browser.state().get("loss")).doubleValue();
        browser.js("window.sgdPlayground.set({speed: 500}); window.sgdPlayground.play()");
        browser.waitUntil("the run ends", WAIT, () -> browser.state().get("outcome") != null);
        Object last = browser.state().get("loss");
        assertTrue("diverged".equals(browser.state().get("outcome")) || ((Number) last).doubleValue() > 1e6 * first,
            "it blows up as warned: loss " + first + " -> " + last);
    }

    @Test
    void clicking_the_landscape_starts_a_run_from_that_point() {
        browser.openPlayground("/?preset=fastai-sgd");
        rendered();
        WebElement canvas = browser.driver.findElement(By.id("landscape"));
        new Actions(browser.driver).moveToElement(canvas, 30, -40).click().perform();
        browser.waitUntil("init is in the address", WAIT, () -> browser.driver.getCurrentUrl().contains("init="));
        String init = browser.driver.findElement(By.name("init")).getAttribute("value");
        assertNotEquals("0.5,0.75", init);
        browser.waitUntil("the run restarted from there", WAIT, () -> {
            Object p = browser.state().get("params");
            return p != null && browser.state().get("iter").equals(0L) && sameNumbers(init, numbers(p));
        });
        assertEquals(1L, landscape().get("pathLength"));
    }

    @Test
    void clicking_the_least_squares_star_starts_the_run_from_the_optimum() {
        browser.openPlayground("/?preset=fastai-sgd");
        rendered();
        Experiment e = decode("preset=fastai-sgd");
        double[] optimum = Optimum.of(e.model(), e.dataset()).params(), start = e.initialParams();
        // where the map drew the star (p*) and the current point (the start, at frame 0), found by their colours
        double[][] marks = centresOf(new int[] {255, 77, 77}, new int[] {255, 165, 0});
        double[] star = marks[0], now = marks[1];
        browser.js("const c = document.getElementById('landscape'), r = c.getBoundingClientRect();"
            + "c.dispatchEvent(new MouseEvent('click', { clientX: r.left + arguments[0], clientY: r.top + arguments[1], bubbles: true }))",
            star[0], star[1]);
        browser.waitUntil("init is in the address", WAIT, () -> browser.driver.getCurrentUrl().contains("init="));
        double[] init = java.util.Arrays.stream(browser.driver.findElement(By.name("init")).getAttribute("value").split(","))
            .mapToDouble(Double::parseDouble).toArray();
        for (int k = 0; k < 2; k++) {
            double perPixel = Math.abs((optimum[k] - start[k]) / (star[k] - now[k])); // data units a pixel, from the two marks
            double rounding = 0.5 * Math.pow(10, Math.floor(Math.log10(Math.abs(optimum[k]))) - 2); // the start is written to 3 digits
            assertEquals(optimum[k], init[k], 1.5 * perPixel + rounding, "p" + k + ": the click reads back the star's parameters");
        }
    }

    @Test
    void sliding_the_learning_rate_past_the_mark_warns_and_sliding_back_clears_it() {
        browser.openPlayground("/?preset=fastai-sgd");
        Experiment e = decode("preset=fastai-sgd");
        double limit = LossSurface.of(e.model(), e.dataset()).stabilityLimit(0);
        WebElement warning = browser.driver.findElement(By.id("lr-warning"));
        slide(Math.log10(limit) + 0.2);
        String slid = browser.driver.findElement(By.name("lr")).getAttribute("value");
        assertTrue(Double.parseDouble(slid) > limit, "the field follows the slider: " + slid);
        assertTrue(warning.isDisplayed(), "past the mark, the warning shows at once, before the run restarts");
        assertTrue(warning.getText().contains("lr = " + slid + " > 2/λmax ≈"), warning.getText());
        slide(Math.log10(limit) - 0.2);
        assertFalse(warning.isDisplayed(), "back under the mark, it goes");
        browser.waitUntil("the settled lr restarts the run", WAIT, () -> browser.driver.getCurrentUrl().contains("lr="));
    }

    @Test
    void every_teaching_preset_plays_to_its_end_and_is_pictured() {
        for (String preset : List.of("fastai-sgd", "too-small-lr", "bouncy-lr", "diverging-lr", "minibatch-noise", "momentum", "roller-coaster", "ill-conditioned", "standardised")) {
            browser.openPlayground("/?preset=" + preset + "&speed=1000");
            browser.js("window.sgdPlayground.play()");
            browser.waitUntil(preset + " ends", Duration.ofSeconds(30), () -> browser.state().get("outcome") != null);
            rendered();
            assertTrue(distinctColours("landscape") > 50, preset + ": the landscape is drawn");
            browser.screenshot("teach-" + preset);
        }
    }

    @Test
    void the_standardised_roller_coaster_fits_in_scaled_units_and_reads_out_the_fit_in_t() {
        browser.openPlayground("/?preset=standardised&speed=1000");
        assertEquals("1", browser.driver.findElement(By.name("standardize")).getAttribute("value"));
        assertTrue(browser.driver.findElement(By.cssSelector(".field-standardize .why")).getText().contains("t² reaches 361"));
        browser.js("window.sgdPlayground.play()");
        browser.waitUntil("the run finishes", WAIT, () -> "done".equals(browser.state().get("outcome")));
        Experiment e = decode("preset=standardised");
        var scaling = org.sgdplayground.analysis.Standardisation.of(e.dataset());
        double[] params = numbers(browser.state().get("params")), shown = numbers(landscape().get("originalParams"));
        assertArrayEquals(scaling.toOriginal(params), shown, 1e-9 * 100, "the page maps x' back to t as the server's Standardisation does");
        double[] best = org.sgdplayground.analysis.Optimum.of(e.model(), e.dataset()).params();
        for (int j = 0; j < best.length; j++) assertEquals(best[j], shown[j], 1e-4 * (1 + Math.abs(best[j])), "param " + j);
        assertTrue(browser.driver.findElement(By.id("params")).getText().contains("in t:") || browser.driver.findElement(By.id("params")).getText().contains("in x:"));
    }

    @Test
    void the_roller_coaster_fills_fastbooks_strip_one_step_at_a_time() {
        browser.openPlayground("/?preset=roller-coaster");
        assertTrue(browser.driver.findElement(By.id("strip-panel")).isDisplayed(), "the coaster shows fastbook's strip");
        rendered();
        String[] before = stripCells();
        browser.js("window.sgdPlayground.step()");
        browser.waitUntil("frame 1", WAIT, () -> ((Number) browser.state().get("iter")).longValue() == 1);
        rendered();
        String[] afterOne = stripCells();
        assertNotEquals(before[0], afterOne[0], "step 1's predictions appear in the first plot");
        assertEquals(before[3], afterOne[3], "step 4's plot waits for step 4");
        for (int k = 2; k <= 4; k++) {
            long want = k;
            browser.js("window.sgdPlayground.step()");
            browser.waitUntil("frame " + k, WAIT, () -> ((Number) browser.state().get("iter")).longValue() == want);
        }
        rendered();
        assertNotEquals(afterOne[3], stripCells()[3], "and step 4 fills the last one");
        // the gradient bars: one a parameter, longer for the larger |∂L/∂p| (t² makes ∂L/∂a the giant)
        double[] grad = numbers(browser.state().get("grad"));
        @SuppressWarnings("unchecked")
        List<Number> widths = (List<Number>) browser.js(
            "return [...document.querySelectorAll('#grad-bars .bar')].map(b => b.getBoundingClientRect().width)");
        assertEquals(grad.length, widths.size());
        for (int i = 0; i < grad.length; i++) {
            for (int j = 0; j < grad.length; j++) {
                if (Math.abs(grad[i]) > 10 * Math.abs(grad[j])) {
                    assertTrue(widths.get(i).doubleValue() > widths.get(j).doubleValue(), "bar " + i + " outgrows bar " + j);
                }
            }
        }
        browser.js("document.getElementById('strip-panel').scrollIntoView({block: 'end'})");
        browser.screenshot("teach-strip");
        browser.js("window.scrollTo(0, 0)");

        browser.openPlayground("/?preset=fastai-sgd");
        assertFalse(browser.driver.findElement(By.id("strip-panel")).isDisplayed(), "a line needs no strip");
    }

    @Test
    void a_minibatch_run_lights_up_the_engines_batch_and_draws_both_gradients() {
        browser.openPlayground("/?preset=minibatch-noise");
        for (int k = 1; k <= 3; k++) {
            long want = k;
            browser.js("window.sgdPlayground.step()");
            browser.waitUntil("frame " + k, WAIT, () -> ((Number) browser.state().get("iter")).longValue() == want);
        }
        Experiment e = decode("preset=minibatch-noise");
        int[] engine = new org.sgdplayground.experiment.TrainingRun(e).all().get(3).batch();
        @SuppressWarnings("unchecked")
        List<Object> shown = (List<Object>) landscape().get("batch");
        assertEquals(e.batch(), engine.length);
        assertEquals(java.util.Arrays.stream(engine).boxed().toList(), shown.stream().map(v -> ((Number) v).intValue()).toList());
        String legend = browser.driver.findElement(By.id("landscape-legend")).getText();
        assertTrue(legend.contains("this batch") && legend.contains("all points"), legend);
        browser.screenshot("teach-minibatch-arrows");

        browser.openPlayground("/?preset=momentum");
        browser.js("window.sgdPlayground.step()");
        browser.waitUntil("frame 1", WAIT, () -> ((Number) browser.state().get("iter")).longValue() == 1);
        assertNull(landscape().get("batch"), "a full-batch frame lists no rows");
        assertTrue(browser.driver.findElement(By.id("landscape-legend")).getText().contains("momentum"));
    }

    private static void slide(double exponent) {
        browser.js("const s = document.getElementById('lr-slider'); s.value = String(arguments[0]); s.dispatchEvent(new Event('input'))", exponent);
    }

    /** The centre, in CSS pixels of the landscape, of the pixels drawn in each colour {r, g, b}. */
    @SuppressWarnings("unchecked")
    private static double[][] centresOf(int[]... colours) {
        List<List<Number>> at = (List<List<Number>>) browser.js("const c = document.getElementById('landscape');"
            + "const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data, k = c.width / c.clientWidth;"
            + "return arguments[0].map(([r, g, b]) => {"
            + "  let n = 0, x = 0, y = 0;"
            + "  for (let i = 0; i < d.length; i += 4) {"
            + "    if (Math.abs(d[i] - r) + Math.abs(d[i + 1] - g) + Math.abs(d[i + 2] - b) > 24) continue;"
            + "    const p = i / 4; n++; x += p % c.width + 0.5; y += Math.floor(p / c.width) + 0.5;"
            + "  }"
            + "  return n ? [x / n / k, y / n / k] : null;"
            + "});", List.of(colours).stream().map(rgb -> List.of(rgb[0], rgb[1], rgb[2])).toList());
        return at.stream().map(p -> {
            assertNotNull(p, "the landscape shows each colour");
            return new double[] {p.get(0).doubleValue(), p.get(1).doubleValue()};
        }).toArray(double[][]::new);
    }

    private static String[] stripCells() {
        return ((List<?>) browser.js("return [...document.querySelectorAll('#strip-panel canvas')].map(c => c.toDataURL())"))
            .stream().map(String::valueOf).toArray(String[]::new);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> landscape() {
        return (Map<String, Object>) browser.state().get("landscape");
    }

    /** The landscape's pixels once the browser has drawn the latest frame. */
    private static String rendered() {
        browser.jsAsync("const done = arguments[arguments.length - 1]; requestAnimationFrame(() => requestAnimationFrame(done));");
        return browser.canvasPixels("landscape");
    }

    private static long distinctColours(String id) {
        return ((Number) browser.js("const c = document.getElementById(arguments[0]);"
            + "const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; const seen = new Set();"
            + "for (let i = 0; i < d.length; i += 4 * 7) seen.add((d[i] << 16) | (d[i + 1] << 8) | d[i + 2]); return seen.size;", id)).longValue();
    }

    @SuppressWarnings("unchecked")
    private static double[] numbers(Object list) {
        return ((List<Object>) list).stream().mapToDouble(v -> ((Number) v).doubleValue()).toArray();
    }

    private static boolean sameNumbers(String text, double[] values) {
        String[] parts = text.split(",");
        if (parts.length != values.length) return false;
        for (int i = 0; i < parts.length; i++) if (Double.parseDouble(parts[i]) != values[i]) return false;
        return true;
    }

    private static double distance(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += (a[i] - b[i]) * (a[i] - b[i]);
        return Math.sqrt(s);
    }
}
