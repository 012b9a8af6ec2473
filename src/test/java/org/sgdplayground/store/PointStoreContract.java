package org.sgdplayground.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sgdplayground.data.Dataset;

/**
 * What every point store promises (SPEC §6), run against each real database by a subclass: H2's file database and a
 * PostgreSQL server. No mocks: every test saves and reads through JDBC.
 */
abstract class PointStoreContract {
    private final List<PointStore> opened = new ArrayList<>();

    /** A database no other test uses. */
    abstract Database freshDatabase();

    /** A store on {@code db}; closed after the test. */
    PointStore open(Database db, StoreLimits limits) {
        PointStore s = JdbcPointStore.open(db, limits);
        opened.add(s);
        return s;
    }

    /** A store with no memory of recent sets, so every read is a query. */
    PointStore openUncached(Database db, long maxSets, long maxBytes) {
        return open(db, new StoreLimits(maxSets, maxBytes, 30, 0));
    }

    @AfterEach
    void closeStores() {
        opened.forEach(PointStore::close);
    }

    static Dataset points(double... xy) {
        double[] x = new double[xy.length / 2], y = new double[xy.length / 2];
        for (int i = 0; i < x.length; i++) {
            x[i] = xy[2 * i];
            y[i] = xy[2 * i + 1];
        }
        return new Dataset(x, y);
    }

    @Test
    void a_saved_set_reads_back_as_the_exact_doubles_it_was_saved_with() {
        PointStore store = openUncached(freshDatabase(), 100, 1 << 20);
        Dataset awkward = points(-0.0, 0.1 + 0.2, Double.MIN_VALUE, -1e9, 1e-300, 2.2250738585072014E-308, 1.0 / 3, 1e9);
        PointStore.Saved saved = store.save(awkward);
        assertEquals(PointIds.of(awkward), saved.id());
        assertEquals(4, saved.n());
        assertTrue(saved.created());
        Dataset back = store.find(saved.id()).orElseThrow();
        assertEquals(awkward, back, "bit for bit, -0 and subnormals included");
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(back.x(0)));
    }

    @Test
    void saving_the_same_points_twice_answers_the_same_id_and_stores_them_once() {
        PointStore store = openUncached(freshDatabase(), 100, 1 << 20);
        PointStore.Saved first = store.save(points(1, 2, 3, 4));
        PointStore.Saved again = store.save(points(1, 2, 3, 4));
        assertEquals(first.id(), again.id());
        assertTrue(first.created());
        assertFalse(again.created());
        assertEquals(new PointStore.Usage(1, 32), store.usage(), "one set of 2 points, 16 bytes a point");
        PointStore.Saved swapped = store.save(points(3, 4, 1, 2));
        assertTrue(swapped.created(), "the same points in another order are another set");
        assertEquals(new PointStore.Usage(2, 64), store.usage());
    }

    @Test
    void an_id_nothing_is_stored_under_finds_nothing_and_a_malformed_one_is_not_even_looked_up() {
        PointStore store = openUncached(freshDatabase(), 100, 1 << 20);
        store.save(points(1, 2, 3, 4));
        assertEquals(Optional.empty(), store.find(PointIds.of(points(1, 2, 3, 5))));
        assertEquals(Optional.empty(), store.find("'; DROP TABLE point_set; --"));
        assertEquals(Optional.empty(), store.find(""));
        assertEquals(1, store.usage().sets(), "still there");
    }

    @Test
    void a_full_store_refuses_a_new_set_by_its_quota_of_sets_and_keeps_every_old_one() {
        PointStore store = openUncached(freshDatabase(), 2, 1 << 20);
        String a = store.save(points(1, 2, 3, 4)).id(), b = store.save(points(5, 6, 7, 8)).id();
        PointStore.Full full = assertThrows(PointStore.Full.class, () -> store.save(points(9, 10, 11, 12)));
        assertEquals("sets", full.reason());
        assertTrue(full.getMessage().contains("holds 2 sets"), full.getMessage());
        assertEquals(new PointStore.Usage(2, 64), store.usage(), "the refused set counted nothing");
        assertTrue(store.find(a).isPresent() && store.find(b).isPresent(), "nothing evicted");
        assertEquals(a, store.save(points(1, 2, 3, 4)).id(), "a set already stored is still answered when full");
    }

    @Test
    void a_full_store_refuses_a_set_that_would_pass_its_quota_of_bytes() {
        PointStore store = openUncached(freshDatabase(), 100, 100);
        store.save(points(1, 2, 3, 4, 5, 6)); // 48 bytes
        store.save(points(1, 2, 3, 4)); // 32: 80 in all
        PointStore.Full full = assertThrows(PointStore.Full.class, () -> store.save(points(0, 0, 1, 1)));
        assertEquals("bytes", full.reason());
        assertTrue(full.getMessage().contains("holds 80 bytes"), full.getMessage());
        assertEquals(new PointStore.Usage(2, 80), store.usage());
    }

    @Test
    void a_store_opened_again_finds_what_the_first_saved_and_its_schema_is_not_created_twice() {
        Database db = freshDatabase();
        PointStore first = openUncached(db, 100, 1 << 20);
        Dataset set = points(1, 2, 3, 4, 5, 6.5);
        String id = first.save(set).id();
        first.close();
        PointStore second = openUncached(db, 100, 1 << 20);
        assertEquals(set, second.find(id).orElseThrow());
        assertEquals(new PointStore.Usage(1, 48), second.usage());
    }

    @Test
    void two_stores_on_one_database_see_each_others_sets() {
        Database db = freshDatabase();
        PointStore a = openUncached(db, 100, 1 << 20), b = openUncached(db, 100, 1 << 20);
        String id = a.save(points(1, 2, 3, 4)).id();
        assertEquals(points(1, 2, 3, 4), b.find(id).orElseThrow());
        assertFalse(b.save(points(1, 2, 3, 4)).created(), "b finds a's row rather than storing it again");
    }

    @Test
    void the_same_set_saved_at_once_by_many_threads_on_two_stores_is_stored_once() throws Exception {
        Database db = freshDatabase();
        PointStore a = openUncached(db, 100, 1 << 20), b = openUncached(db, 100, 1 << 20);
        Dataset set = points(1, 2, 3, 4, 5, 6);
        List<PointStore.Saved> answers = all(16, i -> (i % 2 == 0 ? a : b).save(set));
        assertEquals(Set.of(PointIds.of(set)), new HashSet<>(answers.stream().map(PointStore.Saved::id).toList()));
        assertEquals(1, answers.stream().filter(PointStore.Saved::created).count(), "one save stored it; the rest found it");
        assertEquals(new PointStore.Usage(1, 48), a.usage());
    }

    @Test
    void different_sets_saved_at_once_fill_the_quota_exactly_and_no_further() throws Exception {
        Database db = freshDatabase();
        PointStore a = openUncached(db, 5, 1 << 20), b = openUncached(db, 5, 1 << 20);
        List<Object> outcomes = all(20, i -> {
            try {
                return (i % 2 == 0 ? a : b).save(points(i, 1, i + 1, 2)).id();
            } catch (PointStore.Full full) {
                return full;
            }
        });
        List<Object> stored = outcomes.stream().filter(o -> o instanceof String).toList();
        assertEquals(5, stored.size(), "exactly the quota");
        assertEquals(15, outcomes.stream().filter(o -> o instanceof PointStore.Full).count());
        assertEquals(new PointStore.Usage(5, 160), b.usage());
        for (Object id : stored) assertTrue(b.find((String) id).isPresent(), id + " is readable");
    }

    @Test
    void the_largest_set_allowed_round_trips() {
        PointStore store = openUncached(freshDatabase(), 100, 1L << 30);
        double[] x = new double[100_000], y = new double[100_000];
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.sin(i) * 1e6;
            y[i] = Math.cos(i) / 7;
        }
        Dataset big = new Dataset(x, y);
        String id = store.save(big).id();
        Dataset back = store.find(id).orElseThrow();
        assertArrayEquals(x, back.xs());
        assertArrayEquals(y, back.ys());
        assertEquals(1_600_000, store.usage().bytes());
    }

    @Test
    void a_closed_store_says_it_is_unavailable_rather_than_finding_nothing() {
        PointStore store = openUncached(freshDatabase(), 100, 1 << 20);
        String id = store.save(points(1, 2, 3, 4)).id();
        store.close();
        assertThrows(PointStore.Unavailable.class, () -> store.find(id));
        assertThrows(PointStore.Unavailable.class, () -> store.save(points(4, 3, 2, 1)));
    }

    @Test
    void a_set_saved_or_read_is_served_from_memory_afterwards_and_is_the_same_set() {
        Database db = freshDatabase();
        PointStore cached = open(db, new StoreLimits(100, 1 << 20, 30, 1000));
        String id = cached.save(points(1, 2, 3, 4)).id();
        PointStore other = openUncached(db, 100, 1 << 20);
        assertEquals(cached.find(id), other.find(id), "what memory answers is what the database holds");
    }

    private static <T> List<T> all(int threads, IntFunction<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int k = i;
                Callable<T> c = () -> {
                    start.await();
                    return task.apply(k);
                };
                futures.add(pool.submit(c));
            }
            start.countDown();
            List<T> out = new ArrayList<>();
            for (Future<T> f : futures) out.add(f.get());
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    @FunctionalInterface
    interface IntFunction<T> {
        T apply(int i) throws Exception;
    }
}
