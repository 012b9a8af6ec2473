package org.sgdplayground.server;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.sgdplayground.experiment.Limits;

/**
 * Owns the live sessions of one server: the scheduler that paces every run, the count overall and per client
 * address, and their limits. One per app; nothing static.
 */
final class LiveHub implements AutoCloseable {
    private final ScheduledThreadPoolExecutor scheduler;
    private final Set<LiveSession> sessions = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> perAddress = new ConcurrentHashMap<>();

    LiveHub(int threads) {
        AtomicInteger count = new AtomicInteger();
        scheduler = new ScheduledThreadPoolExecutor(threads, r -> {
            Thread t = new Thread(r, "live-ticker-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        scheduler.setRemoveOnCancelPolicy(true);
    }

    ScheduledExecutorService scheduler() {
        return scheduler;
    }

    /** Why a new session from {@code address} may not open now, or null when it may. */
    String refusal(String address) {
        if (sessions.size() >= Limits.MAX_SESSIONS) {
            return "the server is at its limit of " + Limits.MAX_SESSIONS + " live sessions; try again in a minute";
        }
        AtomicInteger mine = perAddress.get(address);
        if (mine != null && mine.get() >= Limits.MAX_SESSIONS_PER_ADDRESS) {
            return "your address already has " + Limits.MAX_SESSIONS_PER_ADDRESS + " live sessions, the most one client may hold";
        }
        return null;
    }

    void add(LiveSession session, String address) {
        sessions.add(session);
        perAddress.computeIfAbsent(address, a -> new AtomicInteger()).incrementAndGet();
    }

    void remove(LiveSession session, String address) {
        if (!sessions.remove(session)) return;
        session.close();
        perAddress.computeIfPresent(address, (a, n) -> n.decrementAndGet() <= 0 ? null : n);
    }

    int sessionCount() {
        return sessions.size();
    }

    /** Tasks the scheduler holds: ticks of running sessions. */
    int scheduledTasks() {
        return scheduler.getQueue().size();
    }

    @Override
    public void close() {
        sessions.forEach(LiveSession::close);
        sessions.clear();
        perAddress.clear();
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
