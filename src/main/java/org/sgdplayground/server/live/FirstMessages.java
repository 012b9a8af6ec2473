package org.sgdplayground.server.live;

import java.nio.charset.StandardCharsets;
import org.sgdplayground.experiment.Experiment;
import org.sgdplayground.server.json.WireLimits;

/**
 * The socket's first two messages for a run, {@code {"data":…,"frame":…}}, for the page to carry in its boot block:
 * the plot draws the points and frame 0 at {@code DOMContentLoaded}, and the socket, opened with {@code have=KEY},
 * brings the frames after it without the points. Only for runs of at most {@link WireLimits#MAX_POINTS_IN_PAGE}
 * points: a bigger set would make the page itself megabytes.
 */
public final class FirstMessages {
    private FirstMessages() {}

    /** The boot block's {@code live} value for {@code e}, or null when its points are too many to carry in a page. */
    public static String of(Experiment e) {
        if (e.n() > WireLimits.MAX_POINTS_IN_PAGE) return null;
        TapeSource source = TapeSource.of(e, e.dataset());
        return "{\"data\":" + utf8(source.data(e.autoplay(), true)) + ",\"frame\":" + utf8(source.next()) + "}";
    }

    private static String utf8(byte[] json) {
        return new String(json, StandardCharsets.UTF_8);
    }
}
