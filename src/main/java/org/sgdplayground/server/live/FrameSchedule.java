package org.sgdplayground.server.live;

/**
 * When each frame of a run is due: frame {@code i} at {@code anchor + (i − anchorIndex) × period}, with the period
 * {@code 1/speed}. Due times come from the anchor, not from the previous frame, so a late tick does not push every
 * later frame back; the anchor moves only when play starts again or the speed changes.
 */
final class FrameSchedule {
    private static final double NANOS_PER_SECOND = 1e9;

    private double periodNanos;
    private long anchorNanos;
    private int anchorIndex;

    /** Sets the frames a second. The anchor stays: a running session starts again from now ({@link #startAt}) after it. */
    void speed(double framesPerSecond) {
        periodNanos = NANOS_PER_SECOND / framesPerSecond;
    }

    /** Starts counting at {@code now}: frame {@code next} is due one period from now, and each after it a period later. */
    void startAt(long now, int next) {
        anchorNanos = now;
        anchorIndex = next - 1;
    }

    /** When frame {@code index} is due, on the clock {@link #startAt} was given. */
    long dueOf(int index) {
        return anchorNanos + (long) ((index - anchorIndex) * periodNanos);
    }
}
