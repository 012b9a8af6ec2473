package org.sgdplayground.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** What the tests of pages with stored points share: {@link PageTest}'s harness on an app whose store is H2 in a fresh folder. */
abstract class StoredPageTest {
    @TempDir
    static Path dataDir;
    static Browser browser;

    @BeforeAll
    static void start() {
        browser = Browser.withStore(dataDir);
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.close();
    }

    @AfterEach
    void noConsoleProblems() {
        assertEquals(List.of(), browser.consoleProblems(), "the page logged errors or warnings");
    }
}
