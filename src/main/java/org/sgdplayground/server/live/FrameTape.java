package org.sgdplayground.server.live;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.sgdplayground.experiment.Experiment;
import org.sgdplayground.experiment.Frame;

/**
 * The socket messages of one run, as UTF-8 bytes ready to write: the {@code data} message, then message
 * {@code i} is frame {@code i}, and the message after the last frame is the outcome ({@code done} or
 * {@code diverged}); a race's messages carry every lane ({@link TapeSource.Lanes}). Runs are deterministic, so a tape is computed once, a few frames ahead at a time, and
 * shared by every session watching the same experiment.
 *
 * <p>A shared tape keeps every message it has computed. A private tape (a run too long to share) keeps only a
 * short window: its one reader calls {@link #forget} as it moves on, so memory stays flat however long the run.
 */
public final class FrameTape {
    /** Frames computed per visit to the engine. */
    static final int BATCH = 16;

    private final Experiment experiment;
    private final byte[] dataRunning, dataPaused, keyRunning, keyPaused;
    private final String pointsKey;
    private volatile String firstMessages;
    private final boolean shared;
    private final List<byte[]> messages = new ArrayList<>();
    private TapeSource source;
    private int base;
    private volatile int end = -1;
    // A shared tape's messages as read without a lock by every session: the count is written last, read first.
    private volatile byte[][] published = new byte[BATCH][];
    private volatile int publishedCount;

    public FrameTape(Experiment experiment, boolean shared) {
        this.experiment = experiment;
        this.shared = shared;
        this.source = TapeSource.of(experiment, experiment.dataset());
        this.dataRunning = source.data(true, true);
        this.dataPaused = source.data(false, true);
        this.keyRunning = source.data(true, false);
        this.keyPaused = source.data(false, false);
        this.pointsKey = source.pointsKey();
    }

    /** The experiment as the tape plays it (its speed and autoplay are those of whoever opened it first). */
    Experiment experiment() {
        return experiment;
    }

    /** The {@code data} message, saying whether frames will follow on their own. */
    public byte[] data(boolean running) {
        return data(running, true);
    }

    /** The {@code data} message with the points, or ({@code withPoints} false) with their key alone. */
    byte[] data(boolean running, boolean withPoints) {
        if (withPoints) return running ? dataRunning : dataPaused;
        return running ? keyRunning : keyPaused;
    }

    /**
     * {@code {"data":…,"frame":…}}: the data message (running as the experiment's autoplay says) and frame 0, for a
     * page's boot block ({@link FirstMessages}); written once a tape, as every viewer of a link asks for the same.
     */
    String firstMessages() {
        String written = firstMessages;
        if (written == null) {
            written = "{\"data\":" + new String(data(experiment.autoplay()), StandardCharsets.UTF_8)
                + ",\"frame\":" + new String(message(0), StandardCharsets.UTF_8) + "}";
            firstMessages = written; // two pages racing write the same text
        }
        return written;
    }

    /** The key of this run's points ({@code have=KEY}). */
    String pointsKey() {
        return pointsKey;
    }

    /** Message {@code i}: frame {@code i}, the outcome just after the last frame, or null beyond it. */
    byte[] message(int i) {
        if (i < publishedCount) return published[i]; // the common case: a thousand sessions reading one tape
        return computed(i);
    }

    private synchronized byte[] computed(int i) {
        while (end < 0 && i >= base + messages.size()) {
            computeBatch();
            if (!shared) forgetPrivate(Math.min(i, base + messages.size() - 1)); // a jump ahead (at=K) keeps a window only
        }
        if (end >= 0 && i > end) return null;
        if (i < base) throw new IllegalStateException("message " + i + " was forgotten; this tape is at " + base);
        return messages.get(i - base);
    }

    /** Whether message {@code i} is the outcome (the last message); computes up to it when needed. */
    boolean isOutcome(int i) {
        message(i);
        return i == end;
    }

    /** The index of the outcome, the tape's last message; computes the whole run when needed. */
    synchronized int lastIndex() {
        while (end < 0) computeBatch();
        return end;
    }

    /**
     * Lets a private tape drop the messages before {@code i}; a shared tape keeps everything. Every session calls
     * this on every frame, so a shared tape answers without its lock: a thousand sessions on two ticker threads
     * contended for it (JFR saw waits of over 10 ms).
     */
    void forget(int i) {
        if (!shared) forgetPrivate(i);
    }

    private synchronized void forgetPrivate(int i) {
        if (i - base < 2 * BATCH) return;
        int drop = Math.min(i, base + messages.size()) - base;
        messages.subList(0, drop).clear();
        base += drop;
    }

    /** Messages held now. */
    synchronized int retained() {
        return messages.size();
    }

    private void computeBatch() {
        for (int k = 0; k < BATCH && end < 0; k++) {
            messages.add(source.next());
            if (source.ended()) {
                end = base + messages.size() - 1;
                source = null; // the engine's buffers are no longer needed
            }
        }
        if (shared) publish();
    }

    private void publish() {
        byte[][] p = published;
        int n = messages.size();
        if (p.length < n) p = java.util.Arrays.copyOf(p, Math.max(n, 2 * p.length));
        for (int k = publishedCount; k < n; k++) p[k] = messages.get(k);
        published = p;
        publishedCount = n;
    }

    /**
     * Roughly what a fully computed tape of {@code e} holds: its points in the data message and each frame. A
     * frame is about 32 bytes of framing plus 25 per number.
     */
    static long estimatedBytes(Experiment e) {
        long perFrame = 32 + 25L * (1 + 2L * e.model().parameterCount());
        boolean listsRows = e.batch() > 0 && e.batch() < e.n() && e.n() <= Frame.MAX_POINTS_FOR_BATCH_ROWS;
        if (listsRows) perFrame += 12 + 4L * e.batch(); // ",\"batch\":[…]", up to three digits and a comma a row
        long lanes = e.optimizer().isRace() ? e.optimizer().race().split(",(?![^(]*\\))").length : 1;
        return 2 * 50L * e.n() + (e.steps() + 2L) * perFrame * lanes;
    }
}
