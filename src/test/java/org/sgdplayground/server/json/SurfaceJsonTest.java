package org.sgdplayground.server.json;

import org.sgdplayground.server.PlaygroundApp;
import org.sgdplayground.server.live.FrameTape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sgdplayground.analysis.LossSurface;
import org.sgdplayground.analysis.Standardisation;
import org.sgdplayground.data.Dataset;
import org.sgdplayground.experiment.Experiment;
import org.sgdplayground.experiment.ExperimentCodec;
import org.sgdplayground.experiment.QueryStrings;
import org.sgdplayground.json.Jackson;

/** The {@code surface} object of the socket's {@code data} message and of {@code /api/train}: LossSurface's numbers. */
class SurfaceJsonTest {
    private static Javalin app;

    @BeforeAll
    static void start() {
        app = PlaygroundApp.create().start(0);
    }

    @AfterAll
    static void stop() {
        app.stop();
    }

    private static Experiment decode(String query) {
        return ExperimentCodec.decode(QueryStrings.parse(query));
    }

    /** G = AᵀA/n summed straight from the points, independently of LossSurface. */
    private static double[] gramOf(Experiment e) {
        Dataset points = e.dataset();
        int k = e.model().parameterCount(), n = points.size();
        double[] g = new double[k * k];
        for (int i = 0; i < n; i++) {
            double[] f = e.model().features(points.x(i));
            for (int r = 0; r < k; r++) for (int c = 0; c < k; c++) g[r * k + c] += f[r] * f[c] / n;
        }
        return g;
    }

    private static void assertSurface(Experiment e, JsonNode surface) {
        LossSurface s = LossSurface.of(e.model(), e.dataset());
        double[] gram = gramOf(e);
        assertEquals(gram.length, surface.get("gram").size());
        for (int i = 0; i < gram.length; i++) assertEquals(gram[i], surface.get("gram").get(i).asDouble(), 1e-9 * (1 + Math.abs(gram[i])));
        for (int i = 0; i < s.optimum().length; i++) assertEquals(s.optimum()[i], surface.get("optimum").get(i).asDouble(), 0);
        assertEquals(s.optimumLoss(), surface.get("optimumLoss").asDouble(), 0);
        for (int i = 0; i < s.curvatures().length; i++) assertEquals(s.curvatures()[i], surface.get("curvatures").get(i).asDouble(), 0);
        assertEquals(s.stabilityLimit(e.momentum()), surface.get("stabilityLimit").asDouble(), 0);
        assertEquals(s.conditionNumber(), surface.get("conditionNumber").asDouble(), 0);
        // the page rebuilds the loss from G, p*, L*: it must agree with the run's own loss at frame 0
        double[] p = e.initialParams(), best = s.optimum();
        int k = p.length;
        double q = 0;
        for (int r = 0; r < k; r++) for (int c = 0; c < k; c++) q += (p[r] - best[r]) * gram[r * k + c] * (p[c] - best[c]);
        double loss0 = new org.sgdplayground.experiment.TrainingRun(e).next().loss();
        assertEquals(loss0, s.optimumLoss() + q, 1e-9 * loss0);
    }

    @Test
    void api_train_answers_the_exact_loss_surface_of_the_runs_points() throws Exception {
        String query = "preset=momentum&steps=3";
        HttpResponse<String> response = HttpClient.newHttpClient().send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + "/api/train?" + query))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        assertSurface(decode(query), Jackson.MAPPER.readTree(response.body()).get("surface"));
    }

    @Test
    void the_sockets_data_message_carries_the_loss_surface_with_the_stability_limit_for_its_momentum() throws Exception {
        Experiment e = decode("preset=roller-coaster&momentum=0.5");
        JsonNode data = Jackson.MAPPER.readTree(new String(new FrameTape(e, true).data(false), StandardCharsets.UTF_8));
        assertEquals("data", data.get("type").asText());
        assertFalse(data.has("standardisation"), "a raw run is not rescaled");
        assertSurface(e, data.get("surface"));
        LossSurface s = LossSurface.of(e.model(), e.dataset());
        assertEquals(2 * 1.5 / s.largestCurvature(), data.get("surface").get("stabilityLimit").asDouble(), 1e-12);
        assertTrue(data.get("surface").get("conditionNumber").asDouble() > 1e4, "t² against 1 is ill-conditioned");
    }

    @Test
    void a_standardised_run_sends_its_scaling_and_the_surface_in_scaled_units_with_the_points_as_measured() throws Exception {
        Experiment e = decode("preset=standardised");
        JsonNode data = Jackson.MAPPER.readTree(new String(new FrameTape(e, true).data(false), StandardCharsets.UTF_8));
        Dataset raw = e.dataset();
        Standardisation scaling = Standardisation.of(raw);
        assertEquals(scaling.mean(), data.get("standardisation").get("mean").asDouble(), 0);
        assertEquals(scaling.scale(), data.get("standardisation").get("scale").asDouble(), 0);
        assertEquals(raw.x(raw.size() - 1), data.get("points").get("x").get(raw.size() - 1).asDouble(), 0, "points as measured");
        LossSurface s = LossSurface.of(e.model(), scaling.apply(raw));
        for (int i = 0; i < 3; i++) {
            assertEquals(s.optimum()[i], data.get("optimum").get("params").get(i).asDouble(), 0);
            assertEquals(s.optimum()[i], data.get("surface").get("optimum").get(i).asDouble(), 0);
        }
        assertEquals(s.stabilityLimit(0), data.get("surface").get("stabilityLimit").asDouble(), 0);
        assertTrue(data.has("standardisation"));
    }
}
