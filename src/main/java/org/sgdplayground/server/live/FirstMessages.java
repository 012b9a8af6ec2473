package org.sgdplayground.server.live;

import java.util.function.Function;
import org.sgdplayground.experiment.Experiment;
import org.sgdplayground.server.json.WireLimits;

/**
 * The socket's first two messages for a run, {@code {"data":…,"frame":…}}, for the page to carry in its boot block:
 * the plot draws the points and frame 0 at {@code DOMContentLoaded}, and the socket, opened with {@code have=KEY},
 * brings the frames after it without the points. Only for runs of at most {@link WireLimits#MAX_POINTS_IN_PAGE}
 * points: a bigger set would make the page itself megabytes.
 *
 * <p>They come from the tape the socket will play ({@link TapeLibrary}), so rendering a page costs a look-up once its
 * experiment has been seen: computed afresh, a run's briefing and first frame took 0.9 ms for lesson 2 and 5.6 ms for
 * a four-lane race, as much as the rest of the page.
 */
public final class FirstMessages {
    private FirstMessages() {}

    /**
     * The boot block's {@code live} value for {@code e}, from its tape in {@code tapes}, or null when its points are
     * too many to carry in a page.
     */
    static String of(Experiment e, Function<Experiment, FrameTape> tapes) {
        if (e.n() > WireLimits.MAX_POINTS_IN_PAGE) return null;
        return tapes.apply(e).firstMessages();
    }
}
