package org.sgdplayground.server.live;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/** A clock that moves only when a test moves it, in nanoseconds, starting from an arbitrary point as nanoTime does. */
final class FakeClock implements LongSupplier {
    private volatile long now = 1_000_000_000_000L;

    @Override
    public long getAsLong() {
        return now;
    }

    void advanceMillis(long millis) {
        advanceNanos(TimeUnit.MILLISECONDS.toNanos(millis));
    }

    void advanceNanos(long nanos) {
        now += nanos;
    }
}
