package org.sgdplayground.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sgdplayground.data.Dataset;
import org.sgdplayground.experiment.ExperimentCodec;
import org.sgdplayground.experiment.Parameter;

/** Ids are a pure function of the exact doubles in order, stable across versions and servers, and links accept them. */
class PointIdsTest {
    private static final Dataset LINE = new Dataset(new double[] {0, 1, 2, 3}, new double[] {1, 3, 5, 7.5});

    @Test
    void an_id_is_the_same_today_and_next_year_for_the_same_points() {
        // Written down once (Python: urlsafe_b64encode(sha256(struct.pack(">8d", 0,1,2,3, 1,3,5,7.5)).digest()[:12])):
        // changing how ids are made would break every link in the wild.
        assertEquals("PoEaCmHUkGFG3ONM", PointIds.of(LINE));
        assertEquals(PointIds.of(LINE), PointIds.of(new Dataset(LINE.xs(), LINE.ys())), "a copy of the points");
    }

    @Test
    void an_id_is_sha_256_of_x_then_y_as_big_endian_doubles_cut_to_96_bits() throws Exception {
        byte[] bytes = PointIds.bytes(LINE);
        assertEquals(64, bytes.length);
        assertEquals(Double.doubleToRawLongBits(7.5), java.nio.ByteBuffer.wrap(bytes, 56, 8).getLong(), "y[3] last");
        byte[] sha = java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
        assertEquals(java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(sha, 12)), PointIds.of(LINE));
        assertTrue(PointIds.ID_BITS >= 64, "SPEC §6: at least 64 bits");
        assertEquals(LINE, PointIds.points(bytes), "and the bytes read back as the points");
    }

    @Test
    void the_least_change_to_the_doubles_or_their_order_is_another_id() {
        Set<String> ids = new HashSet<>();
        ids.add(PointIds.of(LINE));
        ids.add(PointIds.of(new Dataset(new double[] {0, 1, 2, 3}, new double[] {1, 3, 5, Math.nextUp(7.5)})));
        ids.add(PointIds.of(new Dataset(new double[] {-0.0, 1, 2, 3}, new double[] {1, 3, 5, 7.5})));
        ids.add(PointIds.of(new Dataset(new double[] {1, 0, 2, 3}, new double[] {3, 1, 5, 7.5})));
        ids.add(PointIds.of(new Dataset(new double[] {1, 3, 5, 7.5}, new double[] {0, 1, 2, 3})));
        ids.add(PointIds.of(new Dataset(new double[] {0, 1, 2}, new double[] {1, 3, 5})));
        assertEquals(6, ids.size(), ids.toString());
    }

    @Test
    void every_id_is_url_safe_and_is_what_the_points_parameter_accepts() {
        for (int n = 2; n < 200; n++) {
            double[] x = new double[n], y = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = i * 0.37 + n;
                y[i] = Math.sqrt(i + n);
            }
            String id = PointIds.of(new Dataset(x, y));
            assertTrue(PointIds.isWellFormed(id), id);
            assertEquals(id, Parameter.POINTS.parse(id), "the link parameter reads it as it is");
            assertEquals(id, java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8), "nothing to escape in a URL");
        }
        assertFalse(PointIds.isWellFormed("PoEaCmHUkGFG3ON"), "one character short");
        assertFalse(PointIds.isWellFormed("PoEaCmHUkGFG3ONM="), "padding is not part of an id");
    }

    @Test
    void a_link_with_an_id_the_store_lacks_is_refused_naming_points() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(org.sgdplayground.experiment.UnknownPointsException.class,
            () -> ExperimentCodec.decode(Map.of("points", PointIds.of(LINE)), PointStore.NONE));
        assertEquals("points", e.parameter());
        assertEquals(PointIds.of(LINE), e.value());
    }
}
