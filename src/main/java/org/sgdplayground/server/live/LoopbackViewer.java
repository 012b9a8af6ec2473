package org.sgdplayground.server.live;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A viewer of {@code /ws} on this machine's loopback, as a page is one: it opens a socket, reads every message to the
 * run's end and hangs up, over a real TCP connection, so the server's handshake, clock and write paths run exactly as
 * for a browser. The smallest RFC 6455 client that does that, on a blocking socket: the server's frames come
 * unmasked and unfragmented (it never fragments), and the one frame it sends, the close, is masked as a client's
 * must be. For the server's warm-up, not for tests of the protocol.
 */
public final class LoopbackViewer implements AutoCloseable {
    private static final int OP_TEXT = 1, OP_CLOSE = 8, OP_PING = 9;
    private static final byte[] OUTCOMES[] = {ascii("{\"type\":\"done\""), ascii("{\"type\":\"diverged\""),
        ascii("{\"type\":\"error\"")};

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private byte[] payload = new byte[1024];

    /** Opens {@code /ws?query} on the loopback at {@code port}; throws when the server does not switch protocols. */
    public LoopbackViewer(int port, String query) throws IOException {
        socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(30_000);
        in = new BufferedInputStream(socket.getInputStream(), 8192);
        out = socket.getOutputStream();
        out.write(ascii("GET " + LiveSocket.PATH + "?" + query + " HTTP/1.1\r\nHost: localhost:" + port
            + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
            + "Sec-WebSocket-Version: 13\r\n\r\n"));
        out.flush();
        String status = headers();
        if (!status.startsWith("HTTP/1.1 101")) {
            socket.close();
            throw new IOException("the server did not open the socket: " + status);
        }
    }

    /**
     * Reads messages until the run's outcome ({@code done} or {@code diverged}, or an {@code error}) or the server's
     * close, then hangs up; returns the messages read.
     */
    public int watchToTheEnd() throws IOException {
        return watchUntil(Long.MAX_VALUE);
    }

    /**
     * {@link #watchToTheEnd}, or until {@link System#nanoTime} passes {@code deadline}: then it hangs up mid-run, as a
     * reader who leaves does, and reads to the server's close. Returns the messages read.
     */
    public int watchUntil(long deadline) throws IOException {
        int messages = 0;
        while (true) {
            if (deadline != Long.MAX_VALUE && System.nanoTime() - deadline > 0) {
                sendClose();
                awaitClose();
                return messages;
            }
            int first = read(), second = read();
            int opcode = first & 0x0f;
            long length = second & 0x7f;
            if (length == 126) length = (read() << 8) | read();
            else if (length == 127) {
                length = 0;
                for (int k = 0; k < 8; k++) length = (length << 8) | read();
            }
            if (length > Integer.MAX_VALUE - 8) throw new IOException("a message of " + length + " bytes");
            int n = (int) length;
            if (payload.length < n) payload = new byte[Math.max(n, 2 * payload.length)];
            readFully(payload, n);
            if (opcode == OP_CLOSE) {
                sendClose();
                return messages;
            }
            if (opcode == OP_PING) continue; // the server does not ping; a pong is not worth writing here
            if (opcode == OP_TEXT) {
                messages++;
                if (isOutcome(payload, n)) {
                    sendClose();
                    awaitClose();
                    return messages;
                }
            }
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private static boolean isOutcome(byte[] message, int length) {
        for (byte[] prefix : OUTCOMES) {
            if (length < prefix.length) continue;
            int k = 0;
            while (k < prefix.length && message[k] == prefix[k]) k++;
            if (k == prefix.length) return true;
        }
        return false;
    }

    /** A masked close frame with code 1000; the mask is zero, which leaves the payload as it is. */
    private void sendClose() throws IOException {
        out.write(new byte[] {(byte) (0x80 | OP_CLOSE), (byte) (0x80 | 2), 0, 0, 0, 0, 1000 >> 8, (byte) (1000 & 0xff)});
        out.flush();
    }

    /** Reads to the server's close frame or the end of the stream. */
    private void awaitClose() throws IOException {
        try {
            while (true) {
                int first = read(), length = read() & 0x7f;
                if (length == 126) length = (read() << 8) | read();
                if (payload.length < length) payload = new byte[length];
                readFully(payload, length);
                if ((first & 0x0f) == OP_CLOSE) return;
            }
        } catch (EOFException gone) {
            // the server may close the connection right after its close frame
        }
    }

    /** The status line; reads past every header to the blank line. */
    private String headers() throws IOException {
        StringBuilder status = new StringBuilder();
        int lineLength = 0;
        boolean statusDone = false;
        while (true) {
            int c = read();
            if (c == '\n') {
                if (lineLength == 0) return status.toString();
                statusDone = true;
                lineLength = 0;
            } else if (c != '\r') {
                lineLength++;
                if (!statusDone) status.append((char) c);
            }
        }
    }

    private int read() throws IOException {
        int c = in.read();
        if (c < 0) throw new EOFException("the server closed the connection");
        return c;
    }

    private void readFully(byte[] into, int n) throws IOException {
        for (int done = 0; done < n; ) {
            int r = in.read(into, done, n - done);
            if (r < 0) throw new EOFException("the server closed the connection mid-message");
            done += r;
        }
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
