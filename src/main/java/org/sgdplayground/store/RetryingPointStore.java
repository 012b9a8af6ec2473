package org.sgdplayground.store;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A point store that a server can start without: when its database cannot be reached at start, it says so, answers
 * every save and read with {@link Unavailable} (the web layer's 503 with {@code Retry-After}), and keeps trying to
 * open it in the background, so a server started while PostgreSQL is down serves live runs of generated data at once
 * and stored points from the moment the database is back. Each attempt is a whole {@link JdbcPointStore#open}, so
 * Flyway's migrations run before the first request reaches the store.
 */
public final class RetryingPointStore extends ForwardingPointStore {
    private static final Logger LOG = LoggerFactory.getLogger(RetryingPointStore.class);

    /** How often a server whose database was down at start tries again. */
    public static final Duration RETRY_EVERY = Duration.ofSeconds(2);

    private final Supplier<PointStore> opener;
    private final ScheduledExecutorService retries;
    private final Duration every;
    private volatile PointStore open;
    private volatile String trouble;
    private volatile boolean closed;

    private RetryingPointStore(Supplier<PointStore> opener, Unavailable firstFailure, Duration every) {
        this.opener = opener;
        this.every = every;
        this.trouble = firstFailure.getMessage();
        this.retries = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "point-store-retry");
            t.setDaemon(true);
            return t;
        });
        retries.scheduleWithFixedDelay(this::tryOpen, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Opens the store with {@code opener} now, or, when that throws {@link Unavailable}, a store that tries again
     * every {@code every} until it opens.
     */
    public static PointStore open(Supplier<PointStore> opener, Duration every) {
        try {
            return opener.get();
        } catch (Unavailable e) {
            LOG.warn("starting without the point store, trying again every {} s: {}", every.toSeconds(), e.getMessage());
            return new RetryingPointStore(opener, e, every);
        }
    }

    private void tryOpen() {
        if (open != null || closed) return;
        try {
            PointStore store = opener.get();
            synchronized (this) {
                if (closed) {
                    store.close();
                    return;
                }
                open = store;
                trouble = null;
            }
            LOG.info("the point store is open now");
            retries.shutdown();
        } catch (Unavailable e) {
            trouble = e.getMessage();
        } catch (RuntimeException e) {
            trouble = e.toString();
            LOG.warn("opening the point store failed unexpectedly; trying again", e);
        }
    }

    @Override
    protected PointStore store() {
        PointStore s = open;
        if (s == null) throw new Unavailable("the point store has not been reached since this server started: " + trouble, null);
        return s;
    }

    @Override
    public Optional<String> trouble() {
        return open == null ? Optional.of("the point store has not been reached yet (" + trouble + "); trying again every "
            + every.toMillis() + " ms") : open.trouble();
    }

    @Override
    public synchronized void close() {
        closed = true;
        retries.shutdownNow();
        if (open != null) open.close();
    }
}
