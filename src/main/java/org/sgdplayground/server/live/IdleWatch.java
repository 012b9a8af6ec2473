package org.sgdplayground.server.live;

import java.time.Duration;

/**
 * When a session last did anything (a message from its client, a message of ours written), and whether that was
 * longer ago than the idle timeout. Touched on the socket's and the clock's threads, read by the housekeeping.
 */
final class IdleWatch {
    private final long timeoutNanos;
    private final Duration timeout;
    private volatile long lastActivity;

    IdleWatch(Duration timeout, long now) {
        this.timeout = timeout;
        this.timeoutNanos = timeout.toNanos();
        this.lastActivity = now;
    }

    /** Something happened at {@code now}. */
    void touch(long now) {
        lastActivity = now;
    }

    /** Whether nothing has happened for the whole timeout by {@code now}. */
    boolean idleAt(long now) {
        return now - lastActivity >= timeoutNanos;
    }

    /** What a client whose session is closed for idleness is told. */
    String closingMessage() {
        return "closing this session: nothing happened for " + timeout.toSeconds() + " s; reconnect to go on";
    }
}
