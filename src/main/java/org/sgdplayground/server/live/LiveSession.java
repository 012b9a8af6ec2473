package org.sgdplayground.server.live;

import org.sgdplayground.server.json.Json;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.function.Function;
import org.sgdplayground.experiment.Domain;
import org.sgdplayground.experiment.Experiment;
import org.sgdplayground.experiment.ExperimentCodec;
import org.sgdplayground.experiment.InvalidParameterException;
import org.sgdplayground.experiment.PointLookup;
import org.sgdplayground.experiment.QueryStrings;

/**
 * One live run streamed to one client (SPEC §3): a {@code data} message, then frame {@code i} due at
 * {@code start + i / speed}, then {@code done} or {@code diverged}; the client may pause, resume, step, change
 * speed, reset or restart at any time.
 *
 * <p>Frames come from a {@link FrameTape} (usually shared with every other session of the same experiment) and
 * the session is driven by the {@link Pacer}'s shared clock, so a frame costs a look-up and a write.
 *
 * <p>Backpressure: at most {@link LiveLimits#maxFramesInFlight} messages are handed to the socket and not yet
 * written. The rest wait in a short outbox where a new frame replaces a frame still waiting, so a slow reader gets
 * the newest frame, never a backlog, and the run keeps its schedule. A new run drops whatever of the old one still
 * waits, and error replies beyond a few are dropped: memory per session is bounded whatever the client does.
 *
 * <p>Knows nothing of Javalin: it talks to a {@link Sender}, so tests drive it directly.
 */
public final class LiveSession implements Pacer.Paced {
    /** Socket query flag (not part of the experiment): {@code paused=1} sends the data and the first frame, then waits. */
    static final String PAUSED = "paused";
    /** Socket query flag: {@code at=K} replays to frame {@code K} and goes on from there, for a client that reconnects. */
    static final String AT = "at";
    /** Error replies that may wait in the outbox; a client flooding bad messages loses surplus replies, not our memory. */
    static final int MAX_QUEUED_ERRORS = 8;

    private enum Kind { DATA, FRAME, OUTCOME, ERROR, NOTICE }

    private record Outgoing(byte[] bytes, Kind kind) {}

    private final Sender sender;
    private final Pacer pacer;
    private final int shard;
    private final LiveLimits limits;
    private final Function<Experiment, FrameTape> tapes;
    private final PointLookup stored;
    private final Runnable sent = this::sent;

    private Experiment experiment;
    private FrameTape tape;
    private int next;
    private boolean ended;
    private boolean running;
    private double periodNanos;
    private long anchorNanos;
    private int anchorIndex;
    private long due;
    private long ticket;

    private int inFlight;
    private int queuedErrors;
    private boolean holding; // messages wait in the outbox until flush(), so that several share one write
    private final ArrayDeque<Outgoing> outbox = new ArrayDeque<>(4);
    private boolean closed;
    private int closeCode;
    private String closeReason;

    private long windowStart;
    private int messagesInWindow;
    private volatile long lastActivity = System.nanoTime();

    LiveSession(Sender sender, Pacer pacer, LiveLimits limits, Function<Experiment, FrameTape> tapes, PointLookup stored) {
        this.sender = sender;
        this.pacer = pacer;
        this.shard = pacer.assign();
        this.limits = limits;
        this.tapes = tapes;
        this.stored = stored;
    }

    /**
     * Starts the experiment a socket's query describes ({@link #PAUSED} and {@link #AT} included).
     *
     * @throws InvalidParameterException when the query is not a valid experiment
     */
    synchronized void start(Map<String, String> query) {
        Experiment e = ExperimentCodec.decode(query, stored);
        int at = at(query, e);
        begin(e, tapes.apply(e), "1".equals(query.get(PAUSED)), at);
    }

    /** Refuses the connection: the error, then a close once it is written. */
    synchronized void refuse(String errorJson, int code, String reason) {
        offer(utf8(errorJson), Kind.ERROR);
        closeWhenFlushed(code, reason);
    }

    private static int at(Map<String, String> query, Experiment e) {
        String text = query.get(AT);
        if (text == null || text.isBlank()) return 0;
        return ((Long) new Domain.Whole(0, e.steps()).parse(AT, text)).intValue();
    }

    private void begin(Experiment e, FrameTape t, boolean paused, int at) {
        pause();
        experiment = e;
        tape = t;
        ended = false;
        periodNanos = 1e9 / e.speed();
        outbox.removeIf(o -> o.kind() != Kind.ERROR); // whatever of the old run still waits is stale
        holding = true; // the data message and the first frame go out together, in one write
        offer(t.data(!paused), Kind.DATA);
        next = at;
        emitNext();
        holding = false;
        flush();
        if (!paused) play();
    }

    synchronized void onMessage(String text) {
        long now = System.nanoTime();
        lastActivity = now;
        if (closed) return;
        if (now - windowStart >= 1_000_000_000L) {
            windowStart = now;
            messagesInWindow = 0;
        }
        if (++messagesInWindow > limits.maxControlMessagesPerSecond()) {
            if (messagesInWindow == limits.maxControlMessagesPerSecond() + 1) {
                error(Json.error("too many messages: at most " + limits.maxControlMessagesPerSecond()
                    + " a second; the rest of this second's messages are ignored"));
            }
            return;
        }
        try {
            if (text.length() > limits.maxMessageBytes() || utf8Length(text) > limits.maxMessageBytes()) {
                throw new IllegalArgumentException("a message may be at most " + limits.maxMessageBytes() + " bytes");
            }
            ControlMessage m = ControlMessage.parse(text);
            switch (m.type()) {
                case "pause" -> pause();
                case "resume" -> play();
                case "step" -> { pause(); emitNext(); }
                case "speed" -> { periodNanos = 1e9 / m.speed(); if (running) play(); }
                case "reset" -> begin(experiment, tape, true, 0);
                default -> {
                    Map<String, String> query = QueryStrings.parse(m.query());
                    Experiment e = ExperimentCodec.decode(query, stored);
                    int at = at(query, e);
                    begin(e, tapes.apply(e), "1".equals(query.get(PAUSED)), at);
                }
            }
        } catch (InvalidParameterException e) {
            error(Json.error(e));
        } catch (IllegalArgumentException e) {
            error(Json.error(e.getMessage()));
        }
    }

    /** Frames due by {@code now}, on the clock's thread. */
    @Override
    public synchronized long tick(long now, long t) {
        if (closed || t != ticket || !running) return Pacer.IDLE;
        if (due - now > 0) return due;
        // Late (a busy box, a GC pause): send every frame now due; a reader that cannot keep up gets them coalesced.
        while (!ended && dueOf(next) - now <= 0) emitNext();
        if (ended) {
            running = false;
            return Pacer.IDLE;
        }
        due = dueOf(next);
        return due;
    }

    private long dueOf(int index) {
        return anchorNanos + (long) ((index - anchorIndex) * periodNanos);
    }

    /** (Re)starts the clock: the next frame is due one interval from now. */
    private void play() {
        if (ended || closed) return;
        running = true;
        anchorNanos = System.nanoTime();
        anchorIndex = next - 1;
        due = dueOf(next);
        pacer.wake(shard, this, ++ticket);
    }

    private void pause() {
        running = false;
        ticket++;
    }

    /** Sends the next message of the tape: a frame, or the outcome that ends the run. */
    private void emitNext() {
        if (ended) return;
        byte[] m = tape.message(next);
        if (m == null || tape.isOutcome(next)) {
            if (m == null) m = tape.message(tape.lastIndex());
            ended = true;
            running = false;
            offer(m, Kind.OUTCOME);
        } else {
            offer(m, Kind.FRAME);
            next++;
            tape.forget(next);
        }
    }

    private void error(ObjectNode error) {
        if (queuedErrors >= MAX_QUEUED_ERRORS) return;
        offer(utf8(error.put("type", "error").toString()), Kind.ERROR);
    }

    /**
     * Queues a message. A frame replaces a frame still waiting at the back of the queue, so consecutive frames
     * coalesce to the newest; everything else keeps its place and its order.
     */
    private void offer(byte[] message, Kind kind) {
        if (closed || closeReason != null) return;
        if (!holding && outbox.isEmpty() && inFlight < limits.maxFramesInFlight()) {
            inFlight++; // the common case, a frame a tick to a reader keeping up: straight to the socket, nothing queued
            sender.send(message, false, sent);
            return;
        }
        if (kind == Kind.FRAME && !outbox.isEmpty() && outbox.peekLast().kind() == Kind.FRAME) outbox.pollLast();
        if (kind == Kind.ERROR) queuedErrors++;
        outbox.addLast(new Outgoing(message, kind));
        if (!holding) flush();
    }

    private void flush() {
        while (inFlight < limits.maxFramesInFlight() && !outbox.isEmpty()) {
            Outgoing o = outbox.pollFirst();
            if (o.kind() == Kind.ERROR) queuedErrors--;
            inFlight++;
            boolean more = !outbox.isEmpty() && inFlight < limits.maxFramesInFlight();
            sender.send(o.bytes(), more, sent);
        }
        if (closeReason != null && inFlight == 0 && outbox.isEmpty() && !closed) {
            closed = true;
            sender.close(closeCode, closeReason);
        }
    }

    private synchronized void sent() {
        inFlight--;
        lastActivity = System.nanoTime();
        if (!closed) flush();
    }

    private void closeWhenFlushed(int code, String reason) {
        pause();
        closeCode = code;
        closeReason = reason;
        flush();
    }

    /** Tells the client the server is restarting (it may reconnect with {@code at=}), then hangs up. */
    synchronized void restarting() {
        if (closed || closeReason != null) return;
        pause();
        outbox.clear();
        queuedErrors = 0;
        offer(utf8("{\"type\":\"restarting\",\"iter\":" + Math.max(0, next - 1) + "}"), Kind.NOTICE);
        closeWhenFlushed(1012, "server restarting");
    }

    /** Closes a session that has neither streamed nor heard from its client since {@code idleSince}. */
    synchronized boolean expireIfIdle(long now) {
        if (closed || closeReason != null || running || now - lastActivity < limits.idleTimeout().toNanos()) return false;
        error(Json.error("closing this session: nothing happened for " + limits.idleTimeout().toSeconds()
            + " s; reconnect to go on"));
        closeWhenFlushed(1000, "idle");
        return true;
    }

    /** The socket has gone: drop everything. */
    synchronized void close() {
        closed = true;
        running = false;
        ticket++;
        outbox.clear();
        queuedErrors = 0;
    }

    synchronized boolean isRunning() {
        return running;
    }

    /** The tape index the next frame will come from (how far the run has got). */
    synchronized int nextIter() {
        return next;
    }

    /** Messages waiting in the outbox (not yet handed to the socket). */
    synchronized int queued() {
        return outbox.size();
    }

    /** Messages handed to the socket and not yet written. */
    synchronized int inFlight() {
        return inFlight;
    }

    synchronized Experiment experiment() {
        return experiment;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** UTF-8 length without encoding: the limit is in bytes, and a message of 3-byte characters is 3× its length. */
    private static int utf8Length(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) n++;
            else if (c < 0x800) n += 2;
            else if (Character.isHighSurrogate(c)) { n += 4; i++; }
            else n += 3;
        }
        return n;
    }
}
