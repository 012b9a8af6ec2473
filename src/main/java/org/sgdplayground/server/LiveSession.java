package org.sgdplayground.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.sgdplayground.data.Dataset;
import org.sgdplayground.experiment.Experiment;
import org.sgdplayground.experiment.ExperimentCodec;
import org.sgdplayground.experiment.Frame;
import org.sgdplayground.experiment.InvalidParameterException;
import org.sgdplayground.experiment.Limits;
import org.sgdplayground.experiment.Optimum;
import org.sgdplayground.experiment.QueryStrings;
import org.sgdplayground.experiment.TrainingRun;

/**
 * One live run streamed to one client (SPEC §3): a {@code data} message, then frame {@code i} due at
 * {@code start + i / speed}, then {@code done} or {@code diverged}; the client may pause, resume, step, change
 * speed, reset or restart at any time.
 *
 * <p>Backpressure: at most {@link Limits#MAX_FRAMES_IN_FLIGHT} messages are out at once; the rest wait in a
 * short outbox where a new frame replaces a frame still waiting, so a slow reader gets the newest frame, never a
 * backlog, and the run keeps its schedule. Memory per session is bounded whatever the client does.
 *
 * <p>Knows nothing of Javalin: it talks to a {@link Sender} and is driven by a scheduler, so tests drive it directly.
 */
final class LiveSession {
    /** A query flag for the socket (not the experiment): {@code paused=1} sends the data and frame 0, then waits. */
    static final String PAUSED = "paused";

    private final Sender sender;
    private final ScheduledExecutorService scheduler;
    private final Runnable onActivity;

    private Experiment experiment;
    private TrainingRun run;
    private boolean running;
    private double speed;
    private long anchorNanos;
    private int anchorIter;
    private ScheduledFuture<?> ticket;

    private int inFlight;
    private final ArrayDeque<Outgoing> outbox = new ArrayDeque<>();
    private boolean closed;

    /** Queued messages beyond which error replies are dropped. */
    private static final int MAX_QUEUED = 8;

    private record Outgoing(String text, boolean isFrame) {}

    LiveSession(Sender sender, ScheduledExecutorService scheduler, Runnable onActivity) {
        this.sender = sender;
        this.scheduler = scheduler;
        this.onActivity = onActivity;
    }

    /** Starts the experiment a query describes; a bad query is answered with an error. */
    synchronized void start(Map<String, String> query) {
        begin(ExperimentCodec.decode(query), "1".equals(query.get(PAUSED)));
    }

    private void begin(Experiment e, boolean paused) {
        cancelTicket();
        experiment = e;
        Dataset points = e.dataset();
        run = new TrainingRun(e, points);
        speed = e.speed();
        ObjectNode data = Json.experiment(e, points, Optimum.of(e.model(), points));
        ObjectNode message = Json.MAPPER.createObjectNode().put("type", "data");
        message.setAll(data);
        message.put("running", !paused);
        outbox.removeIf(Outgoing::isFrame); // frames of a run being replaced are stale
        offer(message.toString(), false);
        running = false;
        emitFrame();
        if (!paused && run.outcome() == null) play();
    }

    synchronized void onMessage(String text) {
        onActivity.run();
        if (closed) return;
        ControlMessage m;
        try {
            if (text.length() > Limits.MAX_MESSAGE_BYTES) {
                throw new IllegalArgumentException("a message may be at most " + Limits.MAX_MESSAGE_BYTES + " bytes");
            }
            m = ControlMessage.parse(text);
            switch (m.type()) {
                case "pause": pause(); break;
                case "resume": play(); break;
                case "step": pause(); emitFrame(); break;
                case "speed": speed = m.speed(); if (running) play(); break;
                case "reset": pause(); begin(experiment, true); break;
                default: {
                    Map<String, String> query = QueryStrings.parse(m.query());
                    Experiment next = ExperimentCodec.decode(query);
                    pause();
                    begin(next, "1".equals(query.get(PAUSED)));
                }
            }
        } catch (IllegalArgumentException e) {
            error(e.getMessage());
        }
    }

    private void error(String message) {
        if (outbox.size() >= MAX_QUEUED) return; // a client flooding us with bad messages loses surplus replies, not our memory
        offer(Json.error(message).put("type", "error").toString(), false);
    }

    /** (Re)starts the clock from the next frame: it is due one interval from now. */
    private void play() {
        if (run.outcome() != null) return;
        cancelTicket();
        running = true;
        anchorNanos = System.nanoTime();
        anchorIter = run.nextIter() - 1;
        schedule();
    }

    private void pause() {
        running = false;
        cancelTicket();
    }

    private void schedule() {
        long due = anchorNanos + (long) ((run.nextIter() - anchorIter) * 1e9 / speed);
        ticket = scheduler.schedule(this::tick, Math.max(0, due - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    private synchronized void tick() {
        if (closed || !running) return;
        emitFrame();
        if (run.outcome() == null) schedule();
        else running = false;
    }

    /** Computes the next frame and sends it, or the outcome when the run has ended. */
    private void emitFrame() {
        if (run.outcome() != null) return;
        Frame f = run.next();
        if (f != null) offer(Json.frameMessage(f), true);
        if (run.outcome() != null) {
            offer(Json.outcome(run.outcome()).toString(), false);
        }
    }

    /**
     * Queues a message. A frame replaces a frame that is still waiting at the back of the queue, so consecutive
     * frames coalesce to the newest; everything else (data, done, errors) keeps its place and its order.
     */
    private void offer(String message, boolean isFrame) {
        if (closed) return;
        if (isFrame && !outbox.isEmpty() && outbox.peekLast().isFrame()) outbox.pollLast();
        outbox.addLast(new Outgoing(message, isFrame));
        flush();
    }

    private void flush() {
        while (inFlight < Limits.MAX_FRAMES_IN_FLIGHT && !outbox.isEmpty()) {
            inFlight++;
            sender.send(outbox.pollFirst().text(), this::sent);
        }
    }

    private synchronized void sent() {
        inFlight--;
        if (!closed) flush();
    }

    private void cancelTicket() {
        if (ticket != null) ticket.cancel(false);
        ticket = null;
    }

    synchronized void close() {
        closed = true;
        running = false;
        cancelTicket();
    }

    synchronized boolean isRunning() {
        return running;
    }

    /** The frame the next update will produce (how far the run has got). */
    synchronized int nextIter() {
        return run == null ? 0 : run.nextIter();
    }

    synchronized Experiment experiment() {
        return experiment;
    }
}
