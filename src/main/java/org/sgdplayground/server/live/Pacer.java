package org.sgdplayground.server.live;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * The clock every live session runs on: a few ticker threads, each waking about once a millisecond to serve every
 * session due by then. A thousand sessions at 50 frames a second cost a thousand wake-ups a second per thread,
 * not fifty thousand, and no task object per frame.
 *
 * <p>A session joins a thread once (round robin) and stays on it; each thread keeps its sessions in a {@link Ticker}.
 * Wake-ups carry a ticket: a session that pauses, changes speed or closes takes a new ticket, so older entries are
 * recognised as stale and dropped when they come due.
 */
public final class Pacer implements AutoCloseable {
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

    private final LongSupplier clock;
    private final Ticker[] tickers;
    private final TickerThread[] threads;
    private final AtomicInteger assigned = new AtomicInteger();
    private volatile boolean stopped;

    /** Starts {@code threads} ticker threads on the system's monotonic clock; {@code everySecond} runs on the first. */
    Pacer(int threads, Runnable everySecond) {
        this(threads, everySecond, System::nanoTime);
    }

    /** Starts {@code threads} ticker threads reading the time, in nanoseconds, from {@code clock}. */
    Pacer(int threads, Runnable everySecond, LongSupplier clock) {
        this.clock = clock;
        tickers = new Ticker[threads];
        this.threads = new TickerThread[threads];
        for (int i = 0; i < threads; i++) {
            tickers[i] = new Ticker(clock, i == 0 ? everySecond : null);
            this.threads[i] = new TickerThread("live-ticker-" + (i + 1), tickers[i]);
            this.threads[i].start();
        }
    }

    /** The time on this clock, in nanoseconds: the one sessions' due times are measured in. */
    long now() {
        return clock.getAsLong();
    }

    /** The thread a new session will run on: round robin. */
    int assign() {
        return Math.floorMod(assigned.getAndIncrement(), tickers.length);
    }

    /** Puts {@code paced} on thread {@code shard}'s clock under {@code ticket}; it is first called within a tick. */
    void wake(int shard, Paced paced, long ticket) {
        tickers[shard].wake(paced, ticket);
        TickerThread t = threads[shard];
        if (t.sleeping) LockSupport.unpark(t);
    }

    /** Clock entries held now, stale ones included until they come due. */
    int entries() {
        int n = 0;
        for (Ticker t : tickers) n += t.entries();
        return n;
    }

    int threads() {
        return tickers.length;
    }

    @Override
    public void close() {
        stopped = true;
        for (TickerThread t : threads) LockSupport.unpark(t);
        for (TickerThread t : threads) {
            try {
                t.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Turns its ticker and parks for as long as the turn says; an idle ticker parks until woken. */
    private final class TickerThread extends Thread {
        private final Ticker ticker;
        volatile boolean sleeping;

        TickerThread(String name, Ticker ticker) {
            super(name);
            this.ticker = ticker;
            setDaemon(true);
        }

        @Override
        public void run() {
            while (!stopped) {
                long wait = ticker.turn();
                if (!ticker.isEmpty()) {
                    // a wake-up may have come in since the turn answered that it had nothing: then a tick, no more
                    if (wait > 0) LockSupport.parkNanos(Math.min(wait, TICK_NANOS));
                    continue;
                }
                sleeping = true;
                if (ticker.isEmpty() && !stopped) LockSupport.parkNanos(wait); // a wake() from now on unparks us
                sleeping = false;
            }
        }
    }
}
