package org.sgdplayground.server;

/** The limits of keeping rendered pages to answer again, in one place. */
public final class PageLimits {
    private PageLimits() {}

    /**
     * Bytes of rendered pages kept ({@code RecentPages}), the least recently asked for dropped first: about 400 pages
     * of 40 KB, so every preset and the links being shared at the moment are answered without rendering, and a
     * crowd of distinct links costs this much memory and no more.
     */
    public static final long MAX_CACHED_PAGE_BYTES = 16L * 1024 * 1024;
}
