package org.sgdplayground.server.live;

/** Where a live session's messages go: a socket in the server, a list in tests. */
public interface Sender {
    /**
     * Sends one text message, already encoded as UTF-8 (the array is shared: never change it). Calls {@code done}
     * exactly once when the message is written or has failed, possibly before returning. {@code more} says
     * another message follows at once, so the two may go out in one write.
     */
    void send(byte[] utf8, boolean more, Runnable done);

    /** Closes the connection with a reason, after the messages already sent. */
    void close(int code, String reason);
}
