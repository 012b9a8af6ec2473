package org.sgdplayground.graph;

import java.time.Duration;

/** The graph view's limits, named in one place: what one open panel may cost the server and the wire. */
public final class GraphLimits {
    private GraphLimits() {}

    /** Values a vector node's sparkline is drawn from: evenly spaced rows, however many points the run has. */
    public static final int SPARKLINE_POINTS = 24;

    /**
     * While a run plays, node values ride on at most one frame in this interval (ten a second): each costs a forward
     * and a backward pass over the batch, and nobody reads numbers that change fifty times a second. A step, a pause
     * and the last frame always get theirs.
     */
    public static final Duration VALUES_INTERVAL = Duration.ofMillis(100);
}
