package org.sgdplayground.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * In Chromium, a first visit loads the page's hashed files with no console complaint (CSP, failed preloads) and
 * draws the curve, and asks for the panels' modules only after it; a repeat visit gets the page as a 304 and
 * everything else from the cache, asking for nothing more.
 */
class AssetCachingIT extends PageTest {
    /** Every HTTP answer of this document, {@code [name, transferSize]}: 0 bytes is a copy from the cache. */
    @SuppressWarnings("unchecked")
    private static List<List<Object>> answers() {
        return (List<List<Object>>) browser.js("""
            return [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]
              .map(e => [new URL(e.name).pathname, e.transferSize]);""");
    }

    private static Set<Object> paths(List<List<Object>> answers) {
        // the icon is left out: Chromium keeps icons apart and does not list them again from there
        return answers.stream().map(a -> a.get(0)).filter(p -> !((String) p).endsWith(".svg")).collect(Collectors.toSet());
    }

    private static void visit(String path) {
        browser.driver.get("about:blank");
        browser.openPlayground(path);
        browser.waitUntil("the curve is drawn", Duration.ofSeconds(10),
            () -> (Boolean) browser.js("return performance.getEntriesByName('sgd:first-curve').length === 1"));
        browser.waitUntil("the panels are wired", Duration.ofSeconds(10),
            () -> (Boolean) browser.js("return performance.getEntriesByName('sgd:panels').length === 1"));
    }

    /** The file of the panels' modules came after this document's first curve; the file of the rest before. */
    private static void assertPanelsCameAfterTheFirstCurve() {
        @SuppressWarnings("unchecked")
        List<List<Object>> modules = (List<List<Object>>) browser.js("""
            const drawn = performance.getEntriesByName('sgd:first-curve')[0].startTime;
            return performance.getEntriesByType('resource').filter(e => e.name.endsWith('.js'))
              .map(e => [new URL(e.name).pathname.replace(/^\\/assets\\/|\\.[0-9a-f]{16}\\.js$/g, ''), e.startTime >= drawn]);""");
        List<Object> later = modules.stream().filter(m -> (Boolean) m.get(1)).map(m -> m.get(0)).toList();
        List<Object> before = modules.stream().filter(m -> !(Boolean) m.get(1)).map(m -> m.get(0)).toList();
        assertEquals(List.of("main.later"), later, "the panels' modules, in one file");
        assertEquals(List.of("main"), before, "the page's modules, in one file");
    }

    @Test
    void a_repeat_visit_asks_only_for_the_page_and_gets_a_304() {
        browser.consoleProblems(); // only this test's
        visit("/?preset=momentum");
        List<List<Object>> first = answers();
        assertTrue(first.stream().allMatch(a -> a.get(0).equals("/") || ((String) a.get(0)).startsWith("/assets/")), first.toString());
        assertEquals(2, first.stream().filter(a -> ((String) a.get(0)).endsWith(".js")).count(), "the modules, in two files: " + first);
        assertTrue(first.stream().allMatch(a -> ((Number) a.get(1)).longValue() > 0), "a fresh profile fetches everything: " + first);
        assertEquals(List.of(), browser.consoleProblems());
        assertPanelsCameAfterTheFirstCurve();

        visit("/?preset=momentum");
        List<List<Object>> again = answers();
        assertEquals(paths(first), paths(again), "the same files, this time from the cache");
        List<Object> fetched = again.stream().filter(a -> ((Number) a.get(1)).longValue() > 0).map(a -> a.get(0)).toList();
        assertEquals(List.of("/"), fetched, "only the page went to the server: " + again);
        assertEquals("preset=momentum", browser.state().get("query"), "the page from the cache runs its experiment");
        browser.screenshot("repeat-visit-momentum");
    }
}
