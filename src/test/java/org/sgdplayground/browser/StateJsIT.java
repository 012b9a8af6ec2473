package org.sgdplayground.browser;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sgdplayground.experiment.Experiment;
import org.sgdplayground.experiment.ExperimentCodec;
import org.sgdplayground.experiment.QueryStrings;
import org.sgdplayground.page.ShownNumbers;
import org.openqa.selenium.By;

/**
 * The browser's modules that must agree with the server: state.js writes the links the codec writes, format.js the
 * numbers ShownNumbers writes, and the scaling note the page rewrites says what the server rendered.
 */
class StateJsIT {
    private static Browser browser;

    @BeforeAll
    static void start() {
        browser = new Browser();
        browser.openPlayground("/");
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.close();
    }

    @Test
    void state_js_writes_the_same_shortest_link_as_the_servers_codec() {
        List<String> queries = List.of("", "preset=roller-coaster", "preset=roller-coaster&model=linear&lr=0.001",
            "model=quadratic", "preset=momentum&momentum=0.5&batch=10&seed=3", "init=1,2&noise=0.5&n=50&speed=10",
            "preset=fastai-sgd-es&init=random&steps=7&autoplay=1", "lr=0.10&steps=0100");
        for (String query : queries) {
            Experiment e = ExperimentCodec.decode(QueryStrings.parse(query));
            Map<String, String> settings = ExperimentCodec.settingsByKey(e);
            Object written = browser.jsAsync(
                "const done = arguments[arguments.length - 1];"
                    + "import('/static/state.js').then(s => done(s.buildQuery(s.readBoot(), arguments[0])));", settings);
            assertEquals(ExperimentCodec.encode(e), written, "the link for ?" + query);
        }
    }

    @Test
    void the_one_number_format_never_shows_nan_and_keeps_four_significant_digits() {
        @SuppressWarnings("unchecked")
        List<String> shown = (List<String>) browser.jsAsync(
            "const done = arguments[arguments.length - 1];"
                + "import('/static/format.js').then(f => done([NaN, Infinity, -Infinity, 0, 2.46318, 0.080726, 1234567, 2.5e-7, -3].map(f.formatNumber)));");
        assertEquals(List.of("—", "—", "—", "0", "2.463", "0.08073", "1.235e6", "2.5e-7", "-3"), shown);
    }

    @Test
    void format_js_and_the_servers_shown_numbers_write_every_number_alike() {
        java.util.Random random = new java.util.Random(7);
        List<Double> values = new java.util.ArrayList<>(List.of(12345.0, 9999.5, 99999.5, 1.0005, 0.00099996, 0.125, -2.5e-7, 361.0,
            1e5, 1e-3, 0.1 + 0.2, 1.0 / 3, -5.7662812973353983, 19.0, 2.7142857142857144));
        for (int i = 0; i < 400; i++) values.add((random.nextBoolean() ? -1 : 1) * random.nextDouble() * Math.pow(10, random.nextInt(19) - 9));
        @SuppressWarnings("unchecked")
        List<String> shown = (List<String>) browser.jsAsync(
            "const done = arguments[arguments.length - 1];"
                + "import('/static/format.js').then(f => done(arguments[0].map(f.formatNumber)));", values);
        assertEquals(values.stream().map(ShownNumbers::format).toList(), shown);
    }

    @Test
    void the_scaling_note_the_page_writes_for_the_points_is_the_one_the_server_rendered() {
        for (String query : List.of("preset=fastai-sgd", "preset=roller-coaster", "preset=roller-coaster&model=linear",
                // the Spanish lesson's run in English (its preset opens in Spanish: web/scalingnote.js writes that once it reads the catalogue, #19)
                "preset=standardised", "n=7&noise=3&seed=5&model=quadratic", "preset=fastai-sgd&init=-1,1")) {
            browser.openPlayground("/?" + query);
            Object rendered = browser.jsAsync("const done = arguments[arguments.length - 1];"
                + "fetch(location.href).then(r => r.text()).then(html => "
                + "done(new DOMParser().parseFromString(html, 'text/html').getElementById('scaling-note').textContent));");
            browser.js("document.getElementById('scaling-note').textContent = ''; window.sgdPlayground.reset()");
            browser.waitUntil("the page rewrites the note", java.time.Duration.ofSeconds(10),
                () -> !browser.driver.findElement(By.id("scaling-note")).getText().isEmpty());
            assertEquals(rendered, browser.driver.findElement(By.id("scaling-note")).getText(), query);
        }
    }

    @Test
    void the_scaling_note_follows_the_points_when_they_change() {
        browser.openPlayground("/?preset=fastai-sgd");
        assertTrue(note().startsWith("Here x runs from "), note());
        browser.js("window.sgdPlayground.set({preset: 'roller-coaster'})");
        browser.waitUntil("the note speaks of the roller coaster", java.time.Duration.ofSeconds(10), () -> note().contains("t² reaches 361"));
        browser.js("window.sgdPlayground.set({model: 'linear'})");
        browser.waitUntil("and of its line", java.time.Duration.ofSeconds(10), () -> note().contains("so t reaches 19 while 1 stays 1"));
    }

    private static String note() {
        return browser.driver.findElement(By.id("scaling-note")).getText();
    }
}
