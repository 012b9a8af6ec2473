package org.sgdplayground.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * axe-core's WCAG 2.1 A and AA checks, run in the test browser on the pages a visitor sees first, in both themes,
 * before and after a run: none may fail. Then what axe cannot see: every control reached by Tab with a visible
 * focus ring, the plot's keys leaving fields alone, and a live region that speaks politely, not 50 times a second.
 */
class AccessibilityIT {
    private static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
    private static Browser browser;

    @BeforeAll
    static void start() {
        browser = new Browser();
    }

    @AfterAll
    static void stop() {
        browser.close();
    }

    @BeforeEach
    void desktop() {
        browser.resize(1280, 1000);
    }

    @ParameterizedTest(name = "{0} in the {1} theme")
    @CsvSource({
        "/, dark", "/, light",
        "/embed, dark", "/embed, light",
        "/?preset=roller-coaster, dark", "/?preset=roller-coaster, light",
        "/?preset=diverging-lr&speed=1000, dark", "/?preset=diverging-lr&speed=1000, light",
        "/?preset=race-noisy&speed=1000, dark", "/?preset=race-noisy&speed=1000, light",
        "/embed?preset=race-noisy&speed=1000, dark", "/embed?preset=race-noisy&speed=1000, light",
    })
    void the_page_has_no_wcag_21_aa_violations(String page, String theme) {
        browser.openPlayground(page);
        browser.js("document.documentElement.dataset.theme = arguments[0]", theme);
        assertNoViolations(page + " (" + theme + ", before playing)");

        browser.js("window.sgdPlayground.play()");
        browser.waitUntil("the run ends", Duration.ofSeconds(20),
            () -> browser.js("return window.sgdPlayground.state().outcome") != null);
        assertNoViolations(page + " (" + theme + ", after the run)");
        browser.screenshot("a11y-" + page.replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "") + "-" + theme);
    }

    private static void assertNoViolations(String where) {
        Results results = new AxeBuilder().withTags(WCAG_21_AA).analyze(browser.driver);
        assertTrue(results.getErrorMessage() == null || results.getErrorMessage().isBlank(),
            "axe ran on " + where + ": " + results.getErrorMessage());
        assertTrue(results.getPasses().size() > 10, "axe checked something on " + where);
        assertEquals("", describe(results.getViolations()), "WCAG 2.1 A/AA violations on " + where);
    }

    /** Each violation as "rule (impact): the elements it names", so a failure says what to fix. */
    private static String describe(List<Rule> violations) {
        return violations.stream()
            .map(v -> v.getId() + " (" + v.getImpact() + "): " + v.getNodes().stream()
                .map(n -> String.valueOf(n.getTarget()) + " " + n.getFailureSummary())
                .collect(Collectors.joining("; ")))
            .collect(Collectors.joining("\n"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/?steps=300&speed=1000", "/?preset=roller-coaster&steps=30&speed=1000", "/embed?steps=300&speed=1000"})
    void tab_reaches_every_control_and_each_shows_a_focus_ring(String page) {
        browser.openPlayground(page);
        browser.js("window.sgdPlayground.play()");
        browser.waitUntil("the run ends", Duration.ofSeconds(20), () -> browser.js("return window.sgdPlayground.state().outcome") != null);
        long controls = (Long) browser.js("""
            document.getElementById('own-data')?.setAttribute('open', ''); // Your data's controls count too
            // a closed disclosure's content (the Export menu's links) is not reached until it is opened
            const focusable = [...document.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex]')]
              .filter(el => !el.disabled && el.tabIndex >= 0 && el.getClientRects().length > 0)
              .filter(el => !el.closest('details:not([open]) > :not(summary)'));
            focusable.forEach((el, i) => { el.dataset.probe = i; });
            return focusable.length;""");
        assertTrue(controls >= 5, page + ": " + controls + " controls");
        java.util.Set<Object> reached = new java.util.HashSet<>();
        for (int i = 0; i < 3 * controls && reached.size() < controls; i++) {
            new Actions(browser.driver).sendKeys(Keys.TAB).perform();
            @SuppressWarnings("unchecked")
            Map<String, Object> focus = (Map<String, Object>) browser.js("""
                const el = document.activeElement, css = getComputedStyle(el);
                return {probe: el.dataset.probe ?? null, what: el.outerHTML.slice(0, 80), visible: el.matches(':focus-visible'),
                        ring: css.outlineStyle, width: parseFloat(css.outlineWidth)};""");
            if (focus.get("probe") == null) continue; // the document itself, between the last control and the first
            reached.add(focus.get("probe"));
            assertTrue(Boolean.TRUE.equals(focus.get("visible")) && !"none".equals(focus.get("ring"))
                && ((Number) focus.get("width")).doubleValue() >= 2, "a focus ring on " + focus);
        }
        assertEquals(controls, reached.size(), page + ": every control is reached by Tab; missed "
            + browser.js("return [...document.querySelectorAll('[data-probe]')].filter(el => !arguments[0].includes(el.dataset.probe))"
                + ".map(el => el.outerHTML.slice(0, 90))", new java.util.ArrayList<>(reached)));
    }

    @Test
    void the_plots_keys_leave_fields_sliders_and_the_log_to_themselves() {
        browser.openPlayground("/?steps=300&speed=1000");
        browser.js("""
            window.handled = [];
            addEventListener('keydown', e => handled.push(e.key + (e.defaultPrevented ? ' taken' : ' left')));""");
        WebElement lr = browser.driver.findElement(By.name("lr"));
        lr.sendKeys(Keys.chord(Keys.CONTROL, "a"), "0.2 r", Keys.ARROW_RIGHT);
        assertEquals("0.2 r", lr.getAttribute("value"), "typed into the field");
        assertEquals(List.of("Control left", "a left", "0 left", ". left", "2 left", "  left", "r left", "ArrowRight left"), handled());
        lr.sendKeys(Keys.chord(Keys.CONTROL, "a"), "0.1");
        browser.js("window.handled.length = 0");
        WebElement slider = browser.driver.findElement(By.id("lr-slider"));
        slider.sendKeys(Keys.ARROW_RIGHT, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT);
        assertEquals("0.11", lr.getAttribute("value"), "the slider moved: 0.1 · 10^0.05");
        assertEquals(List.of("ArrowRight left", "ArrowRight left", "ArrowRight left", "ArrowRight left", "ArrowRight left"), handled());

        browser.js("window.sgdPlayground.play()");
        browser.waitUntil("the run ends", Duration.ofSeconds(20), () -> "done".equals(browser.js("return window.sgdPlayground.state().outcome")));
        WebElement log = browser.driver.findElement(By.id("log"));
        assertEquals("0", log.getAttribute("tabindex"), "the log scrolls, so it takes focus");
        browser.js("window.handled.length = 0; arguments[0].focus()", log);
        new Actions(browser.driver).sendKeys(Keys.ARROW_UP, Keys.SPACE).perform();
        assertEquals(List.of("ArrowUp left", "  left"), handled(), "the log scrolls by its keys");
        assertEquals(false, browser.js("return window.sgdPlayground.state().running"), "space in the log did not replay the run");

        browser.js("window.handled.length = 0; document.activeElement.blur()");
        browser.driver.findElement(By.tagName("body")).sendKeys("r");
        assertEquals(List.of("r taken"), handled(), "outside the fields the keys are the plot's");
    }

    @Test
    void the_live_region_speaks_every_few_seconds_while_playing_and_says_the_outcome() {
        browser.openPlayground("/?steps=300&speed=50");
        assertEquals("polite", browser.js("return document.getElementById('announce').getAttribute('aria-live')"));
        browser.js("""
            window.spoken = [];
            window.frames = 0;
            const region = document.getElementById('announce'), started = performance.now();
            new MutationObserver(() => spoken.push([performance.now() - started, region.textContent]))
              .observe(region, {childList: true, characterData: true, subtree: true});
            new MutationObserver(records => { frames += records.length; }).observe(document.getElementById('iter'), {childList: true, characterData: true, subtree: true});
            window.sgdPlayground.play();""");
        browser.waitUntil("six seconds of frames end", Duration.ofSeconds(30), () -> "done".equals(browser.js("return window.sgdPlayground.state().outcome")));
        @SuppressWarnings("unchecked")
        List<List<Object>> spoken = (List<List<Object>>) browser.js("return window.spoken");
        long frames = (Long) browser.js("return window.frames");
        assertTrue(frames >= 250, "the readout changed " + frames + " times");
        assertTrue(spoken.size() >= 2 && spoken.size() <= 3, "a progress line or two and the outcome, not one per frame: " + spoken);
        for (int i = 0; i + 1 < spoken.size(); i++) {
            assertTrue(String.valueOf(spoken.get(i).get(1)).matches("Iteration \\d+ of 300, loss [0-9.e-]+\\."), "progress: " + spoken.get(i));
            double at = ((Number) spoken.get(i).get(0)).doubleValue(), before = i == 0 ? 0 : ((Number) spoken.get(i - 1).get(0)).doubleValue();
            assertTrue(at - before >= 4900, "five seconds apart at least: " + spoken);
        }
        String loss = browser.driver.findElement(By.id("loss")).getText();
        assertEquals("Training done: loss " + loss + ", least squares " + leastSquares() + ".", spoken.get(spoken.size() - 1).get(1));
    }

    @Test
    void a_divergence_is_said_with_its_iteration() {
        browser.openPlayground("/?preset=diverging-lr&speed=1000");
        browser.js("window.sgdPlayground.play()");
        browser.waitUntil("the run diverges", Duration.ofSeconds(20), () -> "diverged".equals(browser.js("return window.sgdPlayground.state().outcome")));
        long at = (Long) browser.js("return window.sgdPlayground.state().divergedAt");
        assertEquals("Training diverged at iteration " + at + ".", browser.js("return document.getElementById('announce').textContent"));
    }

    private static String leastSquares() {
        String outcome = browser.driver.findElement(By.id("outcome")).getText();
        return outcome.substring(outcome.indexOf("least squares ") + "least squares ".length());
    }

    @SuppressWarnings("unchecked")
    private static List<String> handled() {
        return (List<String>) browser.js("return window.handled");
    }
}
