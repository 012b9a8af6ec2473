package org.sgdplayground.server.json;

/**
 * How many points travel in which form, in one place: as JSON numbers (exact) in the socket's {@code data} message,
 * and inside the page itself so that the first curve needs no socket. Both are sizes a visitor downloads.
 */
public final class WireLimits {
    private WireLimits() {}

    /**
     * Most points the {@code data} message writes as JSON numbers, every double exact (about 40 bytes a point, so
     * 80 KB at the limit); a bigger set goes as a 16-bit grid ({@link PointsWire}), 5⅓ bytes a point, and the page
     * asks for the exact doubles only to edit it. The grid is already 7 times smaller at the limit.
     */
    public static final int MAX_POINTS_AS_NUMBERS = 2_000;

    /**
     * Most points the page carries in its boot block with frame 0, so the plot draws at {@code DOMContentLoaded}:
     * about 80 KB of HTML at the limit, under 70 ms at 10 Mbit/s. A bigger set comes over the socket.
     */
    public static final int MAX_POINTS_IN_PAGE = 2_000;
}
