package org.sgdplayground.browser;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.sgdplayground.data.Dataset;
import org.sgdplayground.experiment.Limits;

/**
 * Bringing a table to the page in headless Chromium (SPEC §6): paste, upload, drop, refusals that keep what is shown,
 * the way back to generated points, and a copied link that shows the same points and run after a server restart.
 */
class OwnDataTableIT extends StoredPageTest {
    private static final String START = "/?preset=fastai-sgd&n=12";
    private static OwnPoints own;

    @BeforeAll
    static void helpers() {
        own = new OwnPoints(browser);
    }

    private static WebElement byId(String id) {
        return browser.driver.findElement(By.id(id));
    }

    private static void openPanel() {
        browser.js("document.getElementById('own-data').open = true");
    }

    private static void paste(String table) {
        openPanel();
        browser.js("const t = document.getElementById('own-table'); t.value = arguments[0]; t.dispatchEvent(new Event('input'));", table);
        byId("own-use").click();
    }

    private static String message() {
        return byId("own-message").getText();
    }

    /** The numbers of a table written with decimal commas, read the way a person reads them. */
    private static double[] column(String[] rows, int column) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) out[i] = Double.parseDouble(rows[i].split(";")[column].replace(',', '.'));
        return out;
    }

    @Test
    void a_pasted_semicolon_table_with_decimal_commas_becomes_the_points_and_back_returns_to_generated_data() {
        browser.openPlayground(START);
        String[] rows = {"1,5;3,25", "-2,5;0,5", "4;9,75", "0,125;-1"};
        paste("x;y\n" + String.join("\n", rows) + "\n");
        String id = own.awaitNewSet("");
        assertEquals(new Dataset(column(rows, 0), column(rows, 1)), own.stored(id));
        assertEquals(rows.length, own.n());
        assertTrue(byId("own-stored").isDisplayed(), "the stored set offers its CSV and the way back");
        assertEquals(browser.url("/api/points/" + id + ".csv"), byId("own-download").getAttribute("href"));
        assertFalse(byId("f-n").isEnabled(), "n means nothing while own points are shown");
        browser.js("document.getElementById('own-data').scrollIntoView()");
        browser.screenshot("own-pasted");

        byId("own-back").click();
        browser.waitUntil("back to generated points", OwnPoints.WAIT,
            () -> "".equals(own.id()) && !String.valueOf(browser.state().get("query")).contains("points="));
        assertEquals(12L, own.n(), "the generated set the page showed before, n=12 as its link said");
        assertTrue(String.valueOf(browser.js("return location.search")).contains("n=12"));
    }

    @Test
    void a_bad_paste_names_its_line_and_column_and_keeps_the_points_and_the_link() {
        browser.openPlayground(START);
        paste("x,y\n1,2\n3,4\n");
        String id = own.awaitNewSet("");
        Object address = browser.js("return location.href");
        paste("x,y\n1,2\n3,abc\n5,6\n");
        browser.waitUntil("the refusal is shown", OwnPoints.WAIT, () -> message().contains("abc"));
        String said = message();
        assertTrue(said.contains("line 3") && said.contains("column 2"), said);
        assertTrue(byId("own-message").getAttribute("class").contains("problem"));
        assertEquals(id, own.id(), "the points on screen stay");
        assertEquals(address, browser.js("return location.href"), "and so does the link");
        browser.js("document.getElementById('own-message').scrollIntoView({block: 'center'})");
        browser.screenshot("own-refused");

        paste("x,y\n1,2\n");
        browser.waitUntil("one point is refused", OwnPoints.WAIT, () -> message().contains("point") && !message().equals(said));
        assertEquals(id, own.id());
        assertEquals(List.of(400, 400), refusedLoads(), "the browser logs each refused upload, and nothing else");
    }

    @Test
    void an_uploaded_three_column_tsv_picks_its_numeric_columns_and_a_dropped_csv_replaces_it() throws IOException {
        browser.openPlayground(START);
        Path tsv = Files.createTempFile(dataDir, "speeds-", ".tsv");
        Files.writeString(tsv, "time\tlabel\tspeed\n0\ta\t1.5\n1\tb\t2.5\n2\tc\t4\n");
        openPanel();
        byId("own-file").sendKeys(tsv.toAbsolutePath().toString());
        String uploaded = own.awaitNewSet("");
        assertEquals(new Dataset(new double[] {0, 1, 2}, new double[] {1.5, 2.5, 4}), own.stored(uploaded));
        assertTrue(byId("own-columns").isDisplayed(), "a wide table offers its columns");
        assertEquals("time", byId("own-xcol").getAttribute("value"));
        assertEquals("speed", byId("own-ycol").getAttribute("value"));

        browser.js("const d = new DataTransfer(); d.items.add(new File(['x,y\\n10,20\\n30,40\\n50,70\\n'], 'dropped.csv', {type: 'text/csv'}));"
            + "document.getElementById('plot').dispatchEvent(new DragEvent('drop', {dataTransfer: d, bubbles: true, cancelable: true}));");
        String dropped = own.awaitNewSet(uploaded);
        assertEquals(new Dataset(new double[] {10, 30, 50}, new double[] {20, 40, 70}), own.stored(dropped));
        assertTrue(message().contains("dropped.csv"), message());
    }

    @Test
    void a_file_over_the_body_limit_is_refused_before_it_is_sent() throws IOException {
        browser.openPlayground(START);
        Path big = Files.createTempFile(dataDir, "big-", ".csv");
        byte[] row = "1.0,2.0\n".getBytes(StandardCharsets.US_ASCII);
        long rows = Limits.MAX_BODY_BYTES / row.length + 1;
        try (var out = Files.newOutputStream(big)) {
            for (long i = 0; i < rows; i++) out.write(row);
        }
        openPanel();
        byId("own-file").sendKeys(big.toAbsolutePath().toString());
        browser.waitUntil("the size is refused", OwnPoints.WAIT, () -> message().contains("at most"));
        assertTrue(message().contains("big-"), "names the file: " + message());
        assertEquals("", own.id(), "the generated points stay");
    }

    @Test
    void the_copied_link_shows_the_same_points_and_the_same_run_after_a_server_restart() {
        browser.openPlayground(START);
        paste("x,y\n-1,-2.5\n0,0.25\n1,2.75\n2,5.5\n3,7.25\n");
        String id = own.awaitNewSet("");
        byId("copy-link").click();
        browser.waitUntil("the link is copied", OwnPoints.WAIT, () -> byId("copy-link").getAttribute("data-link") != null);
        String link = byId("copy-link").getAttribute("data-link");
        assertTrue(link.contains("points=" + id), link);
        List<Object> before = finalParams();

        browser.restartServer(Duration.ofMillis(200));
        browser.consoleProblems(); // the dropped socket may log a failed reconnect; the restart is the point here
        browser.js("localStorage.clear(); sessionStorage.clear();");
        browser.driver.manage().deleteAllCookies();
        browser.openPlayground(link.substring(link.indexOf("/?")));
        assertEquals(id, own.id());
        assertEquals(5L, own.n());
        assertEquals(before, finalParams(), "the same run, number for number");

        JsonNode answer = own.getJson("/api/points/" + id, 200);
        assertEquals(5, answer.get("x").size(), "the store kept the set through the restart");
    }

    /** The statuses of the failed loads the browser logged (and forgets them). */
    private static List<Integer> refusedLoads() {
        return browser.consoleProblems().stream()
            .map(line -> line.replaceAll(".*status of (\\d+).*", "$1"))
            .map(Integer::valueOf).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Object> finalParams() {
        browser.js("window.sgdPlayground.set({speed: 1000}); window.sgdPlayground.play()");
        browser.waitUntil("the run finishes", OwnPoints.WAIT, () -> "done".equals(browser.state().get("outcome")));
        Map<String, Object> s = browser.state();
        return List.of(s.get("iter"), s.get("loss"), s.get("params"));
    }
}
