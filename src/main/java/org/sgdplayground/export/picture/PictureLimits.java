package org.sgdplayground.export.picture;

import org.sgdplayground.page.LinkPreview;

/**
 * Every limit of the picture exports, in one place. The run itself is bounded as every run is
 * ({@code experiment.Limits}: points, steps, work); these bound what is drawn from it. The pages' link previews keep
 * theirs beside them ({@code page.LinkPreview}).
 */
public final class PictureLimits {
    private PictureLimits() {}

    /** The link preview's size (1.91:1), as the pages announce it. */
    public static final int PNG_WIDTH = LinkPreview.IMAGE_WIDTH, PNG_HEIGHT = LinkPreview.IMAGE_HEIGHT;
    /** The animation's size: half the preview's area, so a hundred frames stay small. */
    public static final int GIF_WIDTH = 720, GIF_HEIGHT = 378;
    /** Most frames in one GIF; a longer run shows every k-th frame (and always the last). */
    public static final int MAX_GIF_FRAMES = 101;
    /** The shortest frame delay browsers honour, in hundredths of a second (shorter ones they slow to 10). */
    public static final int MIN_GIF_DELAY_CENTISECONDS = 2;
    /** The longest frame delay, in hundredths of a second: a slow run's GIF still moves every 10 s. */
    public static final int MAX_GIF_DELAY_CENTISECONDS = 1000;
    /** How long the GIF holds its last frame before it loops, in hundredths of a second. */
    public static final int GIF_HOLD_CENTISECONDS = 200;
    /** Most frames a replay file carries; a longer run keeps every k-th frame (and always the last). */
    public static final int MAX_REPLAY_FRAMES = 2001;

    /**
     * Bytes of recently made pictures kept to answer again (16 MiB): a link preview is fetched by every unfurler that
     * sees the link, and HEAD asks for what GET made. Runs are deterministic, so a kept picture never goes stale.
     */
    public static final long MAX_CACHED_PICTURE_BYTES = 16L << 20;

    /** Every k-th frame of {@code frames} keeps at most {@code most} of them, the last added when k does not divide. */
    public static int stride(int frames, int most) {
        if (frames <= most) return 1;
        return (int) Math.ceil((frames - 1) / (double) (most - 1));
    }
}
