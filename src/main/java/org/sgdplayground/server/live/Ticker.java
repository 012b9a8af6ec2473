package org.sgdplayground.server.live;

import java.util.Arrays;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One ticker thread's timetable: the sessions it drives, in a binary heap by due time, and the wake-ups other
 * threads hand it. The thread calls {@link #turn} in a loop and parks for as long as it answers; nothing here
 * blocks, sleeps or reads the time except through the clock it is given, so a test drives it turn by turn.
 *
 * <p>Only its thread touches the heap; {@link #wake} is the one method other threads call.
 */
final class Ticker {
    private static final Logger LOG = LoggerFactory.getLogger(Ticker.class);

    /** How long a ticker with nothing to do parks before it looks again (a wake-up unparks it sooner). */
    static final long IDLE_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(200);
    private static final long HOUSEKEEPING_NANOS = TimeUnit.SECONDS.toNanos(1);

    private record Wake(Pacer.Paced paced, long ticket) {}

    private final ConcurrentLinkedQueue<Wake> inbox = new ConcurrentLinkedQueue<>();
    private final LongSupplier clock;
    private final Runnable housekeeping; // null on every ticker but one
    private long nextHousekeeping;
    private volatile int size;
    // The heap: entry k is (paced[k], due[k], ticket[k]); the parent of k is (k - 1) / 2.
    private Pacer.Paced[] paced = new Pacer.Paced[64];
    private long[] due = new long[64], ticket = new long[64];

    /** A ticker reading the time from {@code clock}; {@code housekeeping}, when not null, runs about once a second. */
    Ticker(LongSupplier clock, Runnable housekeeping) {
        this.clock = clock;
        this.housekeeping = housekeeping;
        this.nextHousekeeping = clock.getAsLong();
    }

    /** Hands {@code paced} to this ticker under {@code ticket}; it is served on the next turn. Any thread. */
    void wake(Pacer.Paced paced, long ticket) {
        inbox.add(new Wake(paced, ticket));
    }

    /**
     * Serves the wake-ups that came in, then each entry due by the time the turn began, once, earliest first, and
     * runs the housekeeping when its second is up. Returns how long to park: until the next entry is due (at most
     * {@link Pacer#TICK_NANOS}), measured from when serving finished, not from when the turn began, so a turn that
     * took a while is not followed by a wait that makes the next frame late.
     */
    long turn() {
        long now = clock.getAsLong();
        for (Wake w = inbox.poll(); w != null; w = inbox.poll()) serve(w.paced(), w.ticket(), now);
        while (size > 0 && due[0] - now <= 0) {
            Pacer.Paced p = paced[0];
            long t = ticket[0];
            removeTop();
            serve(p, t, now);
        }
        if (housekeeping != null && now - nextHousekeeping >= 0) {
            nextHousekeeping = now + HOUSEKEEPING_NANOS;
            try {
                housekeeping.run();
            } catch (RuntimeException e) {
                LOG.error("live housekeeping failed", e);
            }
        }
        if (isEmpty()) return IDLE_PARK_NANOS;
        if (size == 0) return Pacer.TICK_NANOS;
        return Math.min(Pacer.TICK_NANOS, due[0] - clock.getAsLong());
    }

    /** Nothing on the timetable and nothing coming in. */
    boolean isEmpty() {
        return size == 0 && inbox.isEmpty();
    }

    /** Entries held, stale ones included until they come due, and wake-ups not yet taken in. */
    int entries() {
        return size + inbox.size();
    }

    private void serve(Pacer.Paced p, long t, long now) {
        long next;
        try {
            next = p.tick(now, t);
        } catch (RuntimeException e) {
            LOG.error("a live session failed on its tick; it leaves the clock", e);
            return;
        }
        if (next == Pacer.IDLE) return;
        // One call per entry per turn: an answer already past waits for the next turn rather than spin this one.
        add(p, next - now > 0 ? next : now + 1, t);
    }

    private void add(Pacer.Paced p, long d, long t) {
        int k = size;
        if (k == paced.length) {
            paced = Arrays.copyOf(paced, k * 2);
            due = Arrays.copyOf(due, k * 2);
            ticket = Arrays.copyOf(ticket, k * 2);
        }
        while (k > 0) {
            int parent = (k - 1) >>> 1;
            if (due[parent] - d <= 0) break;
            put(k, paced[parent], due[parent], ticket[parent]);
            k = parent;
        }
        put(k, p, d, t);
        size++;
    }

    private void removeTop() {
        int last = --size;
        Pacer.Paced p = paced[last];
        long d = due[last], t = ticket[last];
        paced[last] = null;
        if (last == 0) return;
        int k = 0;
        while (true) {
            int child = 2 * k + 1;
            if (child >= last) break;
            if (child + 1 < last && due[child + 1] - due[child] < 0) child++;
            if (d - due[child] <= 0) break;
            put(k, paced[child], due[child], ticket[child]);
            k = child;
        }
        put(k, p, d, t);
    }

    private void put(int k, Pacer.Paced p, long d, long t) {
        paced[k] = p;
        due[k] = d;
        ticket[k] = t;
    }
}
