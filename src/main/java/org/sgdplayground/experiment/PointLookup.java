package org.sgdplayground.experiment;

import java.util.Optional;
import org.sgdplayground.data.Dataset;

/**
 * Finds stored points by their id, for links that say {@code points=ID} (SPEC §6). The server's point store is one;
 * {@link #NONE} knows no points. The codec asks it, so every entry point that decodes a link resolves ids alike.
 */
@FunctionalInterface
public interface PointLookup {
    /** Knows no points: every id is unknown. */
    PointLookup NONE = id -> Optional.empty();

    /** The points stored under {@code id}, or empty when there are none. */
    Optional<Dataset> find(String id);
}
