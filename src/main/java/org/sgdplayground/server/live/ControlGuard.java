package org.sgdplayground.server.live;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * The limits on what a client may send a session: so many control messages a second, so many bytes a message.
 * Holds the count of the current one-second window; its session calls it under the session's lock.
 */
final class ControlGuard {
    /** What becomes of a message that has come in. */
    enum Admission {
        /** Within this second's allowance: read it. */
        READ,
        /** The first over the allowance: ignore it, and tell the client once. */
        REFUSE_AND_TELL,
        /** Over the allowance and already told: ignore it. */
        IGNORE
    }

    private static final long WINDOW_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final int perSecond;
    private final int maxBytes;
    private long windowStart;
    private int inWindow;

    ControlGuard(int perSecond, int maxBytes, long now) {
        this.perSecond = perSecond;
        this.maxBytes = maxBytes;
        this.windowStart = now - WINDOW_NANOS; // the first message opens a window
    }

    /** Counts a message arriving at {@code now}: each second from the first message of a window allows {@code perSecond}. */
    Admission admit(long now) {
        if (now - windowStart >= WINDOW_NANOS) {
            windowStart = now;
            inWindow = 0;
        }
        inWindow++;
        if (inWindow <= perSecond) return Admission.READ;
        return inWindow == perSecond + 1 ? Admission.REFUSE_AND_TELL : Admission.IGNORE;
    }

    /** Whether {@code text} is at most the limit in UTF-8 bytes, the size on the wire. */
    boolean fits(String text) {
        // a char is one to three bytes (a surrogate pair, two chars, is four): only the middle ground needs encoding
        if (text.length() > maxBytes) return false;
        if (3L * text.length() <= maxBytes) return true;
        return text.getBytes(StandardCharsets.UTF_8).length <= maxBytes;
    }

    /** What the client is told once it passes this second's allowance. */
    String tooMany() {
        return "too many messages: at most " + perSecond + " a second; the rest of this second's messages are ignored";
    }

    /** What the client is told for a message over the size limit. */
    String tooBig() {
        return "a message may be at most " + maxBytes + " bytes";
    }
}
