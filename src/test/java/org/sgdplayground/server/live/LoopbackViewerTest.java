package org.sgdplayground.server.live;

import org.sgdplayground.server.PlaygroundApp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The warm-up's viewer reads a run as a page would, over a real socket, and hangs up cleanly. */
class LoopbackViewerTest {
    @Test
    void a_viewer_reads_the_data_every_frame_and_the_outcome_then_its_session_is_gone() throws Exception {
        LiveHub hub = new LiveHub(LiveLimits.DEFAULT, 2);
        Javalin app = PlaygroundApp.create(hub).start(0);
        try (LoopbackViewer viewer = new LoopbackViewer(app.port(), "preset=fastai-sgd&steps=10&speed=1000")) {
            assertEquals(1 + 11 + 1, viewer.watchToTheEnd(), "data, frames 0 to 10, done");
            awaitNoSessions(hub);
        } finally {
            app.stop();
        }
    }

    @Test
    void a_viewer_that_leaves_mid_run_hangs_up_cleanly() throws Exception {
        LiveHub hub = new LiveHub(LiveLimits.DEFAULT, 2);
        Javalin app = PlaygroundApp.create(hub).start(0);
        try (LoopbackViewer viewer = new LoopbackViewer(app.port(), "preset=fastai-sgd&steps=100000&speed=1000")) {
            long began = System.nanoTime();
            int read = viewer.watchUntil(began + TimeUnit.MILLISECONDS.toNanos(200));
            assertTrue(read >= 2 && read < 100_000, "the data, some frames, not the run: " + read);
            assertTrue(System.nanoTime() - began < TimeUnit.SECONDS.toNanos(10), "gone soon after its deadline");
            awaitNoSessions(hub);
        } finally {
            app.stop();
        }
    }

    @Test
    void a_viewer_with_a_bad_parameter_reads_the_error_and_the_server_closes() throws Exception {
        LiveHub hub = new LiveHub(LiveLimits.DEFAULT, 2);
        Javalin app = PlaygroundApp.create(hub).start(0);
        try (LoopbackViewer viewer = new LoopbackViewer(app.port(), "lr=fast")) {
            assertEquals(1, viewer.watchToTheEnd(), "the error, then the close");
            awaitNoSessions(hub);
        } finally {
            app.stop();
        }
    }

    @Test
    void a_viewer_refused_before_the_upgrade_says_so() throws Exception {
        LiveHub hub = new LiveHub(LiveLimits.DEFAULT, 2);
        Javalin app = PlaygroundApp.create(hub).start(0);
        try {
            hub.shutdown(); // stopping: new sockets get 503
            IOException refused = assertThrows(IOException.class, () -> new LoopbackViewer(app.port(), "preset=fastai-sgd"));
            assertTrue(refused.getMessage().contains("503"), refused.getMessage());
        } finally {
            app.stop();
        }
    }

    private static void awaitNoSessions(LiveHub hub) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (hub.sessionCount() > 0 && System.nanoTime() < deadline) TimeUnit.MILLISECONDS.sleep(5);
        assertEquals(0, hub.sessionCount());
    }
}
