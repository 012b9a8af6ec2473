package org.sgdplayground.experiment;

/**
 * Every limit on an experiment and on an {@code /api/train} request, in one place. The parameter table, the HTTP
 * API and the live socket all read them from here, and the tests check each one. The socket's own tuning
 * (sessions, backlog, message size and rate, idle time, frames in flight) is the server's: {@code server.live.LiveLimits}.
 */
public final class Limits {
    private Limits() {}

    /** Most points in one experiment, generated or sent as {@code x}/{@code y}. */
    public static final int MAX_POINTS = 100_000;
    /** Most updates in one run. */
    public static final int MAX_STEPS = 100_000;
    /** Most point-updates ({@code steps × points per step}) in one run: about a second of engine time. */
    public static final long MAX_WORK = 200_000_000L;
    /** Most frames one {@code /api/train} answer carries; use {@code every} to thin a longer run. */
    public static final int MAX_RESPONSE_FRAMES = 10_001;
    /** Largest magnitude of a coordinate, an initial parameter or a noise scale the codec accepts. */
    public static final double MAX_MAGNITUDE = 1e9;
    /** Largest request body {@code /api/train} reads. */
    public static final int MAX_BODY_BYTES = 8 * 1024 * 1024;
    /** Fastest and slowest animation, in updates a second. */
    public static final double MIN_SPEED = 0.1, MAX_SPEED = 1000;
    /** Largest learning rate; anything bigger diverges on every preset in one step. */
    public static final double MAX_LEARNING_RATE = 1000;

    /** Fewest points a fit takes: two points fix a line (and leave a parabola's curvature free). */
    public static final int MIN_POINTS = 2;
    /** New point sets one client address may store a minute (SPEC §6); more get 429 and {@code Retry-After}. */
    public static final int MAX_NEW_POINT_SETS_PER_MINUTE = 30;
    /** Point sets the store may hold; past it a new set gets 507 and no old one is evicted ({@code POINTS_MAX_SETS}). */
    public static final long MAX_STORED_POINT_SETS = 1_000_000;
    /**
     * Bytes of points the store may hold, 16 a point ({@code POINTS_MAX_BYTES}): 1 GiB is 670 sets of 100,000 points
     * or 67,000 of 1,000, and fits the small box's disk beside everything else.
     */
    public static final long MAX_STORED_POINT_BYTES = 1L << 30;
    /** Points of recently saved or read sets kept in memory (16 MB), so that each viewer of a link is not a query. */
    public static final int MAX_CACHED_POINTS = 1_000_000;

    /** Most lanes in one race (SPEC §8): six curves are as many as a plot keeps apart by colour. */
    public static final int MAX_RACE_LANES = 6;
    /** Longest {@code race} text. */
    public static final int MAX_RACE_TEXT = 400;
    /** Largest weight decay: beyond it the penalty, not the points, decides every fit. */
    public static final double MAX_WEIGHT_DECAY = 1000;
}
