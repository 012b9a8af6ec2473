package org.sgdplayground.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * axe-core's WCAG 2.1 A and AA checks, run in the test browser on the pages a visitor sees first, in both themes,
 * before and after a run: none may fail.
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

    @ParameterizedTest(name = "{0} in the {1} theme")
    @CsvSource({
        "/, dark", "/, light",
        "/embed, dark", "/embed, light",
        "/?preset=roller-coaster, dark", "/?preset=roller-coaster, light",
        "/?preset=diverging-lr&speed=1000, dark", "/?preset=diverging-lr&speed=1000, light",
    })
    void the_page_has_no_wcag_21_aa_violations(String page, String theme) {
        browser.openPlayground(page);
        browser.js("document.documentElement.dataset.theme = arguments[0]", theme);
        assertNoViolations(page + " (" + theme + ", before playing)");

        browser.js("window.sgdPlayground.play()");
        browser.waitUntil("the run ends", Duration.ofSeconds(20),
            () -> browser.js("return window.sgdPlayground.state().outcome") != null);
        assertNoViolations(page + " (" + theme + ", after the run)");
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
}
