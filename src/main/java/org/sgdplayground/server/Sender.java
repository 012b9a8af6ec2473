package org.sgdplayground.server;

/** Where a live session's messages go: a socket in the server, a list in tests. */
interface Sender {
    /** Sends {@code text}; calls {@code done} exactly once when it is written (or has failed). */
    void send(String text, Runnable done);

    /** Closes the connection with a reason. */
    void close(int code, String reason);
}
