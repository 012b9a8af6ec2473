package org.sgdplayground.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The Export menu in headless Chromium: it lists every export, each link carries the run's query as the run changes
 * (stored points included), the picture follows the theme, the files behind the links open, and Escape closes it.
 */
class ExportMenuIT extends StoredPageTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final List<String> FILES = List.of("train.py", "notebook.ipynb", "frames.csv", "frames.json", "plot.png", "run.gif", "replay.html");

    private List<WebElement> links() {
        return browser.driver.findElements(By.cssSelector("#export-menu a[data-export]"));
    }

    /** Each link's address as the page holds it, by file. */
    private List<String> hrefs() {
        List<String> out = new ArrayList<>();
        for (WebElement a : links()) out.add(a.getDomAttribute("href"));
        return out;
    }

    private List<String> expected(String query, String theme) {
        return FILES.stream().map(f -> "/export/" + f + "?" + query + (f.equals("plot.png") ? "&theme=" + theme : "")).toList();
    }

    private String query() {
        return (String) browser.state().get("query");
    }

    @Test
    void a_race_offers_every_export_and_each_answers_with_every_lane() throws Exception {
        browser.resize(1280, 1000);
        browser.openPlayground("/?preset=race-adam");
        browser.driver.findElement(By.cssSelector("#export-menu > summary")).click();
        List<String> shown = new ArrayList<>();
        for (WebElement a : links()) if (a.isDisplayed()) shown.add(a.getDomAttribute("data-export"));
        assertEquals(FILES, shown);
        HttpClient http = HttpClient.newHttpClient();
        for (WebElement a : links()) {
            int status = http.send(HttpRequest.newBuilder(URI.create(browser.url(a.getDomAttribute("href")))).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
            assertEquals(200, status, a.getDomAttribute("href"));
        }
    }

    @Test
    void the_menu_lists_every_export_each_carrying_the_run_s_query_and_follows_the_controls() {
        browser.resize(1280, 1000);
        browser.openPlayground("/?preset=roller-coaster");
        assertEquals(FILES, links().stream().map(a -> a.getDomAttribute("data-export")).toList(), "all seven, in order");
        assertEquals(expected(query(), "dark"), hrefs());
        assertFalse(links().get(0).isDisplayed(), "closed until asked");

        browser.driver.findElement(By.cssSelector("#export-menu > summary")).click();
        assertTrue(links().stream().allMatch(WebElement::isDisplayed), "opened, every entry shows");
        new org.openqa.selenium.interactions.Actions(browser.driver).sendKeys(Keys.TAB).perform();
        assertEquals("train.py", browser.js("return document.activeElement.dataset.export"), "Tab goes from the button into the list");
        browser.screenshot("export-menu-open");
        links().get(0).sendKeys(Keys.ESCAPE);
        assertFalse(links().get(0).isDisplayed(), "Escape closes it");

        browser.js("window.sgdPlayground.set({lr: 2e-5, steps: 30})");
        browser.waitUntil("the new run's query", WAIT, () -> query().contains("lr=2e-5") && query().contains("steps=30"));
        assertEquals(expected(query(), "dark"), hrefs(), "the links follow the run");

        browser.driver.findElement(By.id("theme")).click();
        assertEquals(expected(query(), "light"), hrefs(), "the picture follows the theme");
        browser.driver.findElement(By.id("theme")).click();
    }

    @Test
    void with_stored_points_the_links_carry_their_id_and_the_files_behind_them_open() throws Exception {
        HttpResponse<String> stored = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(browser.url("/api/points")))
            .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofString("x,y\n0,1.5\n1,2.25\n2,4.5\n3,5.75\n")).build(),
            HttpResponse.BodyHandlers.ofString());
        assertEquals(201, stored.statusCode(), stored.body());
        String id = stored.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
        browser.openPlayground("/?points=" + id + "&lr=0.05");
        assertTrue(query().contains("points=" + id), query());
        assertEquals(expected(query(), "dark"), hrefs());

        for (String file : List.of("train.py", "notebook.ipynb", "frames.csv", "frames.json")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> got = (Map<String, Object>) browser.jsAsync(
                "const done = arguments[arguments.length - 1];"
                    + "fetch(document.querySelector(`#export-menu a[data-export='${arguments[0]}']`).href)"
                    + ".then(async r => done({status: r.status, text: await r.text()}))", file);
            assertEquals(200L, got.get("status"), file);
            String text = (String) got.get("text");
            String expectedStart = Map.of("frames.csv", "iter,loss,p0,p1,g0,g1\n0,", "frames.json", "{\"query\":\"" + query() + "\"")
                .getOrDefault(file, "");
            assertTrue(text.startsWith(expectedStart), file + " begins " + expectedStart + ": " + text.substring(0, 100));
            if (expectedStart.isEmpty()) assertTrue(text.contains("your points (points=" + id + ")"), file + " trains on the stored points");
        }
        browser.driver.findElement(By.cssSelector("#export-menu > summary")).click();
        browser.screenshot("export-menu-own-points");
    }

    @Test
    void on_a_phone_the_open_menu_stays_on_screen() {
        browser.resize(390, 844);
        try {
            browser.openPlayground("/?preset=fastai-sgd");
            browser.driver.findElement(By.cssSelector("#export-menu > summary")).click();
            @SuppressWarnings("unchecked")
            Map<String, Object> box = (Map<String, Object>) browser.js("""
                const r = document.querySelector('#export-menu .export-list').getBoundingClientRect();
                return {left: r.left, right: r.right, width: document.documentElement.clientWidth};""");
            double left = ((Number) box.get("left")).doubleValue(), right = ((Number) box.get("right")).doubleValue();
            assertTrue(left >= 0 && right <= ((Number) box.get("width")).doubleValue(), "the list inside the screen: " + box);
            browser.screenshot("export-menu-phone");
        } finally {
            browser.resize(1280, 1000);
        }
    }
}
