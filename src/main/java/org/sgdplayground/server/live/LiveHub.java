package org.sgdplayground.server.live;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.sgdplayground.experiment.Experiment;
import org.sgdplayground.experiment.PointLookup;

/**
 * Owns the live sessions of one server: the clock that paces them, the experiments and tapes they share, the count
 * overall and per client address, and their limits. One per app; nothing static.
 */
public final class LiveHub implements AutoCloseable {
    /** Decoded socket queries kept: more distinct links than a server sees viewers of at once, about a MB at most. */
    private static final int EXPERIMENTS_KEPT = 1024;

    private final LiveLimits limits;
    private final LongSupplier clock;
    private final Pacer pacer;
    private final TapeLibrary tapes;
    private final ExperimentCache experiments;
    private final Map<LiveSession, String> sessions = new HashMap<>();
    private final Map<String, Integer> perAddress = new HashMap<>();
    private volatile boolean warming;
    private volatile boolean stopping;

    public LiveHub(LiveLimits limits, int tickerThreads) {
        this(limits, tickerThreads, PointLookup.NONE);
    }

    /** A hub whose sessions find a link's {@code points=ID} in {@code stored}. */
    public LiveHub(LiveLimits limits, int tickerThreads, PointLookup stored) {
        this(limits, tickerThreads, stored, System::nanoTime);
    }

    /** A hub whose sessions run on {@code clock} (nanoseconds), as tests need. */
    LiveHub(LiveLimits limits, int tickerThreads, LongSupplier clock) {
        this(limits, tickerThreads, PointLookup.NONE, clock);
    }

    private LiveHub(LiveLimits limits, int tickerThreads, PointLookup stored, LongSupplier clock) {
        this.limits = limits;
        this.experiments = new ExperimentCache(EXPERIMENTS_KEPT, stored);
        this.clock = clock;
        this.tapes = new TapeLibrary(limits.maxSharedTapeBytes());
        // The first housekeeping runs as soon as the clock's threads start, before this field is set: it reads the
        // time from the clock itself, not through the pacer.
        this.pacer = new Pacer(tickerThreads, () -> expireIdle(clock.getAsLong()), clock);
    }

    /**
     * The socket's first two messages for {@code e}, for its page's boot block (null past the page's limit on points),
     * from the tape its sessions will share.
     */
    public String firstMessages(Experiment e) {
        return FirstMessages.of(e, tapes::tape);
    }

    /** The limits its sessions run under, the listen backlog among them. */
    public LiveLimits limits() {
        return limits;
    }

    /** Why a new session from {@code address} may not open now, or null when it may. */
    synchronized String refusal(String address) {
        if (stopping) return "the server is restarting; reconnect in a few seconds";
        if (sessions.size() >= limits.maxSessions()) {
            return "the server is at its limit of " + limits.maxSessions() + " live sessions; try again in a minute";
        }
        if (perAddress.getOrDefault(address, 0) >= limits.maxSessionsPerAddress()) {
            return "your address already has " + limits.maxSessionsPerAddress() + " live sessions, the most one client may hold";
        }
        return null;
    }

    /** A new session for {@code address}, counted, or null when {@link #refusal} says no. */
    synchronized LiveSession admit(Sender sender, String address) {
        if (refusal(address) != null) return null;
        LiveSession session = new LiveSession(sender, pacer, limits, experiments::decode, tapes::tape);
        sessions.put(session, address);
        perAddress.merge(address, 1, Integer::sum);
        return session;
    }

    /** Forgets a session whose socket has closed. */
    void remove(LiveSession session) {
        synchronized (this) {
            String address = sessions.remove(session);
            if (address == null) return;
            perAddress.computeIfPresent(address, (a, n) -> n <= 1 ? null : n - 1);
        }
        session.close();
    }

    public synchronized int sessionCount() {
        return sessions.size();
    }

    /** Entries on the clock: running sessions, and stale entries until they come due. */
    public int clockEntries() {
        return pacer.entries();
    }

    /** Tapes kept for sharing. */
    public int sharedTapes() {
        return tapes.size();
    }

    /**
     * Forgets the decoded queries and the tapes kept for sharing (sessions playing a tape keep it): the warm-up's
     * runs take no memory after it.
     */
    public void forgetShared() {
        experiments.clear();
        tapes.clear();
    }

    /** Decoded queries kept. */
    int decodedQueries() {
        return experiments.size();
    }

    public boolean stopping() {
        return stopping;
    }

    /** Whether the server is still warming up (it takes sessions meanwhile, the warm-up's own among them). */
    public boolean warming() {
        return warming;
    }

    /** Says whether the server is warming up; a server that never says is ready from the start. */
    public void warming(boolean stillWarming) {
        warming = stillWarming;
    }

    /** The sessions held now. */
    LiveSession[] snapshot() {
        synchronized (this) {
            return sessions.keySet().toArray(new LiveSession[0]);
        }
    }

    /** Closes each session idle past the timeout; the clock's housekeeping calls it once a second. */
    void expireIdle() {
        expireIdle(pacer.now());
    }

    private void expireIdle(long now) {
        for (LiveSession s : snapshot()) s.expireIfIdle(now);
    }

    /** Refuses new sessions ({@code /healthz} says {@code stopping}) while the ones open stream on: a drain's start. */
    public void refuseNewSessions() {
        stopping = true;
    }

    /**
     * Stops taking sessions, tells every client the server is restarting, and waits up to the grace period for
     * them to hang up.
     */
    public void shutdown() {
        stopping = true;
        for (LiveSession s : snapshot()) s.restarting();
        long deadline = System.nanoTime() + limits.shutdownGrace().toNanos();
        while (sessionCount() > 0 && System.nanoTime() - deadline < 0) {
            try {
                TimeUnit.MILLISECONDS.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void close() {
        stopping = true;
        for (LiveSession s : snapshot()) remove(s);
        pacer.close();
    }
}
