package org.sgdplayground.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sgdplayground.analysis.Optimum;
import org.sgdplayground.data.Dataset;
import org.sgdplayground.experiment.Experiment;
import org.sgdplayground.experiment.ExperimentCodec;
import org.sgdplayground.experiment.Frame;
import org.sgdplayground.experiment.QueryStrings;
import org.sgdplayground.experiment.Race;
import org.sgdplayground.experiment.TrainingRun;

/** A race on the page (SPEC §8): a curve, a loss line and a path per lane, the leaderboard, lanes that end alone. */
class RaceIT extends PageTest {
    static final List<String> LANE_COLOURS = List.of("#3fa7ff", "#ff4d6d", "#3ddc84", "#c77dff");

    /** Pixels of the canvas within a small distance of the colour. */
    private static long pixelsOf(String canvas, String hex) {
        return ((Number) browser.js("""
            const c = document.getElementById(arguments[0]), hex = arguments[1];
            const want = [1, 3, 5].map(i => parseInt(hex.slice(i, i + 2), 16));
            const copy = document.createElement('canvas'); // read from a copy made for reading, as Chrome asks
            Object.assign(copy, { width: c.width, height: c.height });
            const cx = copy.getContext('2d', { willReadFrequently: true });
            cx.drawImage(c, 0, 0);
            const d = cx.getImageData(0, 0, c.width, c.height).data;
            let n = 0;
            for (let i = 0; i < d.length; i += 4) {
              if (Math.abs(d[i] - want[0]) + Math.abs(d[i + 1] - want[1]) + Math.abs(d[i + 2] - want[2]) < 24) n++;
            }
            return n;""", canvas, hex)).longValue();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> lanes() {
        return (List<Map<String, Object>>) browser.state().get("lanes");
    }

    private static List<String> leaderboard() {
        @SuppressWarnings("unchecked")
        List<String> rows = (List<String>) browser.js(
            "return [...document.querySelectorAll('#leaderboard li')].map(li => li.className + ' | ' + li.textContent)");
        return rows;
    }

    /** The first iteration each lane's loss over all points is within 1% of L*, or -1: what the board must say. */
    static int[] arrivals(String query) {
        Experiment e = ExperimentCodec.decode(QueryStrings.parse(query));
        Dataset points = e.dataset();
        double best = Optimum.of(e.model(), points).loss();
        return Race.entries(e).stream().mapToInt(lane -> {
            List<Frame> frames = new TrainingRun(lane.experiment(), points).all();
            for (Frame f : frames) {
                double sum = 0;
                for (int i = 0; i < points.size(); i++) {
                    double r = f.params()[0] * points.x(i) + f.params()[1] - points.y(i);
                    sum += r * r;
                }
                if (sum / points.size() <= 1.01 * best) return f.iter();
            }
            return -1;
        }).toArray();
    }

    @Test
    void a_race_shows_a_curve_a_loss_line_and_a_path_per_lane_and_the_leaderboard_fills_in() {
        String query = "preset=race-noisy";
        browser.openPlayground("/?" + query + "&speed=1000");
        assertEquals(4, lanes().size());
        assertEquals(List.of("not yet", "not yet", "not yet", "not yet"),
            leaderboard().stream().map(r -> r.contains("not yet") ? "not yet" : r).toList(), "before the start nobody is there");
        browser.js("window.sgdPlayground.play()");
        browser.waitUntil("the race ends", Duration.ofSeconds(20), () -> "done".equals(browser.state().get("outcome")));
        int[] expected = arrivals(query);
        List<String> rows = leaderboard();
        for (int k = 0; k < 4; k++) {
            assertEquals(300L, lanes().get(k).get("iter"), "lane " + k + " ran every step");
            assertTrue(expected[k] >= 0, "each lane of race-noisy gets within 1% at some point");
            assertEquals((long) expected[k], lanes().get(k).get("reachedAt"), "lane " + k);
            assertTrue(rows.get(k).contains("within 1% of L* at iteration " + expected[k]), rows.get(k));
            for (String canvas : List.of("plot", "loss-chart", "landscape")) {
                assertTrue(pixelsOf(canvas, LANE_COLOURS.get(k)) > 30, "lane " + k + " is drawn in its colour on " + canvas);
            }
        }
        browser.screenshot("race-noisy-dark");
        browser.js("document.getElementById('leaderboard').scrollIntoView({block: 'center'})");
        browser.screenshot("race-noisy-leaderboard-dark");
        browser.js("document.getElementById('theme').click(); scrollTo(0, 0)");
        browser.screenshot("race-noisy-light");
        browser.js("document.getElementById('leaderboard').scrollIntoView({block: 'center'})");
        browser.screenshot("race-noisy-leaderboard-light");
        browser.js("scrollTo(0, 0)");
        browser.js("document.getElementById('theme').click()");
    }

    /**
     * Momentum 0.995 swings across the roller coaster's narrow valley for 2,000 steps: its path, drawn whole at full
     * strength, was a solid patch over a tenth of the landscape's canvas. Its older steps are now one faint stroke: the lane's
     * own colour covers at most a twentieth of the landscape, and is there (its recent steps).
     */
    @Test
    void a_long_path_swinging_across_a_valley_leaves_the_landscape_visible_under_it() {
        browser.openPlayground("/?preset=race-momentum&speed=1000");
        browser.js("window.sgdPlayground.play()");
        browser.waitUntil("the race ends", Duration.ofSeconds(30), () -> "done".equals(browser.state().get("outcome")));
        long solid = pixelsOf("landscape", LANE_COLOURS.get(1));
        long area = ((Number) browser.js("const c = document.getElementById('landscape'); return c.width * c.height")).longValue();
        assertTrue(solid > 30, "the momentum lane's recent steps are drawn in its colour: " + solid);
        assertTrue(solid < area / 20, "and cover at most a twentieth of the landscape: " + solid + " of " + area + " pixels");
        browser.js("document.getElementById('landscape').scrollIntoView({block: 'center'})");
        browser.screenshot("race-momentum-landscape");
    }

    @Test
    void a_diverging_lane_is_marked_while_the_others_go_on() {
        String query = "preset=fastai-sgd&steps=150&race=sgd,sgd(lr=30)";
        TrainingRun wild = new TrainingRun(ExperimentCodec.decode(QueryStrings.parse("preset=fastai-sgd&steps=150&lr=30")));
        wild.all();
        int divergedAt = wild.outcome().iter();
        browser.openPlayground("/?" + query.replace("(", "%28").replace(")", "%29") + "&speed=60");
        browser.js("window.sgdPlayground.play()");
        browser.waitUntil("the wild lane diverges", Duration.ofSeconds(20), () -> "diverged".equals(lanes().get(1).get("outcome")));
        assertEquals(true, browser.state().get("running"), "the race goes on");
        assertNull(lanes().get(0).get("outcome"), "the steady lane goes on");
        assertTrue(leaderboard().get(1).contains("diverged at " + divergedAt), leaderboard().get(1));
        assertTrue(leaderboard().get(1).startsWith("lane lane-1 diverged"), leaderboard().get(1));
        browser.js("document.getElementById('leaderboard').scrollIntoView({block: 'center'})");
        browser.screenshot("race-diverging-lane");
        browser.waitUntil("the steady lane finishes", Duration.ofSeconds(20), () -> "done".equals(browser.state().get("outcome")));
        assertEquals(150L, lanes().get(0).get("iter"));
        assertEquals("done", lanes().get(0).get("outcome"));
    }

    @Test
    void pause_step_and_reset_act_on_every_lane() {
        browser.openPlayground("/?preset=race-adam");
        assertNull(browser.state().get("graph"), "no graph for a race: one per lane is not built");
        assertTrue(browser.driver.findElement(org.openqa.selenium.By.id("graph")).getText().contains("one graph per lane"),
            "the open Graph panel says why it is empty");
        browser.js("window.sgdPlayground.step(); window.sgdPlayground.step(); window.sgdPlayground.step()");
        browser.waitUntil("three steps", Duration.ofSeconds(10), () -> Long.valueOf(3).equals(browser.state().get("iter")));
        for (Map<String, Object> lane : lanes()) assertEquals(3L, lane.get("iter"), String.valueOf(lane.get("lane")));
        browser.js("window.sgdPlayground.reset()");
        browser.waitUntil("back at the start", Duration.ofSeconds(10), () -> Long.valueOf(0).equals(browser.state().get("iter")));
        for (Map<String, Object> lane : lanes()) assertEquals(0L, lane.get("iter"), String.valueOf(lane.get("lane")));
    }
}
