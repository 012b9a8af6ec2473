package org.sgdplayground.server.live;

import java.time.Duration;
import org.sgdplayground.experiment.Limits;

/**
 * The live socket's limits as one value, so a test can shrink them; the server always runs with {@link #DEFAULT},
 * which reads each one from {@link Limits}.
 */
public record LiveLimits(int maxSessions, int maxSessionsPerAddress, int maxMessageBytes, int maxControlMessagesPerSecond,
                  Duration idleTimeout, int maxFramesInFlight, Duration shutdownGrace) {

    public static final LiveLimits DEFAULT = new LiveLimits(Limits.MAX_SESSIONS, Limits.MAX_SESSIONS_PER_ADDRESS,
        Limits.MAX_MESSAGE_BYTES, Limits.MAX_CONTROL_MESSAGES_PER_SECOND, Limits.IDLE_TIMEOUT,
        Limits.MAX_FRAMES_IN_FLIGHT, Limits.SHUTDOWN_GRACE);

    LiveLimits withIdleTimeout(Duration d) {
        return new LiveLimits(maxSessions, maxSessionsPerAddress, maxMessageBytes, maxControlMessagesPerSecond, d,
            maxFramesInFlight, shutdownGrace);
    }

    LiveLimits withFramesInFlight(int n) {
        return new LiveLimits(maxSessions, maxSessionsPerAddress, maxMessageBytes, maxControlMessagesPerSecond, idleTimeout,
            n, shutdownGrace);
    }

    LiveLimits withSessions(int overall, int perAddress) {
        return new LiveLimits(overall, perAddress, maxMessageBytes, maxControlMessagesPerSecond, idleTimeout,
            maxFramesInFlight, shutdownGrace);
    }
}
