package org.sgdplayground.server.live;

import java.time.Duration;

/**
 * The live socket's limits, named in one place, and as one value so a test can shrink them; the server always runs
 * with {@link #DEFAULT}. The experiment's own limits (points, steps, work, speed) are the domain's, in
 * {@code experiment.Limits}.
 */
public record LiveLimits(int maxSessions, int maxSessionsPerAddress, int acceptBacklog, int maxMessageBytes,
                         int maxControlMessagesPerSecond, Duration idleTimeout, int maxFramesInFlight,
                         Duration shutdownGrace, long maxSharedTapeBytes) {

    /** Live sessions the server holds at once, over all clients. */
    public static final int MAX_SESSIONS = 2_000;
    /** Live sessions one client address may hold. */
    public static final int MAX_SESSIONS_PER_ADDRESS = 1_200;
    /**
     * Connections the kernel may hold for the server before it accepts them (the listen backlog). Jetty's default
     * is the JDK's 50: a burst of a thousand connects a second overflows it, the kernel drops the SYNs, and each
     * dropped client waits a full second to retry, which set the first-frame p99. The kernel caps it at
     * {@code net.core.somaxconn} (4096 on current Linux).
     */
    public static final int ACCEPT_BACKLOG = 1_024;
    /** Largest socket message the server reads. */
    public static final int MAX_MESSAGE_BYTES = 16 * 1024;
    /** Control messages a session may send in one second before it is told to slow down. */
    public static final int MAX_CONTROL_MESSAGES_PER_SECOND = 50;
    /** A session that neither streams nor hears from its client for this long is closed. */
    public static final Duration IDLE_TIMEOUT = Duration.ofMinutes(10);
    /**
     * Messages a session may have handed to the socket but not yet seen written; past it, frames coalesce to the
     * newest. 64 rides out a reader (or a busy box) stalled for about a second at 50 frames a second, and costs
     * under 10 KB a session: the frames themselves are shared.
     */
    public static final int MAX_FRAMES_IN_FLIGHT = 64;
    /** Longest a stopping server waits for its clients to hang up after telling them it is restarting. */
    public static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(3);
    /** Memory for precomputed runs that live sessions share; a run bigger than a sixteenth of it is not shared. */
    public static final long MAX_SHARED_TAPE_BYTES = 64L * 1024 * 1024;

    public static final LiveLimits DEFAULT = new LiveLimits(MAX_SESSIONS, MAX_SESSIONS_PER_ADDRESS, ACCEPT_BACKLOG,
        MAX_MESSAGE_BYTES, MAX_CONTROL_MESSAGES_PER_SECOND, IDLE_TIMEOUT, MAX_FRAMES_IN_FLIGHT, SHUTDOWN_GRACE,
        MAX_SHARED_TAPE_BYTES);

    /** Every count and size at least one, every duration longer than zero: a zero limit would refuse everything. */
    public LiveLimits {
        positive("maxSessions", maxSessions);
        positive("maxSessionsPerAddress", maxSessionsPerAddress);
        positive("acceptBacklog", acceptBacklog);
        positive("maxMessageBytes", maxMessageBytes);
        positive("maxControlMessagesPerSecond", maxControlMessagesPerSecond);
        positive("maxFramesInFlight", maxFramesInFlight);
        positive("maxSharedTapeBytes", maxSharedTapeBytes);
        positive("idleTimeout", idleTimeout);
        positive("shutdownGrace", shutdownGrace);
    }

    LiveLimits withIdleTimeout(Duration d) {
        return new LiveLimits(maxSessions, maxSessionsPerAddress, acceptBacklog, maxMessageBytes,
            maxControlMessagesPerSecond, d, maxFramesInFlight, shutdownGrace, maxSharedTapeBytes);
    }

    LiveLimits withFramesInFlight(int n) {
        return new LiveLimits(maxSessions, maxSessionsPerAddress, acceptBacklog, maxMessageBytes,
            maxControlMessagesPerSecond, idleTimeout, n, shutdownGrace, maxSharedTapeBytes);
    }

    LiveLimits withSessions(int overall, int perAddress) {
        return new LiveLimits(overall, perAddress, acceptBacklog, maxMessageBytes, maxControlMessagesPerSecond,
            idleTimeout, maxFramesInFlight, shutdownGrace, maxSharedTapeBytes);
    }

    LiveLimits withShutdownGrace(Duration d) {
        return new LiveLimits(maxSessions, maxSessionsPerAddress, acceptBacklog, maxMessageBytes,
            maxControlMessagesPerSecond, idleTimeout, maxFramesInFlight, d, maxSharedTapeBytes);
    }

    private static void positive(String name, long value) {
        if (value < 1) throw new IllegalArgumentException(name + " must be at least 1, not " + value);
    }

    private static void positive(String name, Duration value) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be longer than zero, not " + value);
        }
    }
}
