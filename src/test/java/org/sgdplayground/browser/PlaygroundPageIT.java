package org.sgdplayground.browser;

import static org.junit.jupiter.api.Assertions.*;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** The live page in headless Chromium: what a person sees and what a script can drive. */
class PlaygroundPageIT extends PageTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void the_default_page_loads_with_no_console_errors_and_waits_at_frame_zero() {
        browser.openPlayground("/");
        Map<String, Object> state = browser.state();
        assertEquals(0L, state.get("iter"));
        assertEquals(false, state.get("running"));
        assertNull(state.get("outcome"));
        assertEquals(List.of(0.5, 0.75), state.get("params"), "the lesson-2 start, a = (0.5, 0.75)");
        assertTrue(((String) state.get("query")).startsWith("preset=fastai-sgd"));
        assertEquals(List.of(), browser.consoleProblems());
        browser.js("window.sgdPlayground.play()");
        browser.waitUntil("the run finishes", WAIT, () -> "done".equals(browser.state().get("outcome")));
        browser.screenshot("default");
    }

    @Test
    void choosing_quadratic_in_the_dropdown_changes_the_address_and_the_curve() {
        browser.openPlayground("/");
        browser.js("window.sgdPlayground.step()");
        browser.waitUntil("frame 1", WAIT, () -> iter() == 1);
        String before = renderedPlot();
        new Select(browser.driver.findElement(By.name("model"))).selectByValue("quadratic");
        browser.waitUntil("the quadratic run's first frame", WAIT, () -> params().size() == 3);
        browser.waitUntil("the address follows", WAIT, () -> browser.driver.getCurrentUrl().contains("model=quadratic"));
        assertNotEquals(before, renderedPlot(), "the canvas shows a new curve");
    }

    @Test
    void playing_changes_the_canvas_frame_to_frame_and_the_loss_falls() {
        browser.openPlayground("/?steps=200&speed=40");
        double startLoss = loss();
        browser.js("window.sgdPlayground.play()");
        browser.waitUntil("frame 10", WAIT, () -> iter() >= 10);
        String early = renderedPlot();
        long earlyIter = iter();
        browser.waitUntil("ten more frames", WAIT, () -> iter() >= earlyIter + 10);
        String later = renderedPlot();
        assertNotEquals(early, later, "the plot's pixels moved between frames");
        assertTrue(loss() < startLoss, "loss " + loss() + " fell below the start's " + startLoss);
        browser.js("window.sgdPlayground.pause()");
    }

    @Test
    void a_hundred_steps_at_speed_fifty_take_about_two_seconds() {
        int steps = 100;
        double speed = 50;
        browser.openPlayground("/?steps=" + steps + "&speed=" + (int) speed);
        long start = System.nanoTime();
        browser.js("window.sgdPlayground.play()");
        browser.waitUntil("the run finishes", WAIT, () -> "done".equals(browser.state().get("outcome")));
        double seconds = (System.nanoTime() - start) / 1e9;
        double expected = steps / speed;
        assertTrue(seconds > 0.75 * expected && seconds < 2 * expected,
            steps + " steps at " + speed + "/s took " + seconds + " s, expected about " + expected + " s");
        assertEquals((long) steps, iter());
    }

    @Test
    void pause_holds_step_advances_one_update_and_reset_returns_to_frame_zero() {
        browser.openPlayground("/?steps=400&speed=40");
        browser.driver.findElement(By.id("play")).click();
        browser.waitUntil("frame 5", WAIT, () -> iter() >= 5);
        browser.driver.findElement(By.id("play")).click();
        assertEquals(false, browser.state().get("running"));
        sleep(200); // a frame already on the wire may still land
        long held = iter();
        sleep(500);
        assertEquals(held, iter(), "paused means no new frames");

        browser.driver.findElement(By.id("step")).click();
        browser.waitUntil("one more frame", WAIT, () -> iter() == held + 1);
        sleep(300);
        assertEquals(held + 1, iter(), "step makes exactly one update");

        browser.driver.findElement(By.id("reset")).click();
        browser.waitUntil("frame 0", WAIT, () -> iter() == 0);
        assertEquals(List.of(0.5, 0.75), params());
        assertEquals("0", browser.driver.findElement(By.id("iter")).getText());
    }

    @Test
    void the_keyboard_plays_steps_and_resets_but_not_while_typing() {
        browser.openPlayground("/?steps=400&speed=40");
        WebElement body = browser.driver.findElement(By.tagName("body"));
        body.sendKeys(Keys.ARROW_RIGHT);
        browser.waitUntil("→ steps once", WAIT, () -> iter() == 1);
        body.sendKeys(" ");
        browser.waitUntil("space plays", WAIT, () -> iter() >= 4);
        body.sendKeys(" ");
        assertEquals(false, browser.state().get("running"));
        body.sendKeys("r");
        browser.waitUntil("r resets", WAIT, () -> iter() == 0);

        WebElement seed = browser.driver.findElement(By.name("seed"));
        seed.sendKeys("r ");
        sleep(300);
        assertEquals(0L, iter(), "keys typed into a field are the field's");
        assertEquals(false, browser.state().get("running"));
    }

    @Test
    void a_copied_link_restores_every_control_and_the_same_run() {
        browser.openPlayground("/");
        new Select(browser.driver.findElement(By.name("model"))).selectByValue("quadratic");
        browser.waitUntil("the quadratic run", WAIT, () -> params().size() == 3);
        retype("lr", "0.3");
        retype("steps", "40");
        retype("seed", "7");
        retype("batch", "25");
        browser.waitUntil("the address has every change", WAIT, () -> {
            String url = browser.driver.getCurrentUrl();
            return url.contains("lr=0.3") && url.contains("steps=40") && url.contains("seed=7") && url.contains("batch=25");
        });
        browser.driver.findElement(By.id("copy-link")).click();
        String link = (String) browser.js("return document.getElementById('copy-link').dataset.link");
        assertEquals(browser.driver.getCurrentUrl(), link, "the copied link is the address");
        Map<String, String> controls = controlValues();
        browser.js("window.sgdPlayground.play()");
        browser.waitUntil("the run finishes", WAIT, () -> browser.state().get("outcome") != null);
        Map<String, Object> first = browser.state();
        String firstPicture = renderedPlot();

        browser.driver.get("about:blank");
        browser.openPlayground(URI.create(link).getRawPath() + "?" + URI.create(link).getRawQuery());
        assertEquals(controls, controlValues(), "every control comes back");
        browser.js("window.sgdPlayground.play()");
        browser.waitUntil("the run finishes", WAIT, () -> browser.state().get("outcome") != null);
        Map<String, Object> second = browser.state();
        for (String key : List.of("iter", "loss", "params", "outcome", "query")) {
            assertEquals(first.get(key), second.get(key), key + " of the same run");
        }
        assertEquals(firstPicture, renderedPlot(), "the same last frame, pixel for pixel");
    }

    @Test
    void set_from_a_script_changes_the_controls_the_address_and_the_run() {
        browser.openPlayground("/");
        browser.js("window.sgdPlayground.set({model: 'quadratic', lr: 0.05})");
        browser.waitUntil("the quadratic run", WAIT, () -> params().size() == 3);
        assertEquals("0.05", browser.driver.findElement(By.name("lr")).getAttribute("value"));
        assertTrue(browser.driver.getCurrentUrl().contains("lr=0.05"));
        assertTrue(((String) browser.state().get("query")).contains("model=quadratic"));

        browser.js("window.sgdPlayground.step()");
        browser.waitUntil("frame 1", WAIT, () -> iter() == 1);
        Object params = browser.state().get("params");
        browser.js("window.sgdPlayground.set({speed: 7})");
        assertTrue(browser.driver.getCurrentUrl().contains("speed=7") && ((String) browser.state().get("query")).contains("speed=7"),
            "a new speed is in the address and the link");
        assertEquals("7", browser.driver.findElement(By.name("speed")).getAttribute("value"));
        sleep(300);
        assertEquals(1L, iter(), "but it is the same run, not a restart");
        assertEquals(params, browser.state().get("params"));
    }

    @Test
    void the_embed_button_shows_an_iframe_snippet_for_this_experiment() {
        browser.openPlayground("/?preset=momentum&lr=0.01");
        browser.driver.findElement(By.id("embed-button")).click();
        String snippet = browser.driver.findElement(By.id("embed-snippet")).getAttribute("value");
        String query = (String) browser.state().get("query");
        assertTrue(snippet.startsWith("<iframe src=\"" + browser.url("/embed?" + query.replace("&", "&amp;")) + "\""), snippet);
        browser.driver.findElement(By.id("close-embed")).click();
    }

    @Test
    void too_big_a_learning_rate_ends_in_the_divergence_message() {
        browser.openPlayground("/?preset=diverging-lr");
        browser.js("window.sgdPlayground.play()");
        browser.waitUntil("the run diverges", WAIT, () -> "diverged".equals(browser.state().get("outcome")));
        Map<String, Object> state = browser.state();
        long at = (Long) state.get("divergedAt");
        WebElement banner = browser.driver.findElement(By.id("banner"));
        assertTrue(banner.isDisplayed());
        assertTrue(banner.getText().contains("Diverged at iteration " + at), banner.getText());
        WebElement hint = browser.driver.findElement(By.id("lr-hint"));
        assertTrue(hint.isDisplayed(), "the learning rate says what went wrong");
        String text = browser.driver.findElement(By.tagName("body")).getText();
        assertFalse(text.contains("NaN") || text.contains("Infinity"), "never NaN on screen");
        browser.screenshot("diverged");

        String suggested = suggestedLearningRate();
        assertTrue(hint.getText().contains("Try lr = " + suggested), hint.getText());
        browser.driver.findElement(By.id("try-smaller-lr")).click();
        browser.waitUntil("a fresh run at the suggested rate", WAIT,
            () -> browser.driver.getCurrentUrl().contains("lr=" + suggested) && browser.state().get("outcome") == null);
        browser.js("window.sgdPlayground.play()");
        browser.waitUntil("the suggested rate converges", WAIT, () -> browser.state().get("outcome") != null);
        assertEquals("done", browser.state().get("outcome"));
    }

    /**
     * Half the stability bound 2/λ, λ the largest eigenvalue of the line's MSE Hessian (2/n)·[[Σx², Σx], [Σx, n]],
     * in closed form for a 2×2 matrix, to two significant digits.
     */
    private static String suggestedLearningRate() {
        var points = org.sgdplayground.experiment.ExperimentCodec.decode(Map.of("preset", "diverging-lr")).dataset();
        double sxx = 0, sx = 0;
        int n = points.size();
        for (int i = 0; i < n; i++) {
            sxx += points.x(i) * points.x(i);
            sx += points.x(i);
        }
        double a = 2 * sxx / n, b = 2 * sx / n, d = 2.0;
        double lambda = (a + d) / 2 + Math.sqrt((a - d) * (a - d) / 4 + b * b);
        double half = new java.math.BigDecimal(1 / lambda).round(new java.math.MathContext(2)).doubleValue();
        return org.sgdplayground.experiment.Numbers.format(half);
    }

    @Test
    void the_roller_coaster_draws_fastbooks_picture_and_its_loss_falls() {
        browser.openPlayground("/?preset=roller-coaster&speed=20");
        double start = loss();
        browser.js("window.sgdPlayground.play()");
        browser.waitUntil("the ten steps finish", WAIT, () -> "done".equals(browser.state().get("outcome")));
        assertEquals(10L, iter());
        assertTrue(loss() < start);
        browser.screenshot("roller-coaster");
    }

    @Test
    void a_dropped_connection_is_announced_and_the_page_reconnects_asking_to_resume_where_it_was() {
        browser.openPlayground("/?steps=400&speed=40");
        for (int i = 1; i <= 3; i++) {
            browser.js("window.sgdPlayground.step()");
            int expected = i;
            browser.waitUntil("frame " + i, WAIT, () -> iter() == expected);
        }
        Object paramsBefore = browser.state().get("params");
        browser.restartServer(Duration.ofMillis(700));
        browser.waitUntil("the page notices", WAIT, () -> browser.driver.findElement(By.id("banner")).getText().contains("Connection lost")
            || Boolean.TRUE.equals(browser.state().get("connected")) && browser.state().get("resumedWith") != null);
        browser.waitUntil("the page is live again", WAIT, () -> Boolean.TRUE.equals(browser.state().get("connected"))
            && browser.state().get("params") != null && browser.state().get("resumedWith") != null);
        String resumedWith = (String) browser.state().get("resumedWith");
        assertTrue(resumedWith.contains("at=3") && resumedWith.contains("paused=1"), resumedWith);
        assertEquals(false, browser.state().get("running"), "a paused run stays paused");
        assertEquals(3L, iter(), "the server replays to frame 3, so the page resumes where it was");
        assertEquals(paramsBefore, browser.state().get("params"), "frame 3 after the restart is frame 3 before it");
        browser.waitUntil("the banner goes", WAIT, () -> !browser.driver.findElement(By.id("banner")).isDisplayed());
        long before = iter();
        browser.js("window.sgdPlayground.step()");
        browser.waitUntil("step works on the new connection", WAIT, () -> iter() == before + 1);
        browser.consoleProblems(); // the dropped socket may log a failed reconnect attempt; that is the point of this test
    }

    @Test
    void the_light_theme_redraws_the_plot_in_light_colours() {
        browser.openPlayground("/?preset=roller-coaster");
        browser.screenshot("roller-coaster-start");
        String dark = renderedPlot();
        browser.driver.findElement(By.id("theme")).click();
        assertEquals("light", browser.js("return document.documentElement.dataset.theme"));
        assertNotEquals(dark, renderedPlot());
        browser.screenshot("light");
        browser.driver.findElement(By.id("theme")).click();
        assertEquals("dark", browser.js("return document.documentElement.dataset.theme"));
    }

    /**
     * A reader who chose light gets every page written in light, so its first paint is light (the theme of {@code <html>}
     * as the parser made it, before any script); a choice kept only in storage (made before the cookie) is applied by the
     * script and written to the cookie, so the next page is light from the start.
     */
    @Test
    void a_reader_who_chose_light_gets_pages_light_from_their_first_paint() {
        String id = (String) browser.driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", """
            new MutationObserver((_, watcher) => {
              if (!document.documentElement) return;
              window.parsedTheme = document.documentElement.dataset.theme ?? null;
              watcher.disconnect();
            }).observe(document, { childList: true });""")).get("identifier");
        try {
            browser.openPlayground("/?preset=roller-coaster");
            assertEquals("dark", browser.js("return window.parsedTheme"), "dark by default");
            browser.driver.findElement(By.id("theme")).click();
            for (String path : List.of("/?preset=fastai-sgd", "/embed?preset=fastai-sgd", "/?lr=fast", "/no-such-page")) {
                browser.driver.get(browser.url(path));
                assertEquals("light", browser.js("return window.parsedTheme"), path + " is light as parsed");
            }
            List<String> logged = browser.consoleProblems(); // the 400 and the 404 answers, and nothing else
            assertTrue(logged.stream().allMatch(p -> p.contains("status of 400") || p.contains("status of 404")), logged.toString());

            browser.js("document.cookie = 'sgd-theme=; Max-Age=0; Path=/'"); // a choice kept only in storage
            browser.openPlayground("/?preset=fastai-sgd");
            assertEquals("dark", browser.js("return window.parsedTheme"), "the server could not know");
            assertEquals("light", browser.js("return document.documentElement.dataset.theme"), "the script applied the stored choice");
            browser.openPlayground("/?preset=fastai-sgd");
            assertEquals("light", browser.js("return window.parsedTheme"), "and wrote it to the cookie for the next page");
        } finally {
            browser.driver.executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument", Map.of("identifier", id));
            browser.openPlayground("/");
            if ("light".equals(browser.js("return document.documentElement.dataset.theme"))) browser.driver.findElement(By.id("theme")).click();
        }
        assertEquals("dark", browser.js("return document.documentElement.dataset.theme"), "put back for the other tests");
    }

    @Test
    void a_375_px_phone_scrolls_only_downwards_and_the_canvas_is_sharp() {
        browser.driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
            Map.of("width", 375, "height", 812, "deviceScaleFactor", 2, "mobile", true));
        try {
            browser.openPlayground("/");
            browser.js("window.sgdPlayground.play()");
            browser.waitUntil("the run finishes", WAIT, () -> "done".equals(browser.state().get("outcome")));
            long scrollWidth = (Long) browser.js("return document.scrollingElement.scrollWidth");
            long innerWidth = (Long) browser.js("return window.innerWidth");
            assertEquals(375L, innerWidth);
            assertTrue(scrollWidth <= innerWidth, "scrollWidth " + scrollWidth + " > " + innerWidth);
            long backing = (Long) browser.js("return document.getElementById('plot').width");
            long css = (Long) browser.js("return document.getElementById('plot').clientWidth");
            assertEquals(2 * css, backing, "the canvas has two device pixels per CSS pixel");
            browser.screenshot("phone");
        } finally {
            browser.driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    private static void retype(String name, String value) {
        WebElement field = browser.driver.findElement(By.name(name));
        field.sendKeys(Keys.chord(Keys.CONTROL, "a"), value, Keys.TAB);
        browser.waitUntil(name + "=" + value + " is in the address", WAIT,
            () -> browser.driver.getCurrentUrl().contains(name + "=" + value));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> controlValues() {
        return (Map<String, String>) browser.js(
            "const out = {}; for (const el of document.getElementById('controls').elements) if (el.name) out[el.name] = el.value; return out;");
    }

    /** The plot's pixels once the browser has drawn the latest frame. */
    private static String renderedPlot() {
        browser.jsAsync("const done = arguments[arguments.length - 1]; requestAnimationFrame(() => requestAnimationFrame(done));");
        return browser.canvasPixels("plot");
    }

    private static long iter() {
        return ((Number) browser.state().get("iter")).longValue();
    }

    private static double loss() {
        return ((Number) browser.state().get("loss")).doubleValue();
    }

    @SuppressWarnings("unchecked")
    private static List<Double> params() {
        List<Object> p = (List<Object>) browser.state().get("params");
        return p == null ? List.of() : p.stream().map(v -> ((Number) v).doubleValue()).toList();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
