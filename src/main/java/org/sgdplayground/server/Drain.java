package org.sgdplayground.server;

import io.javalin.Javalin;
import java.time.Duration;
import org.sgdplayground.server.live.LiveHub;

/**
 * How a server stops on SIGTERM behind a load balancer: first it refuses new sessions and {@code /healthz} answers
 * 503 {@code stopping} while the open sessions stream on, for long enough that the balancer's health check sees it
 * and sends new connections elsewhere; only then does it tell its clients it is restarting (close 1012) and stop.
 * The clients' reconnects, with {@code at=}, so reach a server that takes them, and no viewer waits on the
 * balancer's check.
 */
final class Drain {
    /**
     * How long the open sessions stream on after the server turns unhealthy: longer than the balancer's check
     * interval (scripts/cluster's HAProxy checks every 500 ms and takes a server out at its first 503). A platform
     * that takes the server out of its router before SIGTERM loses only this much of its stop time.
     */
    static final Duration NOTICE = Duration.ofMillis(750);

    private Drain() {}

    /** Refuses new sessions, waits {@code notice} for the balancer to see it, then stops {@code app}. */
    static void stop(Javalin app, LiveHub hub, Duration notice) {
        hub.refuseNewSessions();
        try {
            Thread.sleep(notice.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        app.stop();
    }
}
