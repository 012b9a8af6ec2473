package org.sgdplayground.browser;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.sgdplayground.data.Dataset;
import org.sgdplayground.experiment.Experiment;
import org.sgdplayground.experiment.ExperimentCodec;
import org.sgdplayground.experiment.QueryStrings;
import org.sgdplayground.graph.GraphNode;
import org.sgdplayground.graph.GraphView;
import org.sgdplayground.json.Jackson;

/** The Graph panel in headless Chromium (SPEC §9): state().graph against /api/train, the walked step, the maths, the looks. */
class GraphPanelIT extends PageTest {
    private static final Duration WAIT = Duration.ofSeconds(15);

    private static JsonNode train(String query) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(
            HttpRequest.newBuilder(URI.create(browser.url("/api/train?" + query))).POST(HttpRequest.BodyPublishers.noBody()).build(),
            HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return Jackson.MAPPER.readTree(r.body());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> graph() {
        return (Map<String, Object>) browser.state().get("graph");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> nodes() {
        return (List<Map<String, Object>>) graph().get("nodes");
    }

    private static void awaitGraphAt(int iter) {
        browser.waitUntil("the graph shows frame " + iter, WAIT,
            () -> graph() != null && graph().get("iter") != null && ((Number) graph().get("iter")).intValue() == iter);
    }

    private static Double number(Object o) {
        return o == null ? null : ((Number) o).doubleValue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"preset=fastai-sgd", "preset=roller-coaster"})
    void after_three_steps_the_parameter_nodes_gradients_are_api_trains_frame_3(String query) throws Exception {
        browser.openPlayground("/?" + query + "&show=graph");
        awaitGraphAt(0);
        for (int k = 1; k <= 3; k++) {
            browser.js("window.sgdPlayground.step()");
            int iter = k;
            browser.waitUntil("frame " + k, WAIT, () -> ((Number) browser.state().get("iter")).intValue() == iter);
        }
        awaitGraphAt(3);

        JsonNode frame3 = train(query).get("frames").get(3);
        Experiment e = ExperimentCodec.decode(QueryStrings.parse(query));
        Dataset points = e.dataset();
        GraphView view = GraphView.over(e.model(), points.xs(), points.ys(), e.pointsPerStep());
        List<Map<String, Object>> shown = nodes();
        assertEquals(view.nodes().stream().map(GraphNode::label).toList(), shown.stream().map(n -> n.get("label")).toList());
        for (GraphNode n : view.nodes()) {
            Map<String, Object> s = shown.get(n.id());
            assertEquals(n.op(), s.get("op"));
            if (n.param() >= 0) {
                assertEquals(frame3.get("grad").get(n.param()).doubleValue(), number(s.get("grad")), n.label() + "'s gradient");
                assertEquals(frame3.get("params").get(n.param()).doubleValue(), number(s.get("value")), n.label() + "'s value");
            }
            if (n.isScalar()) assertNotNull(s.get("value"), n.label() + " is a scalar: it has a value");
            else assertNull(s.get("value"), n.label() + " is a vector: no single value");
        }
        assertEquals(frame3.get("loss").doubleValue(), number(shown.get(view.loss().id()).get("value")), "the loss node");

        // the maths below adds up to the same gradients, parameter by parameter
        List<String> written = new ArrayList<>();
        for (var line : browser.driver.findElements(By.cssSelector("#graph-maths .maths-line"))) written.add(line.getAttribute("data-value"));
        assertEquals(e.model().parameterCount(), written.size());
        assertEquals(e.model().parameterCount(), browser.driver.findElements(By.cssSelector("#graph-maths math")).size());
        for (int j = 0; j < written.size(); j++) {
            double g = frame3.get("grad").get(j).doubleValue();
            assertEquals(g, Double.parseDouble(written.get(j)), 1e-9 * (1 + Math.abs(g)), "∂L/∂p" + j + " written out");
        }
        browser.js("document.getElementById('graph-panel').scrollIntoView()");
        browser.screenshot("graph-" + query.replace("preset=", "") + "-dark");
    }

    @Test
    void the_step_button_walks_predict_loss_gradient_and_step_in_order() {
        browser.openPlayground("/?preset=roller-coaster&show=graph");
        awaitGraphAt(0);
        browser.js("window.__phases = [];"
            + "new MutationObserver(() => window.__phases.push(document.getElementById('seven-steps').dataset.current))"
            + ".observe(document.getElementById('seven-steps'), {attributes: true, attributeFilter: ['data-current']});");
        browser.driver.findElement(By.id("step")).click();
        browser.js("document.getElementById('graph-panel').scrollIntoView()");
        browser.waitUntil("the walk reaches the gradient", WAIT, () -> "gradient".equals(browser.js("return document.getElementById('seven-steps').dataset.current")));
        browser.screenshot("graph-walk-gradient");
        awaitGraphAt(1);
        browser.waitUntil("the walk ends", WAIT, () -> "repeat".equals(browser.js("return document.getElementById('seven-steps').dataset.current")));
        @SuppressWarnings("unchecked")
        List<String> phases = (List<String>) browser.js("return window.__phases");
        assertEquals(List.of("predict", "loss", "gradient", "step", "repeat"), phases);
        assertEquals(1L, browser.state().get("iter"), "one update");
    }

    @Test
    @SuppressWarnings("unchecked")
    void hovering_a_point_on_the_plot_shows_its_row_through_every_node() {
        browser.openPlayground("/?preset=roller-coaster&show=graph");
        awaitGraphAt(0);
        // sweep the pointer over the plot until it is over a point
        Object hovered = browser.js("const c = document.getElementById('plot'), r = c.getBoundingClientRect();"
            + "for (let y = r.top; y < r.bottom; y += 4) for (let x = r.left; x < r.right; x += 4) {"
            + "  c.dispatchEvent(new PointerEvent('pointermove', {clientX: x, clientY: y, bubbles: true}));"
            + "  const h = window.sgdPlayground.state().graph.hovered; if (h !== null) return h; }"
            + "return null;");
        assertNotNull(hovered, "some point of the plot was under the pointer");
        int row = ((Number) hovered).intValue();
        browser.waitUntil("the row comes back", WAIT, () -> graph().get("row") != null);

        Experiment e = ExperimentCodec.decode(QueryStrings.parse("preset=roller-coaster"));
        Dataset points = e.dataset();
        List<Map<String, Object>> shown = nodes();
        Map<String, Object> r = (Map<String, Object>) graph().get("row");
        List<Object> values = (List<Object>) r.get("values");
        assertEquals(row, ((Number) r.get("index")).intValue());
        double[] params = ((List<Object>) browser.state().get("params")).stream().mapToDouble(o -> ((Number) o).doubleValue()).toArray();
        for (Map<String, Object> n : shown) {
            int id = ((Number) n.get("id")).intValue();
            if ("x".equals(n.get("label"))) assertEquals(points.x(row), number(values.get(id)), "x of the point");
            if ("y".equals(n.get("label"))) assertEquals(points.y(row), number(values.get(id)), "y of the point");
            if ("ŷ".equals(n.get("label"))) assertEquals(e.model().valueAt(points.x(row), params), number(values.get(id)), 1e-9, "ŷ of the point");
        }
        assertTrue(browser.driver.findElement(By.id("graph")).getText().contains("row " + row), "the cards say which row");
    }

    @Test
    void the_panel_opens_on_a_wide_screen_is_shut_on_a_phone_and_show_graph_opens_it_there() {
        browser.openPlayground("/?preset=fastai-sgd");
        assertEquals(Boolean.TRUE, browser.js("return document.getElementById('graph-panel').open"));
        awaitGraphAt(0);

        browser.resize(375, 800);
        browser.openPlayground("/?preset=fastai-sgd");
        assertEquals(Boolean.FALSE, browser.js("return document.getElementById('graph-panel').open"), "shut on a phone");
        assertNull(graph(), "and nothing asked of the server");

        browser.openPlayground("/?preset=roller-coaster&show=graph");
        awaitGraphAt(0);
        browser.js("document.getElementById('graph-panel').scrollIntoView()");
        browser.screenshot("graph-roller-coaster-375");
        assertEquals(Boolean.FALSE, browser.js("return document.documentElement.scrollWidth > document.documentElement.clientWidth"),
            "no sideways scrolling at 375 px");
    }

    @Test
    void the_panel_reads_in_the_light_theme() {
        browser.openPlayground("/?preset=fastai-sgd&show=graph");
        awaitGraphAt(0);
        browser.driver.findElement(By.id("theme")).click();
        browser.js("document.getElementById('graph-panel').scrollIntoView()");
        browser.screenshot("graph-fastai-sgd-light");
        browser.driver.findElement(By.id("theme")).click(); // the theme is remembered: put it back for the other tests
    }

    @Test
    void a_bad_show_value_is_refused_naming_show() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(
            HttpRequest.newBuilder(URI.create(browser.url("/?show=everything"))).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("show") && r.body().contains("graph, or nothing"), r.body());
    }
}
