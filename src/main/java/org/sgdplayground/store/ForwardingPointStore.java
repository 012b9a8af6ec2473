package org.sgdplayground.store;

import java.util.Optional;
import org.sgdplayground.data.Dataset;

/**
 * A point store that stands in for another one it gets hold of later ({@link OpeningPointStore} waits for it,
 * {@link RetryingPointStore} keeps trying to reach it): saves, reads and usage go to {@link #store()}, which gives
 * the store or throws what the caller should see instead; each says its own {@link #trouble()} and closes itself.
 */
abstract class ForwardingPointStore implements PointStore {
    /** The store to forward to, or the exception a caller gets while there is none. */
    protected abstract PointStore store();

    @Override
    public final Saved save(Dataset points) {
        return store().save(points);
    }

    @Override
    public final Optional<Dataset> find(String id) {
        return store().find(id);
    }

    @Override
    public final Usage usage() {
        return store().usage();
    }
}
