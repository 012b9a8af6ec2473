package org.sgdplayground.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** What every page test shares: one browser and app per class, a desktop window, and no console errors after each test. */
abstract class PageTest {
    static Browser browser;

    @BeforeAll
    static void start() {
        browser = new Browser();
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.close();
    }

    @BeforeEach
    void desktop() {
        browser.resize(1280, 1000);
    }

    @AfterEach
    void noConsoleProblems() {
        assertEquals(List.of(), browser.consoleProblems(), "the page logged errors or warnings");
    }
}
