package org.sgdplayground.server.live;

import java.nio.ByteBuffer;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Invocable;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.common.WebSocketSession;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.OpCode;
import org.eclipse.jetty.websocket.core.OutgoingEntry;
import org.eclipse.jetty.websocket.core.WebSocketConnection;
import org.eclipse.jetty.websocket.core.WebSocketCoreSession;

/**
 * A Jetty socket as a {@link Sender}: writes pre-encoded text frames straight to the connection's frame flusher, with
 * no re-encoding, no thread hand-off, and none of the core session's per-frame layers (state check, message-timeout
 * flusher, fragmenter, extension stack), which cost two to three entry objects, a callback wrapper, a lock and a
 * second iterating callback a frame.
 *
 * <p>The flusher keeps the wire correct on its own: once a close frame is queued or the connection is gone it fails
 * every later frame's callback, and a session queues its own close only after its last frame is written. Skipping
 * the extension stack is right only when no extension was negotiated (the live socket never negotiates one); a
 * session that did, or a core session that is not Jetty's own, gets every frame through
 * {@link CoreSession#sendFrame}, the path the public {@code sendText} takes too.
 *
 * <p>What it is worth, measured alone ({@code SendPathBench} in src/bench: a 146-byte frame to 64 loopback sockets
 * from two threads, each frame its own write as to a reader keeping up; medians of 5 rounds, on the shared 2-core
 * box under a load of about 15): the sending thread allocates 424 bytes a frame, against 504 through the core
 * session and 728 through the public {@code sendText}; its CPU a frame, 5.8 µs against 6.0 and 6.0, is within the
 * rounds' noise, since the write's system call is most of it. So the gain is in garbage, a sixth less than through
 * the core session and two fifths less than {@code sendText}, not in the send itself. (The commit that brought it,
 * together with the outbox's direct send, saw G1's refinement fall from 20% to 9% of the server's CPU under load.)
 */
final class JettySender implements Sender {
    private final CoreSession core;
    private final WebSocketConnection flusher; // null: frames go through the core session
    private Runnable lastDone;
    private Callback lastCallback;

    /** The sender for a socket Jetty has opened. */
    static JettySender of(Session socket) {
        return new JettySender(((WebSocketSession) socket).getCoreSession());
    }

    JettySender(CoreSession core) {
        this.core = core;
        this.flusher = core instanceof WebSocketCoreSession own && core.getNegotiatedExtensions().isEmpty()
            ? own.getConnection() : null;
    }

    /** Whether frames go straight to the connection's flusher (the fast path) rather than through the core session. */
    boolean writesToFlusher() {
        return flusher != null;
    }

    @Override
    public void send(byte[] utf8, boolean more, Runnable done) {
        Frame frame = new Frame(OpCode.TEXT, ByteBuffer.wrap(utf8));
        if (flusher != null) flusher.enqueueFrame(new OutgoingEntry.Builder(frame, callback(done)).batch(more).build());
        else core.sendFrame(frame, callback(done), more);
    }

    /** A session passes the same {@code done} every time (and calls under its lock), so one callback serves them all. */
    private Callback callback(Runnable done) {
        if (done != lastDone) {
            lastCallback = Callback.from(Invocable.InvocationType.NON_BLOCKING, done, failure -> done.run());
            lastDone = done;
        }
        return lastCallback;
    }

    @Override
    public void close(int code, String reason) {
        core.close(code, reason, Callback.NOOP);
    }
}
