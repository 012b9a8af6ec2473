package org.sgdplayground.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sgdplayground.data.Dataset;

/** A store opened beside the server's start: callers wait for it, and its failure reaches them and the start. */
class OpeningPointStoreTest {
    @TempDir
    Path dataDir;

    private PointStore h2() {
        return JdbcPointStore.open(Database.h2(dataDir.resolve("db")), StoreLimits.DEFAULT);
    }

    @Test
    void a_save_asked_while_the_store_opens_waits_for_it_and_is_found_afterwards() throws Exception {
        CountDownLatch mayOpen = new CountDownLatch(1);
        OpeningPointStore store = OpeningPointStore.start(() -> {
            await(mayOpen);
            return h2();
        });
        try {
            Dataset points = new Dataset(new double[] {0, 1, 2}, new double[] {1, 3, 5.5});
            CompletableFuture<PointStore.Saved> saving = CompletableFuture.supplyAsync(() -> store.save(points));
            TimeUnit.MILLISECONDS.sleep(200);
            assertFalse(saving.isDone(), "the save waits while the store is not open");
            assertEquals(Optional.of("the point store is being opened"), store.trouble());
            mayOpen.countDown();
            PointStore.Saved saved = saving.get(30, TimeUnit.SECONDS);
            Dataset back = store.find(saved.id()).orElseThrow();
            assertArrayEquals(points.xs(), back.xs());
            assertArrayEquals(points.ys(), back.ys());
            assertEquals(Optional.empty(), store.trouble(), "an open store has no trouble to tell");
        } finally {
            store.close();
        }
    }

    @Test
    void await_open_returns_once_the_opening_has_ended() throws Exception {
        OpeningPointStore store = OpeningPointStore.start(this::h2);
        try {
            store.awaitOpen(Duration.ofSeconds(30));
            assertEquals(new PointStore.Usage(0, 0), store.usage());
        } finally {
            store.close();
        }
    }

    @Test
    void an_opener_that_fails_fails_await_open_with_its_failure_as_the_cause_and_every_call_with_it() throws Exception {
        IllegalStateException migrationFailed = new IllegalStateException("migration V2 failed");
        OpeningPointStore store = OpeningPointStore.start(() -> {
            throw migrationFailed;
        });
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> store.awaitOpen(Duration.ofSeconds(30)));
        assertSame(migrationFailed, e.getCause());
        assertTrue(e.getMessage().contains("migration V2 failed"), e.getMessage());
        assertSame(migrationFailed, assertThrows(IllegalStateException.class, () -> store.find("AAAAAAAAAAAAAAAA")));
        assertEquals(Optional.of("the point store could not be opened"), store.trouble());
        store.close(); // closes nothing, and does not throw
    }

    @Test
    void await_open_gives_up_after_its_limit_naming_it() throws Exception {
        CountDownLatch mayOpen = new CountDownLatch(1);
        OpeningPointStore store = OpeningPointStore.start(() -> {
            await(mayOpen);
            return PointStore.NONE;
        });
        Duration limit = Duration.ofMillis(100);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> store.awaitOpen(limit));
        assertEquals("the point store was still opening after " + limit.toMillis() + " ms", e.getMessage());
        mayOpen.countDown();
        store.awaitOpen(Duration.ofSeconds(30));
        store.close();
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) throw new IllegalStateException("never told to open");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
