package org.sgdplayground.server.api;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * At most {@code perMinute} new point sets from one client address in any sliding minute (SPEC §6). An upload takes
 * a slot before it is read and gives it back if it stores nothing new (a refusal, or a set already stored), so the
 * count is of sets actually added, even when one address uploads many at once. One per app; nothing static.
 */
final class NewSetLimiter {
    private static final long MINUTE_NANOS = 60_000_000_000L;
    /** Addresses remembered before the ones whose last slot is a minute old are forgotten. */
    private static final int PRUNE_ABOVE = 10_000;

    private final int perMinute;
    private final LongSupplier nanoTime;
    private final Map<String, ArrayDeque<Long>> slots = new HashMap<>();

    NewSetLimiter(int perMinute, LongSupplier nanoTime) {
        this.perMinute = perMinute;
        this.nanoTime = nanoTime;
    }

    /** Takes a slot for {@code address}: 0 when taken, else the whole seconds until one frees (at least 1). */
    synchronized long take(String address) {
        long now = nanoTime.getAsLong();
        if (slots.size() > PRUNE_ABOVE) prune(now);
        ArrayDeque<Long> taken = slots.computeIfAbsent(address, a -> new ArrayDeque<>());
        while (!taken.isEmpty() && now - taken.peekFirst() >= MINUTE_NANOS) taken.pollFirst();
        if (taken.size() < perMinute) {
            taken.addLast(now);
            return 0;
        }
        long wait = taken.peekFirst() + MINUTE_NANOS - now;
        return Math.max(1, (wait + 999_999_999L) / 1_000_000_000L);
    }

    /** Gives back the slot {@code address} took last: its upload stored nothing new. */
    synchronized void giveBack(String address) {
        ArrayDeque<Long> taken = slots.get(address);
        if (taken != null && !taken.isEmpty()) taken.pollLast();
        if (taken != null && taken.isEmpty()) slots.remove(address);
    }

    private void prune(long now) {
        for (Iterator<ArrayDeque<Long>> it = slots.values().iterator(); it.hasNext(); ) {
            ArrayDeque<Long> taken = it.next();
            if (taken.isEmpty() || now - taken.peekLast() >= MINUTE_NANOS) it.remove();
        }
    }

    int perMinute() {
        return perMinute;
    }

    synchronized int addresses() {
        return slots.size();
    }
}
