package org.sgdplayground.server.live;

import java.util.Arrays;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The clock every live session runs on: a few ticker threads, each waking about once a millisecond to serve every
 * session due by then. A thousand sessions at 50 frames a second cost a thousand wake-ups a second per thread,
 * not fifty thousand, and no task object per frame.
 *
 * <p>Each thread keeps its sessions in a binary heap ordered by due time. A session joins a thread once (round
 * robin) and stays on it. Wake-ups come in through a queue, each carrying a ticket: a session that pauses, changes
 * speed or closes takes a new ticket, so older entries are recognised as stale and dropped when they come due.
 */
public final class Pacer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Pacer.class);

    /** What a ticker thread drives. */
    interface Paced {
        /**
         * Called when entry {@code ticket} is due (or has just arrived): does what is due by {@code now} and
         * returns when it next wants to be called, or {@link #IDLE} to leave the clock (a stale ticket, a paused or
         * finished run). Must not block.
         */
        long tick(long now, long ticket);
    }

    /** Returned by {@link Paced#tick} to leave the clock. */
    static final long IDLE = Long.MIN_VALUE;
    /** How often a busy ticker thread wakes. */
    static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final long IDLE_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

    private final Shard[] shards;
    private final AtomicInteger assigned = new AtomicInteger();
    private final Runnable everySecond;
    private volatile boolean stopped;

    /** Starts {@code threads} ticker threads; {@code everySecond} runs on the first one, about once a second. */
    Pacer(int threads, Runnable everySecond) {
        this.everySecond = everySecond;
        shards = new Shard[threads];
        for (int i = 0; i < threads; i++) {
            shards[i] = new Shard("live-ticker-" + (i + 1), i == 0);
            shards[i].start();
        }
    }

    /** The thread a new session will run on: round robin. */
    int assign() {
        return Math.floorMod(assigned.getAndIncrement(), shards.length);
    }

    /** Puts {@code paced} on thread {@code shard}'s clock under {@code ticket}; it is first called within a tick. */
    void wake(int shard, Paced paced, long ticket) {
        Shard s = shards[shard];
        s.inbox.add(new Wake(paced, ticket));
        if (s.sleeping) LockSupport.unpark(s);
    }

    /** Clock entries held now, stale ones included until they come due. */
    int entries() {
        int n = 0;
        for (Shard s : shards) n += s.size + s.inbox.size();
        return n;
    }

    int threads() {
        return shards.length;
    }

    @Override
    public void close() {
        stopped = true;
        for (Shard s : shards) LockSupport.unpark(s);
        for (Shard s : shards) {
            try {
                s.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private record Wake(Paced paced, long ticket) {}

    private final class Shard extends Thread {
        final ConcurrentLinkedQueue<Wake> inbox = new ConcurrentLinkedQueue<>();
        final boolean housekeeper;
        volatile boolean sleeping;
        volatile int size;
        // The heap: entry k is (paced[k], due[k], ticket[k]); parent of k is (k - 1) / 2. Touched by this thread only.
        private Paced[] paced = new Paced[64];
        private long[] due = new long[64], ticket = new long[64];
        private long nextHousekeeping = System.nanoTime();

        Shard(String name, boolean housekeeper) {
            super(name);
            this.housekeeper = housekeeper;
            setDaemon(true);
        }

        @Override
        public void run() {
            while (!stopped) {
                long now = System.nanoTime();
                for (Wake w = inbox.poll(); w != null; w = inbox.poll()) serve(w.paced(), w.ticket(), now);
                while (size > 0 && due[0] - now <= 0) {
                    Paced p = paced[0];
                    long t = ticket[0];
                    removeTop();
                    serve(p, t, now);
                }
                if (housekeeper && now - nextHousekeeping >= 0) {
                    nextHousekeeping = now + TimeUnit.SECONDS.toNanos(1);
                    try {
                        everySecond.run();
                    } catch (RuntimeException e) {
                        LOG.error("live housekeeping failed", e);
                    }
                }
                park(System.nanoTime()); // serving may have taken a while: wait from now, not from the loop's start
            }
        }

        private void park(long now) {
            if (size == 0 && inbox.isEmpty()) {
                sleeping = true;
                if (inbox.isEmpty() && !stopped) LockSupport.parkNanos(housekeeper ? Math.min(IDLE_PARK_NANOS, TimeUnit.SECONDS.toNanos(1)) : IDLE_PARK_NANOS);
                sleeping = false;
                return;
            }
            long wait = size == 0 ? TICK_NANOS : Math.min(TICK_NANOS, due[0] - now);
            if (wait > 0) LockSupport.parkNanos(wait);
        }

        private void serve(Paced p, long t, long now) {
            long next;
            try {
                next = p.tick(now, t);
            } catch (RuntimeException e) {
                LOG.error("a live session failed on its tick; it leaves the clock", e);
                return;
            }
            if (next != IDLE) add(p, next, t);
        }

        private void add(Paced p, long d, long t) {
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
            Paced p = paced[last];
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

        private void put(int k, Paced p, long d, long t) {
            paced[k] = p;
            due[k] = d;
            ticket[k] = t;
        }
    }
}
