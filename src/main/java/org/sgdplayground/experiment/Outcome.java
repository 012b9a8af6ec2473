package org.sgdplayground.experiment;

/**
 * How a run ended: {@code done} after its last frame, or {@code diverged} at the first frame whose loss,
 * parameters or gradient stopped being finite (that frame is not emitted).
 *
 * @param iter       the last frame emitted ({@code done}), or the frame that diverged
 * @param lastFrame  the last frame emitted, or null when even frame 0 diverged
 */
public record Outcome(Kind kind, int iter, Frame lastFrame) {
    public enum Kind {
        DONE, DIVERGED;

        /** {@code done} or {@code diverged}, as the socket and the API write it. */
        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
