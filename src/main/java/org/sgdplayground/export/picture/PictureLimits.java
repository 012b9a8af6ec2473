package org.sgdplayground.export.picture;

/**
 * Every limit of the picture exports, in one place. The run itself is bounded as every run is
 * ({@code experiment.Limits}: points, steps, work); these bound what is drawn from it.
 */
public final class PictureLimits {
    private PictureLimits() {}

    /** The link-preview size Open Graph and Twitter cards ask for (1.91:1). */
    public static final int PNG_WIDTH = 1200, PNG_HEIGHT = 630;
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
     * Most point-updates ({@code steps × points a step}) a page trains to put the final loss in its link preview: a
     * tenth of a run's limit, about 0.1 s. A heavier run's preview says how many steps it takes instead.
     */
    public static final long MAX_PREVIEW_WORK = 20_000_000L;

    /** Every k-th frame of {@code frames} keeps at most {@code most} of them, the last added when k does not divide. */
    public static int stride(int frames, int most) {
        if (frames <= most) return 1;
        return (int) Math.ceil((frames - 1) / (double) (most - 1));
    }
}
