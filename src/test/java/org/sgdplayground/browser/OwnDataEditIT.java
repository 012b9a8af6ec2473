package org.sgdplayground.browser;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.interactions.PointerInput;
import org.openqa.selenium.interactions.Sequence;
import org.sgdplayground.analysis.LossSurface;
import org.sgdplayground.data.Dataset;
import org.sgdplayground.experiment.Experiment;
import org.sgdplayground.experiment.ExperimentCodec;
import org.sgdplayground.experiment.QueryStrings;

/** Editing the points on the plot in headless Chromium (SPEC §6): click to add, drag, delete, long press, undo. */
class OwnDataEditIT extends StoredPageTest {
    private static final String START = "/?preset=fastai-sgd&n=12";
    private static OwnPoints own;

    @BeforeAll
    static void helpers() {
        own = new OwnPoints(browser);
    }

    private static Dataset generated() {
        Experiment e = ExperimentCodec.decode(QueryStrings.parse(START.substring(2)));
        return e.dataset();
    }

    @Test
    void a_click_on_empty_space_adds_a_point_there_and_the_address_carries_the_stored_set() {
        browser.openPlayground(START);
        Dataset before = generated();
        assertEquals(before.size(), own.n());
        double[] px = own.emptyPixel(before, 30);
        double[] aimed = own.dataAt(px[0], px[1]), slack = own.slack();
        own.at(new Actions(browser.driver), px[0], px[1]).click().perform();

        String id = own.awaitNewSet("");
        Dataset stored = own.stored(id);
        own.assertOneAdded(before, stored, aimed, slack);
        assertTrue(String.valueOf(browser.js("return location.search")).contains("points=" + id), "the address bar carries the set");
        assertEquals(0L, browser.state().get("iter"), "the run restarts from its start on the new points");
        browser.screenshot("own-click-added");
    }

    @Test
    void dragging_a_point_moves_the_best_fit_live_and_the_run_restarts_on_the_stored_points_when_it_ends() {
        browser.openPlayground(START);
        Dataset before = generated();
        double[] from = own.pixelOf(before.x(0), before.y(0));
        double[] to = own.emptyPixel(before, 40);
        Actions drag = own.at(new Actions(browser.driver), from[0], from[1]).clickAndHold();
        for (int k = 1; k <= 8; k++) {
            own.at(drag, from[0] + (to[0] - from[0]) * k / 8, from[1] + (to[1] - from[1]) * k / 8).pause(Duration.ofMillis(30));
        }
        drag.perform();
        browser.waitUntil("the server's best fit follows the drag", OwnPoints.WAIT,
            () -> ((Number) own.own().get("analyses")).longValue() > 0 && Boolean.TRUE.equals(own.own().get("editing")));
        browser.waitUntil("the last position is analysed", OwnPoints.WAIT, () -> Boolean.FALSE.equals(own.own().get("pending")));
        sleepAFrame(); // the answer is drawn on the next animation frame
        double[] liveOptimum = optimumShown();
        browser.screenshot("own-drag-live");
        new Actions(browser.driver).release().perform();

        String id = own.awaitNewSet("");
        Dataset stored = own.stored(id);
        double[] aimed = own.dataAt(to[0], to[1]), slack = own.slack();
        assertEquals(aimed[0], stored.x(0), slack[0], "the point is where it was dropped");
        assertEquals(aimed[1], stored.y(0), slack[1]);
        for (int i = 1; i < before.size(); i++) assertEquals(before.x(i), stored.x(i), 0, "the others stay");
        Experiment e = ExperimentCodec.decode(QueryStrings.parse("preset=fastai-sgd"));
        double[] expected = LossSurface.of(e.model(), stored).optimum();
        assertArrayEquals(expected, liveOptimum, 1e-9 * (1 + Math.abs(expected[0]) + Math.abs(expected[1])),
            "while dragging, the landscape's optimum is the least squares of the dragged points");
        assertEquals(0L, browser.state().get("iter"));
        assertTrue(((Number) own.own().get("analyseMedianMs")).doubleValue() > 0);
    }

    @Test
    void delete_right_click_long_press_and_ctrl_z_remove_points_and_walk_back() {
        browser.openPlayground(START);
        Dataset before = generated();
        double[] fourth = own.pixelOf(before.x(3), before.y(3));
        own.at(new Actions(browser.driver), fourth[0], fourth[1]).click().perform();
        browser.waitUntil("point 3 is selected", OwnPoints.WAIT, () -> Long.valueOf(3).equals(own.own().get("selected")));
        new Actions(browser.driver).sendKeys(Keys.DELETE).perform();
        String first = own.awaitNewSet("");
        assertEquals(without(before, 3), own.stored(first), "Delete removes the selected point and only it");

        Dataset afterDelete = own.stored(first);
        double[] zeroth = own.pixelOf(afterDelete.x(0), afterDelete.y(0));
        own.at(new Actions(browser.driver), zeroth[0], zeroth[1]).contextClick().perform();
        String second = own.awaitNewSet(first);
        assertEquals(without(afterDelete, 0), own.stored(second), "a right-click removes the point under it");

        Dataset afterRightClick = own.stored(second);
        double[] last = own.pixelOf(afterRightClick.x(afterRightClick.size() - 1), afterRightClick.y(afterRightClick.size() - 1));
        longPress(last);
        String third = own.awaitNewSet(second);
        assertEquals(without(afterRightClick, afterRightClick.size() - 1), own.stored(third), "a long press removes the point under the finger");

        browser.js("document.activeElement.blur()");
        for (String expected : List.of(second, first, "")) {
            new Actions(browser.driver).keyDown(Keys.CONTROL).sendKeys("z").keyUp(Keys.CONTROL).perform();
            browser.waitUntil("Ctrl+Z goes back to " + (expected.isEmpty() ? "the generated points" : expected), OwnPoints.WAIT,
                () -> expected.equals(own.id()) && (expected.isEmpty()
                    ? !String.valueOf(browser.state().get("query")).contains("points=")
                    : String.valueOf(browser.state().get("query")).contains("points=" + expected)));
        }
        assertEquals(before.size(), own.n(), "back to the generated points");
    }

    private static void longPress(double[] pixel) {
        var c = own.canvas().getRect();
        PointerInput finger = new PointerInput(PointerInput.Kind.TOUCH, "finger");
        Sequence press = new Sequence(finger, 0)
            .addAction(finger.createPointerMove(Duration.ZERO, PointerInput.Origin.viewport(),
                (int) Math.round(c.getX() + pixel[0]), (int) Math.round(c.getY() + pixel[1])))
            .addAction(finger.createPointerDown(PointerInput.MouseButton.LEFT.asArg()))
            .addAction(new org.openqa.selenium.interactions.Pause(finger, Duration.ofMillis(900)))
            .addAction(finger.createPointerUp(PointerInput.MouseButton.LEFT.asArg()));
        browser.driver.perform(List.of(press));
    }

    @SuppressWarnings("unchecked")
    private static double[] optimumShown() {
        Object o = ((Map<String, Object>) browser.state().get("landscape")).get("optimum");
        return o == null ? null : ((List<Object>) o).stream().mapToDouble(v -> ((Number) v).doubleValue()).toArray();
    }

    private static void sleepAFrame() {
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Dataset without(Dataset d, int skip) {
        double[] x = new double[d.size() - 1], y = new double[d.size() - 1];
        for (int i = 0, j = 0; i < d.size(); i++) {
            if (i == skip) continue;
            x[j] = d.x(i);
            y[j++] = d.y(i);
        }
        return new Dataset(x, y);
    }
}
