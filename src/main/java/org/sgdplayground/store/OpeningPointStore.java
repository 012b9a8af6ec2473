package org.sgdplayground.store;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * A point store being opened on a thread of its own while the server starts and warms up beside it: opening H2 or
 * PostgreSQL (a pool, Flyway's migrations, the first connection) takes about half a second of a restart, and nothing
 * the warm-up runs needs stored points. Whoever asks before it is open waits for it; {@link #awaitOpen} lets the
 * server say it is ready only once the opening has ended. Whatever the opener throws is thrown to every caller.
 */
public final class OpeningPointStore extends ForwardingPointStore {
    private final CompletableFuture<PointStore> opening;

    private OpeningPointStore(CompletableFuture<PointStore> opening) {
        this.opening = opening;
    }

    /** Starts {@code opener} on a daemon thread named {@code point-store-opening} and returns at once. */
    public static OpeningPointStore start(Supplier<PointStore> opener) {
        CompletableFuture<PointStore> opening = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                opening.complete(opener.get());
            } catch (Throwable e) {
                opening.completeExceptionally(e);
            }
        }, "point-store-opening");
        thread.setDaemon(true);
        thread.start();
        return new OpeningPointStore(opening);
    }

    /**
     * Waits up to {@code limit} for the opening to end; the store it opened may be one still trying to reach its
     * database ({@link RetryingPointStore}).
     *
     * @throws IllegalStateException when the opener failed (its failure as the cause) or took longer than {@code limit}
     */
    @Override
    public void awaitOpen(Duration limit) throws InterruptedException {
        try {
            opening.get(limit.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the point store could not be opened: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the point store was still opening after " + limit.toMillis() + " ms", e);
        }
    }

    @Override
    protected PointStore store() {
        try {
            return opening.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw e;
        }
    }

    @Override
    public Optional<String> trouble() {
        if (!opening.isDone()) return Optional.of("the point store is being opened");
        return opening.isCompletedExceptionally() ? Optional.of("the point store could not be opened") : opening.join().trouble();
    }

    /** Closes the store once it is open (a store still opening is waited for, so no pool is left behind). */
    @Override
    public void close() {
        opening.thenAccept(PointStore::close).exceptionally(e -> null).join();
    }
}
