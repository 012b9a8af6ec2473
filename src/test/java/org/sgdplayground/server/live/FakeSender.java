package org.sgdplayground.server.live;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;

/** A socket stand-in: writes at once, or never (a client that stopped reading) until told to. */
final class FakeSender implements Sender {
    private final boolean writes;
    final List<String> sent = Collections.synchronizedList(new ArrayList<>());
    /** Each send's {@code more} flag, in the order of {@link #sent}. */
    final List<Boolean> more = Collections.synchronizedList(new ArrayList<>());
    private final ConcurrentLinkedDeque<Runnable> pending = new ConcurrentLinkedDeque<>();
    volatile int closeCode;

    private FakeSender(boolean writes) {
        this.writes = writes;
    }

    /** Every send completes at once. */
    static FakeSender reading() {
        return new FakeSender(true);
    }

    /** No send completes until {@link #release()}. */
    static FakeSender stalled() {
        return new FakeSender(false);
    }

    @Override
    public void send(byte[] utf8, boolean more, Runnable done) {
        synchronized (sent) {
            sent.add(new String(utf8, StandardCharsets.UTF_8));
            this.more.add(more);
        }
        if (writes) done.run();
        else pending.add(done);
    }

    @Override
    public void close(int code, String reason) {
        closeCode = code;
    }

    /** Completes every send so far, as a reader that wakes up; sends they trigger stay pending. */
    int release() {
        List<Runnable> now = new ArrayList<>();
        for (Runnable r = pending.poll(); r != null; r = pending.poll()) now.add(r);
        now.forEach(Runnable::run);
        return now.size();
    }

    List<String> sent() {
        synchronized (sent) {
            return new ArrayList<>(sent);
        }
    }

    List<String> sentOfType(String type) {
        List<String> out = new ArrayList<>();
        for (String m : sent()) if (m.startsWith("{\"type\":\"" + type + "\"") || (type.equals("error") && m.contains("\"type\":\"error\""))) out.add(m);
        return out;
    }
}
