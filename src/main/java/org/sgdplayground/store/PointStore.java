package org.sgdplayground.store;

import java.time.Duration;
import java.util.Optional;
import org.sgdplayground.data.Dataset;
import org.sgdplayground.experiment.PointLookup;

/**
 * Where people's points live (SPEC §6): saved once, found by id forever after. The web layer sees this and never
 * SQL; {@link JdbcPointStore} is the one implementation. Thread-safe.
 */
public interface PointStore extends PointLookup, AutoCloseable {
    /** A store that holds nothing and saves nothing: for an app started without one. */
    PointStore NONE = new PointStore() {
        @Override
        public Saved save(Dataset points) {
            throw new Unavailable("this server was started without a point store", null);
        }

        @Override
        public Optional<Dataset> find(String id) {
            return Optional.empty();
        }

        @Override
        public Usage usage() {
            return new Usage(0, 0);
        }

        @Override
        public void close() {}
    };

    /**
     * Stores {@code points}, or finds them stored already, and answers only once they are committed: a crash after
     * this returns loses nothing.
     *
     * @throws Full        when storing a new set would pass the store's quota (nothing is evicted to make room)
     * @throws Unavailable when the database cannot be reached
     */
    Saved save(Dataset points);

    /**
     * The points stored under {@code id}, exactly as saved.
     *
     * @throws Unavailable when the database cannot be reached
     */
    @Override
    Optional<Dataset> find(String id);

    /** What the store holds now. */
    Usage usage();

    /** Why the store cannot serve just now, for {@code /healthz}; empty when nothing is known to be wrong. */
    default Optional<String> trouble() {
        return Optional.empty();
    }

    /**
     * Waits up to {@code limit} for a store still being opened ({@link OpeningPointStore}); any other store is open
     * from the start and returns at once.
     *
     * @throws IllegalStateException when the opening failed or took longer than {@code limit}
     */
    default void awaitOpen(Duration limit) throws InterruptedException {}

    @Override
    void close();

    /** A saved set: its id, its size, and whether this save stored it (false: it was there already). */
    record Saved(String id, int n, boolean created) {}

    /** What a store holds: sets, and the bytes of their points. */
    record Usage(long sets, long bytes) {}

    /** Storing one more set would pass the quota. Never answered by evicting old sets: links must last. */
    final class Full extends RuntimeException {
        private final String reason;

        public Full(String reason, String message) {
            super(message);
            this.reason = reason;
        }

        /** Which quota: {@code sets} or {@code bytes}. */
        public String reason() {
            return reason;
        }
    }

    /** The database cannot be reached or refused the work; nothing was stored. */
    final class Unavailable extends RuntimeException {
        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
