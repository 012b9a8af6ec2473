package org.sgdplayground.server.live;

import java.util.ArrayDeque;

/**
 * What one session has to say to its socket, with the memory it may take bounded whatever the client does: at most
 * {@code maxInFlight} messages handed to the {@link Sender} and not yet written; the rest wait here, where a frame
 * replaces a frame waiting behind it, so a slow reader gets the newest frame, never a backlog, and the run keeps
 * its schedule. Error replies beyond {@link #MAX_QUEUED_ERRORS} are dropped.
 *
 * <p>Not thread-safe: its session calls it under the session's one lock, and the {@code written} callback it hands
 * the sender must come back in through that lock, to {@link #written}.
 */
final class Outbox {
    /** Error replies that may wait; a client flooding bad messages loses surplus replies, not our memory. */
    static final int MAX_QUEUED_ERRORS = 8;

    /** What a message is on the wire, which decides how it waits: frames coalesce, errors are capped. */
    enum MessageType { DATA, FRAME, OUTCOME, ERROR, NOTICE }

    private record Waiting(byte[] bytes, MessageType type) {}

    private final Sender sender;
    private final int maxInFlight;
    private final Runnable written;
    private final ArrayDeque<Waiting> waiting = new ArrayDeque<>(4);
    private int inFlight;
    private int queuedErrors;
    private boolean holding; // messages wait until release(), so that several share one write
    private boolean closed;
    private int closeCode;
    private String closeReason;

    /** An outbox onto {@code sender}; {@code written} is what the sender calls back once a message is out. */
    Outbox(Sender sender, int maxInFlight, Runnable written) {
        this.sender = sender;
        this.maxInFlight = maxInFlight;
        this.written = written;
    }

    /**
     * Sends a message, or queues it behind those waiting. A frame replaces a frame still waiting at the back of the
     * queue, so consecutive frames coalesce to the newest; everything else keeps its place and its order. Nothing
     * is taken once the outbox is closing.
     */
    void offer(byte[] message, MessageType type) {
        if (!isOpen()) return;
        if (!holding && waiting.isEmpty() && inFlight < maxInFlight) {
            inFlight++; // the common case, a frame a tick to a reader keeping up: straight to the socket, nothing queued
            sender.send(message, false, written);
            return;
        }
        if (type == MessageType.FRAME && !waiting.isEmpty() && waiting.peekLast().type() == MessageType.FRAME) waiting.pollLast();
        if (type == MessageType.ERROR) queuedErrors++;
        waiting.addLast(new Waiting(message, type));
        if (!holding) flush();
    }

    /** Whether another error reply would be kept; past {@link #MAX_QUEUED_ERRORS} waiting, it would not. */
    boolean hasRoomForError() {
        return queuedErrors < MAX_QUEUED_ERRORS;
    }

    /** Holds what is offered from now on until {@link #release}, when it goes out in one write. */
    void hold() {
        holding = true;
    }

    /** Sends what was held, each message telling the socket whether another follows at once. */
    void release() {
        holding = false;
        flush();
    }

    /** Drops whatever waits except error replies: what a new run makes stale. */
    void dropStale() {
        waiting.removeIf(w -> w.type() != MessageType.ERROR);
    }

    /** Drops everything waiting, errors included. */
    void clear() {
        waiting.clear();
        queuedErrors = 0;
    }

    /** A message handed to the sender has been written, or has failed: the next may go. */
    void written() {
        inFlight--;
        if (!closed) flush();
    }

    /** Takes nothing more, and closes the connection with {@code code} once everything handed over is written. */
    void closeWhenFlushed(int code, String reason) {
        closeCode = code;
        closeReason = reason;
        flush();
    }

    /** The socket has gone: drops everything, sends nothing more. */
    void close() {
        closed = true;
        clear();
    }

    /** Takes messages: neither closing nor closed. */
    boolean isOpen() {
        return !closed && closeReason == null;
    }

    boolean isClosed() {
        return closed;
    }

    /** Where the messages go. */
    Sender sender() {
        return sender;
    }

    /** Messages waiting (not yet handed to the socket). */
    int queued() {
        return waiting.size();
    }

    /** Messages handed to the socket and not yet written. */
    int inFlight() {
        return inFlight;
    }

    private void flush() {
        while (inFlight < maxInFlight && !waiting.isEmpty()) {
            Waiting w = waiting.pollFirst();
            if (w.type() == MessageType.ERROR) queuedErrors--;
            inFlight++;
            boolean more = !waiting.isEmpty() && inFlight < maxInFlight;
            sender.send(w.bytes(), more, written);
        }
        if (closeReason != null && inFlight == 0 && waiting.isEmpty() && !closed) {
            closed = true;
            sender.close(closeCode, closeReason);
        }
    }
}
