package org.sgdplayground.server.live;

import org.sgdplayground.server.json.Json;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Function;
import org.sgdplayground.experiment.Domain;
import org.sgdplayground.experiment.Experiment;
import org.sgdplayground.experiment.ExperimentCodec;
import org.sgdplayground.experiment.InvalidParameterException;
import org.sgdplayground.experiment.QueryStrings;
import org.sgdplayground.server.live.Outbox.MessageType;

/**
 * One live run streamed to one client (SPEC §3): a {@code data} message (its points left out when the client
 * says it has them, {@link #HAVE}), then frame {@code i} due at
 * {@code start + i / speed}, then {@code done} or {@code diverged}; the client may pause, resume, step, change
 * speed, reset or restart at any time. This class is the session's state machine: playing or paused, ended,
 * closing; the rest is delegated, each to a class of its own:
 * <ul>
 *   <li>when frames are due: {@link FrameSchedule}, served by the {@link Pacer}'s shared clock;</li>
 *   <li>which messages go out and which wait or coalesce, in bounded memory: {@link Outbox};</li>
 *   <li>what the client may send, how often and how big: {@link ControlGuard};</li>
 *   <li>when a session has been idle too long: {@link IdleWatch}.</li>
 * </ul>
 *
 * <p>Frames come from a {@link FrameTape} (usually shared with every other session of the same experiment), so a
 * frame costs a look-up and a write. One lock, this object's, guards everything here and in the outbox.
 *
 * <p>Knows nothing of Javalin: it talks to a {@link Sender}, so tests drive it directly.
 */
public final class LiveSession implements Pacer.Paced {
    /** Socket query flag (not part of the experiment): {@code paused=1} sends the data and the first frame, then waits. */
    static final String PAUSED = "paused";
    /** Socket query flag: {@code at=K} replays to frame {@code K} and goes on from there, for a client that reconnects. */
    static final String AT = "at";
    /** Socket query flag: {@code graph=1} opens the Graph panel's values from the start (SPEC §9; see {@link GraphWatch}). */
    static final String GRAPH = "graph";
    /**
     * Socket query flag: {@code have=KEY} says the client holds the points whose key is KEY (the page's boot block
     * gave them, or an earlier {@code data} message), so a {@code data} message for those points names their key
     * and leaves them out. A client that never says {@code have} gets the points in every {@code data} message.
     */
    static final String HAVE = "have";

    private final Pacer pacer;
    private final int shard;
    private final Function<Map<String, String>, Experiment> experiments;
    private final Function<Experiment, FrameTape> tapes;
    private final Outbox outbox;
    private final ControlGuard guard;
    private final IdleWatch idle;
    private final FrameSchedule schedule = new FrameSchedule();

    private Experiment experiment;
    private FrameTape tape;
    private int next;
    private boolean ended;
    private boolean running;
    private long due;
    private long ticket;
    /** Whether the client's Graph panel is open; its watch over the current run, made when first needed. */
    private boolean graphOpen;
    private int graphRow = -1;
    private GraphWatch graph;
    /** The key of the points the client holds, when it takes part in {@link #HAVE}; null when it does not. */
    private String clientHas;
    /** Whether this run's exact points went out on request: once a run, so no backlog of megabyte answers builds. */
    private boolean exactPointsSent;
    /** The last frame sent as the tape has it: the frame on screen, should the panel open. */
    private byte[] shownFrame;

    /** A session decoding each query afresh. */
    LiveSession(Sender sender, Pacer pacer, LiveLimits limits, Function<Experiment, FrameTape> tapes) {
        this(sender, pacer, limits, ExperimentCodec::decode, tapes);
    }

    /** A session whose queries become experiments through {@code experiments} (which throws as the codec does). */
    LiveSession(Sender sender, Pacer pacer, LiveLimits limits, Function<Map<String, String>, Experiment> experiments,
                Function<Experiment, FrameTape> tapes) {
        this.pacer = pacer;
        this.shard = pacer.assign();
        this.experiments = experiments;
        this.tapes = tapes;
        this.outbox = new Outbox(sender, limits.maxFramesInFlight(), this::written);
        long now = pacer.now();
        this.guard = new ControlGuard(limits.maxControlMessagesPerSecond(), limits.maxMessageBytes(), now);
        this.idle = new IdleWatch(limits.idleTimeout(), now);
    }

    /**
     * Starts the experiment a socket's query describes ({@link #PAUSED} and {@link #AT} included).
     *
     * @throws InvalidParameterException when the query is not a valid experiment
     */
    synchronized void start(Map<String, String> query) {
        Experiment e = experiments.apply(query);
        int at = at(query, e);
        if ("1".equals(query.get(GRAPH))) graphOpen = true;
        clientHas = query.get(HAVE);
        begin(e, tapes.apply(e), "1".equals(query.get(PAUSED)), at);
    }

    /** Refuses the connection: the error, then a close once it is written. */
    synchronized void refuse(String errorJson, int code, String reason) {
        outbox.offer(utf8(errorJson), MessageType.ERROR);
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
        if (e.optimizer().isRace()) graphOpen = false; // a race has a graph per lane: the panel follows single runs
        tape = t;
        ended = false;
        schedule.speed(e.speed());
        outbox.dropStale(); // whatever of the old run still waits is stale
        outbox.hold(); // the data message and the first frame go out together, in one write
        graph = null;
        shownFrame = null;
        graphRow = -1; // a row of the old run's points may not exist in the new one
        exactPointsSent = false;
        boolean withPoints = clientHas == null || !clientHas.equals(t.pointsKey());
        if (clientHas != null) clientHas = t.pointsKey(); // it holds these from now on
        byte[] data = t.data(!paused, withPoints);
        outbox.offer(graphOpen ? graphWatch().withStructure(data) : data, MessageType.DATA);
        next = at;
        emitNext();
        outbox.release();
        if (!paused) play();
    }

    synchronized void onMessage(String text) {
        long now = pacer.now();
        idle.touch(now);
        if (outbox.isClosed()) return;
        switch (guard.admit(now)) {
            case READ -> {}
            case REFUSE_AND_TELL -> { error(Json.errorMessage(guard.tooMany())); return; }
            case IGNORE -> { return; }
        }
        try {
            if (!guard.fits(text)) throw new IllegalArgumentException(guard.tooBig());
            ControlMessage m = ControlMessage.parse(text);
            switch (m.type()) {
                case "pause" -> { pause(); sendShownValues(false); }
                case "resume" -> play();
                case "step" -> { pause(); emitNext(); }
                case "speed" -> { schedule.speed(m.speed()); if (running) play(); }
                case "reset" -> begin(experiment, tape, true, 0);
                case "graph" -> graph(m.graph());
                case "points" -> exactPoints();
                default -> start(QueryStrings.parse(m.query())); // restart: a new query on the same socket
            }
        } catch (InvalidParameterException e) {
            error(Json.errorMessage(e));
        } catch (IllegalArgumentException e) {
            error(Json.errorMessage(e.getMessage()));
        }
    }

    /** Frames due by {@code now}, on the clock's thread. */
    @Override
    public synchronized long tick(long now, long t) {
        if (outbox.isClosed() || t != ticket || !running) return Pacer.IDLE;
        if (due - now > 0) return due;
        // Late (a busy box, a GC pause): send every frame now due; a reader that cannot keep up gets them coalesced.
        while (!ended && schedule.dueOf(next) - now <= 0) emitNext();
        if (ended) {
            running = false;
            return Pacer.IDLE;
        }
        due = schedule.dueOf(next);
        return due;
    }

    /** (Re)starts the clock: the next frame is due one interval from now. */
    private void play() {
        if (ended || outbox.isClosed()) return;
        running = true;
        schedule.startAt(pacer.now(), next);
        due = schedule.dueOf(next);
        pacer.wake(shard, this, ++ticket);
    }

    /** Stops the clock: a new ticket makes the entry on it stale. */
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
            outbox.offer(m, MessageType.OUTCOME);
        } else {
            shownFrame = m;
            if (graphOpen) m = graphWatch().frame(m, running, tape.isOutcome(next + 1), pacer.now());
            outbox.offer(m, MessageType.FRAME);
            next++;
            tape.forget(next);
        }
    }

    /** The run's points, every double exact, for a client about to edit a set it got on the grid; once a run. */
    private void exactPoints() {
        if (exactPointsSent) throw new IllegalArgumentException("this run's exact points were sent already; they are the same");
        exactPointsSent = true;
        outbox.offer(Json.pointsMessage(experiment.dataset(), tape.pointsKey()), MessageType.NOTICE);
    }

    /** Opens or closes the Graph panel's values; opening during a run sends the structure and the shown frame's values. */
    private void graph(ControlMessage.GraphRequest request) {
        if (!request.open() || experiment.optimizer().isRace()) { // a race has a graph per lane: the panel follows single runs
            graphOpen = false;
            graph = null;
            return;
        }
        boolean opening = !graphOpen;
        GraphWatch watch = graphWatch();
        watch.row(request.row()); // throws for a row this run has not got, before anything changes
        graphOpen = true;
        graphRow = request.row();
        if (opening) outbox.offer(watch.structureMessage(), MessageType.NOTICE);
        if (opening || !running) sendShownValues(true);
    }

    private GraphWatch graphWatch() {
        if (graph == null) {
            graph = new GraphWatch(experiment);
            graph.row(graphRow);
            if (shownFrame != null) graph.shown(shownFrame);
        }
        return graph;
    }

    /** The values of the frame on screen, when the panel is open and they have not gone out (or {@code always}). */
    private void sendShownValues(boolean always) {
        if (!graphOpen) return;
        byte[] values = graphWatch().valuesForShownFrame(always);
        if (values != null) outbox.offer(values, MessageType.NOTICE);
    }

    private void error(String message) {
        if (!outbox.hasRoomForError()) return;
        outbox.offer(utf8(message), MessageType.ERROR);
    }

    /** The sender's callback: a message is out (or failed), so the outbox may send the next. */
    private synchronized void written() {
        outbox.written();
        idle.touch(pacer.now());
    }

    private void closeWhenFlushed(int code, String reason) {
        pause();
        outbox.closeWhenFlushed(code, reason);
    }

    /** Tells the client the server is restarting (it may reconnect with {@code at=}), then hangs up. */
    synchronized void restarting() {
        if (!outbox.isOpen()) return;
        pause();
        outbox.clear();
        outbox.offer(utf8("{\"type\":\"restarting\",\"iter\":" + Math.max(0, next - 1) + "}"), MessageType.NOTICE);
        closeWhenFlushed(1012, "server restarting");
    }

    /** Closes a session that has neither streamed nor heard from its client since {@code now} less the timeout. */
    synchronized boolean expireIfIdle(long now) {
        if (!outbox.isOpen() || running || !idle.idleAt(now)) return false;
        error(Json.errorMessage(idle.closingMessage()));
        closeWhenFlushed(1000, "idle");
        return true;
    }

    /** The socket has gone: drop everything. */
    synchronized void close() {
        pause();
        outbox.close();
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
        return outbox.queued();
    }

    /** Messages handed to the socket and not yet written. */
    synchronized int inFlight() {
        return outbox.inFlight();
    }

    /** Where the session's messages go. */
    Sender sender() {
        return outbox.sender();
    }

    synchronized Experiment experiment() {
        return experiment;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
