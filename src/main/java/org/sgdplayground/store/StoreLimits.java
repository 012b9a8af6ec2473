package org.sgdplayground.store;

import java.util.Map;
import org.sgdplayground.experiment.Limits;

/**
 * The store's limits: how many sets and bytes it may hold (past them a new set is refused, never an old one
 * evicted), how many new sets one client address may add a minute, and how many points recently used sets may keep
 * in memory. Defaults from {@link Limits}; an operator may set each from the environment.
 *
 * @param maxSets             most sets stored ({@code POINTS_MAX_SETS})
 * @param maxBytes            most bytes of points stored, 16 a point ({@code POINTS_MAX_BYTES})
 * @param newSetsPerMinute    most new sets one client address may store in a minute ({@code POINTS_PER_MINUTE})
 * @param cachedPoints        most points kept in memory for sets recently saved or read
 */
public record StoreLimits(long maxSets, long maxBytes, int newSetsPerMinute, int cachedPoints) {
    public static final StoreLimits DEFAULT = new StoreLimits(Limits.MAX_STORED_POINT_SETS, Limits.MAX_STORED_POINT_BYTES,
        Limits.MAX_NEW_POINT_SETS_PER_MINUTE, Limits.MAX_CACHED_POINTS);

    public StoreLimits {
        if (maxSets < 0 || maxBytes < 0 || newSetsPerMinute < 1 || cachedPoints < 0) {
            throw new IllegalArgumentException("store limits must not be negative (and at least one new set a minute)");
        }
    }

    /**
     * The defaults, with each one the environment sets.
     *
     * @throws IllegalArgumentException naming a variable that is not a whole number
     */
    public static StoreLimits fromEnvironment(Map<String, String> env) {
        return new StoreLimits(
            whole(env, "POINTS_MAX_SETS", DEFAULT.maxSets),
            whole(env, "POINTS_MAX_BYTES", DEFAULT.maxBytes),
            (int) Math.min(Integer.MAX_VALUE, whole(env, "POINTS_PER_MINUTE", DEFAULT.newSetsPerMinute)),
            DEFAULT.cachedPoints);
    }

    private static long whole(Map<String, String> env, String name, long otherwise) {
        String text = env.get(name);
        if (text == null || text.isBlank()) return otherwise;
        try {
            long v = Long.parseLong(text.trim());
            if (v >= 0) return v;
        } catch (NumberFormatException fallThrough) {
            // said below
        }
        throw new IllegalArgumentException(name + " must be a whole number, at least 0, not " + text);
    }
}
