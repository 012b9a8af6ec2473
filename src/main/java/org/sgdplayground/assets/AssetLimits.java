package org.sgdplayground.assets;

/** The limits of serving the browser files and of keeping rendered pages, in one place. */
public final class AssetLimits {
    private AssetLimits() {}

    /**
     * How often a folder's files are looked at for edits: an edit shows on a reload a quarter of a second later, and
     * a busy server stats its few dozen files at most four times a second rather than on every page.
     */
    public static final long RECHECK_NANOS = 250_000_000L;

    /** How long a browser may keep a hashed file without asking again: a year, the most HTTP caches honour. */
    public static final long IMMUTABLE_MAX_AGE_SECONDS = 31_536_000L;

    /** A hashed file smaller than this is sent as it is: it fits a packet either way (Javalin's own threshold). */
    public static final int GZIP_MIN_BYTES = 1_500;
}
