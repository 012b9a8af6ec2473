package org.sgdplayground.server.json;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sgdplayground.data.Dataset;
import org.sgdplayground.experiment.Briefing;
import org.sgdplayground.experiment.Experiment;
import org.sgdplayground.experiment.ExperimentCodec;
import org.sgdplayground.experiment.Limits;
import org.sgdplayground.experiment.QueryStrings;
import org.sgdplayground.json.Jackson;

/** The points on the socket: exact numbers up to the limit, a 16-bit grid past it, read back as a browser would. */
class PointsWireTest {
    private static Dataset line(int n, long seed) {
        Random r = new Random(seed);
        double[] x = new double[n], y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 2 * r.nextDouble() - 1;
            y[i] = 3 * x[i] + 2 + r.nextDouble();
        }
        return new Dataset(x, y);
    }

    private static JsonNode written(Dataset points) throws Exception {
        return Jackson.MAPPER.readTree(Json.written(64, g -> PointsWire.write(g, points)));
    }

    /** One axis of the grid decoded as web/points.js does: min + (max − min)·q/65535, q little-endian uint16. */
    private static double[] decoded(JsonNode axis, int n) {
        ByteBuffer codes = ByteBuffer.wrap(Base64.getDecoder().decode(axis.get("codes").asText())).order(ByteOrder.LITTLE_ENDIAN);
        double min = axis.get("min").asDouble(), max = axis.get("max").asDouble();
        double[] out = new double[n];
        for (int i = 0; i < n; i++) out[i] = min + (max - min) * Short.toUnsignedInt(codes.getShort()) / 65535;
        return out;
    }

    @Test
    void up_to_the_limit_every_double_comes_back_exactly() throws Exception {
        Dataset points = line(WireLimits.MAX_POINTS_AS_NUMBERS, 1);
        JsonNode json = written(points);
        assertFalse(json.has("encoding"), "plain numbers");
        for (int i = 0; i < points.size(); i++) {
            assertEquals(points.x(i), json.get("x").get(i).asDouble(), 0, "x " + i);
            assertEquals(points.y(i), json.get("y").get(i).asDouble(), 0, "y " + i);
        }
    }

    @Test
    void past_the_limit_each_coordinate_comes_back_within_half_a_grid_step_of_its_axis_extent() throws Exception {
        int n = WireLimits.MAX_POINTS_AS_NUMBERS + 1;
        Dataset points = line(n, 2);
        JsonNode json = written(points);
        assertEquals("grid16", json.get("encoding").asText());
        assertEquals(n, json.get("n").asInt());
        double[] x = decoded(json.get("x"), n), y = decoded(json.get("y"), n);
        double[] xs = points.xs(), ys = points.ys();
        double xSpan = json.get("x").get("max").asDouble() - json.get("x").get("min").asDouble();
        double ySpan = json.get("y").get("max").asDouble() - json.get("y").get("min").asDouble();
        for (int i = 0; i < n; i++) {
            assertEquals(xs[i], x[i], xSpan / 65535 / 2 * (1 + 1e-9), "x " + i);
            assertEquals(ys[i], y[i], ySpan / 65535 / 2 * (1 + 1e-9), "y " + i);
        }
        assertEquals(Arrays.stream(xs).min().getAsDouble(), json.get("x").get("min").asDouble(), 0, "the extent is exact");
        assertEquals(Arrays.stream(ys).max().getAsDouble(), json.get("y").get("max").asDouble(), 0);
    }

    @Test
    void an_axis_with_one_value_decodes_to_that_value() throws Exception {
        int n = WireLimits.MAX_POINTS_AS_NUMBERS + 5;
        double[] x = line(n, 3).xs(), y = new double[n];
        Arrays.fill(y, 4.25);
        JsonNode json = written(new Dataset(x, y));
        for (double v : decoded(json.get("y"), n)) assertEquals(4.25, v, 0);
    }

    @Test
    void the_most_points_a_run_may_have_take_four_bytes_a_point_in_base64_so_well_under_a_megabyte() throws Exception {
        int n = Limits.MAX_POINTS;
        byte[] bytes = Json.written(64, g -> PointsWire.write(g, line(n, 4)));
        long codes = 2 * 4 * ((2L * n + 2) / 3); // two axes of 2n bytes, 4 base64 characters per 3 bytes
        assertTrue(bytes.length >= codes && bytes.length < codes + 200, bytes.length + " bytes for " + codes + " of codes");
        assertTrue(bytes.length < 1_000_000, bytes.length + " bytes");
    }

    @Test
    void the_data_message_for_a_client_that_holds_the_points_names_them_and_leaves_them_out() throws Exception {
        Experiment e = ExperimentCodec.decode(QueryStrings.parse("preset=roller-coaster"));
        Briefing b = Briefing.of(e, e.dataset());
        JsonNode held = Jackson.MAPPER.readTree(Json.dataMessage(b, false, BriefingJson.Points.HELD_BY_CLIENT, "KEY"));
        JsonNode sent = Jackson.MAPPER.readTree(Json.dataMessage(b, false, BriefingJson.Points.FOR_SOCKET, "KEY"));
        assertEquals("KEY", held.get("pointsKey").asText());
        assertFalse(held.has("points"));
        assertEquals(e.n(), sent.get("points").get("x").size());
        ((ObjectNode) sent).remove("points");
        assertEquals(sent, held, "otherwise the same message");
    }
}
