package org.sgdplayground.server.live;

import org.sgdplayground.experiment.PointLookup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sgdplayground.experiment.Experiment;
import org.sgdplayground.experiment.ExperimentCodec;
import org.sgdplayground.experiment.InvalidParameterException;

/** A thousand viewers of one link decode it once, and get what the codec would have given each. */
class ExperimentCacheTest {
    private final ExperimentCache cache = new ExperimentCache(3, PointLookup.NONE);

    @Test
    void a_query_seen_before_gives_the_experiment_decoded_the_first_time() {
        Map<String, String> query = Map.of("preset", "roller-coaster", "lr", "0.00002");
        Experiment first = cache.decode(query);
        assertSame(first, cache.decode(Map.of("lr", "0.00002", "preset", "roller-coaster")), "the same settings in another order");
        assertEquals(ExperimentCodec.decode(query), first, "what the codec gives");
        assertEquals(1, cache.size());
    }

    @Test
    void where_a_session_starts_and_whether_it_waits_are_not_part_of_the_experiment() {
        Experiment plain = cache.decode(Map.of("preset", "momentum"));
        assertSame(plain, cache.decode(Map.of("preset", "momentum", LiveSession.AT, "40")));
        assertSame(plain, cache.decode(Map.of("preset", "momentum", LiveSession.PAUSED, "1")));
        assertEquals(1, cache.size());
    }

    @Test
    void a_bad_query_throws_what_the_codec_throws_and_is_not_kept() {
        InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> cache.decode(Map.of("lr", "fast")));
        assertEquals("lr", e.parameter());
        assertEquals(0, cache.size());
    }

    @Test
    void past_its_capacity_it_forgets_the_query_used_longest_ago() {
        Experiment a = cache.decode(Map.of("seed", "1"));
        Experiment b = cache.decode(Map.of("seed", "2"));
        cache.decode(Map.of("seed", "3"));
        assertSame(a, cache.decode(Map.of("seed", "1")), "used again: now the most recent");
        cache.decode(Map.of("seed", "4")); // over capacity: seed=2 goes
        assertEquals(3, cache.size());
        assertSame(a, cache.decode(Map.of("seed", "1")));
        Experiment b2 = cache.decode(Map.of("seed", "2"));
        assertNotSame(b, b2, "decoded anew");
        assertEquals(b, b2);
    }
}
