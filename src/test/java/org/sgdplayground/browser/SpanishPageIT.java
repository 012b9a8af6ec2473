package org.sgdplayground.browser;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.sgdplayground.page.ShownNumbers;

/**
 * The playground in Spanish (issue 19), walked as a learner of the Spanish notebook would: the lesson, its panels and
 * menus, a run that diverges, the roller coaster, a race, the embed. Whatever it shows (text, labels, tooltips, what a
 * screen reader is told, the words drawn on canvases) holds no English the English catalogue holds; and links keep
 * the language.
 */
class SpanishPageIT extends PageTest {
    private static final Duration WAIT = Duration.ofSeconds(15);

    /** Records every text a canvas draws (window.__drawnText), before the page's own scripts run. */
    @BeforeAll
    static void recordCanvasText() {
        browser.driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", """
            window.__drawnText = new Set();
            const fill = CanvasRenderingContext2D.prototype.fillText;
            CanvasRenderingContext2D.prototype.fillText = function (text, ...rest) {
              window.__drawnText.add(String(text));
              return fill.call(this, text, ...rest);
            };"""));
    }

    @Test
    void the_spanish_lesson_and_every_panel_a_learner_opens_speak_spanish() {
        browser.openPlayground("/?preset=fastai-sgd-es");
        assertEquals("es", browser.js("return document.documentElement.lang"), "the Spanish notebook's preset opens in Spanish");
        browser.js("window.sgdPlayground.play()");
        browser.waitUntil("the run is done", WAIT, () -> "done".equals(browser.state().get("outcome")));
        assertEquals(ShownNumbers.format(((Number) browser.state().get("loss")).doubleValue()),
            browser.driver.findElement(By.id("loss")).getText(), "the loss with the notebook's decimal point, as print() shows it");
        click("#export-menu > summary");
        List<String> seen = new ArrayList<>(texts());
        browser.screenshot("spanish-export-menu");
        click("#export-menu > summary");

        browser.js("document.getElementById('own-data').open = true; document.getElementById('own-data').scrollIntoView()");
        click("#own-use"); // nothing pasted: the panel says what to do
        browser.waitUntil("the panel answers", WAIT, () -> !browser.driver.findElement(By.id("own-message")).getText().isEmpty());
        browser.js("const g = document.getElementById('graph-panel'); g.open = true; g.scrollIntoView()");
        browser.js("window.sgdPlayground.reset()");
        browser.waitUntil("the graph's values", WAIT, () -> browser.js("return window.sgdPlayground.state().graph?.iter") != null);
        browser.driver.findElement(By.id("step")).click(); // with the graph open, a step is walked phase by phase
        browser.waitUntil("the step lands", WAIT, () -> Long.valueOf(1).equals(browser.state().get("iter")));
        seen.addAll(texts());
        browser.screenshot("spanish-graph-and-own-data");

        browser.js("window.scrollTo(0, 0)");
        click("#embed-button");
        seen.addAll(texts());
        browser.screenshot("spanish-embed-dialog");
        click("#close-embed");
        assertSpanish(seen);
    }

    @Test
    void a_learning_rate_that_diverges_gets_its_advice_in_spanish() {
        browser.openPlayground("/?lang=es&preset=diverging-lr");
        browser.js("window.sgdPlayground.play()");
        browser.waitUntil("the run diverges", WAIT, () -> "diverged".equals(browser.state().get("outcome")));
        WebElement hint = browser.driver.findElement(By.id("lr-hint"));
        browser.waitUntil("the advice shows", WAIT, hint::isDisplayed);
        String banner = browser.driver.findElement(By.id("banner")).getText();
        long at = (Long) browser.state().get("divergedAt");
        assertTrue(banner.contains("Divergió en la iteración " + at), banner);
        assertTrue(hint.getText().contains("descenso de gradiente"), "the notebook's own words: " + hint.getText());
        browser.screenshot("spanish-diverged");
        assertSpanish(texts());
    }

    @Test
    void the_roller_coaster_a_race_and_adam_speak_spanish_too() {
        List<String> seen = new ArrayList<>();
        for (String query : List.of("/?lang=es&preset=roller-coaster&standardize=0", "/?lang=es&preset=race-momentum",
            "/?lang=es&preset=fastai-sgd&optimizer=adam")) {
            browser.openPlayground(query);
            browser.js("window.sgdPlayground.play()");
            browser.waitUntil("the run ends", WAIT, () -> browser.state().get("outcome") != null);
            seen.addAll(texts());
            browser.screenshot("spanish-" + query.replaceAll("\\W+", "-").replaceAll("^-|-$", ""));
        }
        assertTrue(seen.contains("tiempo") && seen.contains("velocidad medida"), "the roller coaster's axes and legend: " + seen);
        assertSpanish(seen);
    }

    @Test
    void the_embed_speaks_spanish() {
        browser.openPlayground("/embed?lang=es&preset=fastai-sgd-es");
        browser.js("window.sgdPlayground.play()");
        browser.waitUntil("the run is done", WAIT, () -> "done".equals(browser.state().get("outcome")));
        assertEquals("es", browser.js("return document.documentElement.lang"));
        browser.screenshot("spanish-embed");
        assertSpanish(texts());
    }

    @Test
    void copy_link_and_the_embed_snippet_keep_the_language() {
        browser.openPlayground("/?lang=es&preset=fastai-sgd");
        new Select(browser.driver.findElement(By.name("model"))).selectByValue("quadratic");
        browser.waitUntil("the quadratic run", WAIT, () -> String.valueOf(browser.state().get("query")).contains("model=quadratic"));
        click("#copy-link");
        String link = String.valueOf(browser.js("return document.getElementById('copy-link').dataset.link"));
        assertTrue(link.contains("lang=es") && link.contains("model=quadratic"), link);
        assertTrue(browser.driver.getCurrentUrl().contains("lang=es"), "the address bar: " + browser.driver.getCurrentUrl());
        click("#embed-button");
        String snippet = browser.driver.findElement(By.id("embed-snippet")).getAttribute("value");
        assertTrue(snippet.contains("/embed?") && snippet.contains("lang=es") && snippet.contains("model=quadratic"), snippet);
        click("#close-embed");
    }

    @Test
    void switching_language_keeps_the_learners_settings() {
        browser.openPlayground("/?lang=es&preset=fastai-sgd&lr=0.05");
        new Select(browser.driver.findElement(By.name("model"))).selectByValue("quadratic");
        browser.waitUntil("the quadratic run", WAIT, () -> String.valueOf(browser.state().get("query")).contains("model=quadratic"));
        String spanishQuery = String.valueOf(browser.state().get("query"));
        WebElement english = browser.driver.findElement(By.cssSelector(".lang-switch a[data-lang=en]"));
        assertTrue(english.getAttribute("href").contains("lang=en"), english.getAttribute("href"));
        english.click();
        browser.waitUntil("the English page", WAIT, () -> "en".equals(browser.js("return document.documentElement.lang")));
        browser.waitUntil("its first frame", WAIT,
            () -> Boolean.TRUE.equals(browser.js("return !!window.sgdPlayground && window.sgdPlayground.state().params !== null")));
        assertEquals(settings(spanishQuery), settings(String.valueOf(browser.state().get("query"))),
            "the same run, in the other language");
    }

    @Test
    void every_button_holds_its_longer_spanish_words_on_a_desktop_a_phone_and_in_an_embed() {
        record Size(String path, int width, int height) {}
        for (Size size : List.of(new Size("/?preset=fastai-sgd-es", 1280, 1000), new Size("/?preset=fastai-sgd-es", 390, 844),
            new Size("/embed?preset=fastai-sgd-es", 720, 480), new Size("/embed?preset=fastai-sgd-es", 360, 640))) {
            browser.resize(size.width(), size.height());
            browser.openPlayground(size.path());
            browser.js("window.sgdPlayground.play()");
            browser.waitUntil("the run is done", WAIT, () -> "done".equals(browser.state().get("outcome")));
            browser.screenshot("spanish-" + (size.path().startsWith("/embed") ? "embed-" : "page-") + size.width() + "x" + size.height());
            assertEquals(List.of(), overflowing(), "text wider than its button at " + size);
        }
    }

    @Test
    void a_message_is_the_catalogues_text_with_its_placeholders_filled_and_a_missing_key_shows_itself_once_logged() {
        browser.openPlayground("/?lang=es");
        @SuppressWarnings("unchecked")
        List<String> said = (List<String>) browser.jsAsync("""
            const done = arguments[arguments.length - 1];
            import('/static/i18n.js').then(i => done([i.lang(), i.t('web.readout.progress', {iter: 3, steps: 10, loss: '0.5'}),
              i.t('web.no.such.key'), i.t('web.no.such.key')]));""");
        String progress = EnglishLeftovers.catalogue("es").getProperty("web.readout.progress")
            .replace("{iter}", "3").replace("{steps}", "10").replace("{loss}", "0.5");
        assertEquals(List.of("es", progress, "web.no.such.key", "web.no.such.key"), said);
        List<String> logged = browser.consoleProblems();
        assertEquals(1, logged.size(), "logged once: " + logged);
        assertTrue(logged.get(0).contains("web.no.such.key"), logged.get(0));
    }

    // ---- what the page shows ----------------------------------------------------------------------------------

    /**
     * Every text a person meets: the visible text of the page and of open dialogs, option texts, the live regions
     * (what a screen reader is told), labels, tooltips and descriptions, and the words drawn on canvases.
     */
    @SuppressWarnings("unchecked")
    private static List<String> texts() {
        return (List<String>) browser.js("""
            const out = [document.title, ...document.body.innerText.split('\\n')];
            for (const o of document.querySelectorAll('option')) out.push(o.textContent);
            for (const r of document.querySelectorAll('[aria-live], [role=status], [role=log]')) out.push(r.textContent);
            for (const el of document.querySelectorAll('*')) {
              for (const a of ['aria-label', 'title', 'aria-description', 'placeholder', 'alt', 'aria-valuetext', 'data-label']) {
                if (el.hasAttribute(a)) out.push(el.getAttribute(a));
              }
            }
            out.push(...(window.__drawnText ?? []));
            return out.map(t => t.replace(/\\s+/g, ' ').trim()).filter(t => t !== '');""");
    }

    private static void assertSpanish(List<String> seen) {
        EnglishLeftovers english = new EnglishLeftovers("es", keptNames());
        assertTrue(english.size() > 100, "the English catalogue gives " + english.size() + " fragments to look for");
        assertEquals(List.of(), english.in(seen), "English on the Spanish page");
    }

    /** Buttons and menu heads on screen whose words are wider than their box: Spanish runs about a fifth longer. */
    @SuppressWarnings("unchecked")
    private static List<String> overflowing() {
        return (List<String>) browser.js("""
            return [...document.querySelectorAll('button, summary, .button-like, .lang-switch a, #open-full')]
              .filter(el => el.offsetParent !== null && getComputedStyle(el).display !== 'inline')
              .filter(el => el.scrollWidth > el.clientWidth + 1)
              .map(el => `${el.id || el.className}: "${el.textContent.trim()}" ${el.scrollWidth} > ${el.clientWidth}`);""");
    }

    /** Names the page shows in every language: the parameters' keys and options, the presets' and models' names. */
    @SuppressWarnings("unchecked")
    private static List<String> keptNames() {
        return (List<String>) browser.js("""
            const boot = JSON.parse(document.getElementById('boot').textContent);
            return [...boot.parameters.flatMap(p => [p.key, ...(p.options ?? [])]), ...boot.presets.map(p => p.name),
              ...boot.models.map(m => m.name)];""");
    }

    /** A query's settings without its language, in order. */
    private static List<String> settings(String query) {
        return Arrays.stream(query.split("&")).filter(p -> !p.startsWith("lang=")).collect(Collectors.toList());
    }

    private static void click(String css) {
        browser.driver.findElement(By.cssSelector(css)).click();
    }
}
