package org.sgdplayground.browser;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.interactions.Actions;
import org.sgdplayground.data.Dataset;
import org.sgdplayground.experiment.ExperimentCodec;
import org.sgdplayground.experiment.QueryStrings;
import org.sgdplayground.server.json.WireLimits;

/**
 * Editing a set that came on the socket's 16-bit grid (docs/SOCKET.md): the page fetches the exact points before the
 * first edit, so the stored set keeps every other point's double.
 */
class OwnDataBigSetIT extends StoredPageTest {
    private static final String QUERY = "preset=fastai-sgd&n=" + (WireLimits.MAX_POINTS_AS_NUMBERS + 1);
    private static OwnPoints own;

    @BeforeAll
    static void helpers() {
        own = new OwnPoints(browser);
    }

    @Test
    void a_click_on_a_set_drawn_from_the_grid_first_fetches_the_exact_points_then_the_next_click_adds_one_keeping_the_rest_exactly() {
        browser.openPlayground("/?" + QUERY);
        Dataset before = ExperimentCodec.decode(QueryStrings.parse(QUERY)).dataset();
        assertEquals(before.size(), own.n());
        double[] px = own.pixelOf(-0.6, 4.5); // lesson 2's points lie in y ∈ [3x + 2, 3x + 3]: at x = −0.6, far below 4.5
        double[] aimed = own.dataAt(px[0], px[1]), slack = own.slack();

        own.at(new Actions(browser.driver), px[0], px[1]).click().perform();
        browser.waitUntil("the exact points are here", OwnPoints.WAIT,
            () -> String.valueOf(own.own().get("message")).contains("exact points are here"));
        assertEquals(false, own.own().get("editing"), "the click that asked for them changed nothing");
        assertEquals("", own.id());

        own.at(new Actions(browser.driver), px[0], px[1]).click().perform();
        String id = own.awaitNewSet("");
        Dataset stored = own.stored(id);
        own.assertOneAdded(before, stored, aimed, slack);
    }
}
