package org.sgdplayground.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.sgdplayground.assets.AssetGraph;

/**
 * Pages rendered lately, by everything a page is made from ({@link Pages#key}), the least recently asked for
 * dropped first once they pass a byte budget. A page is a pure function of its key, so a kept page is the page a
 * fresh render would give; rendering one costs milliseconds (mostly the boot block's JSON and j2html), finding it
 * a map lookup. One per app. Two requests for the same new page at once may both render it; both get the same bytes.
 */
final class RecentPages {
    /**
     * A rendered page, gzipped once (empty when too small to gain), and its entity tag: weak, since the bytes sent
     * are compressed or not. Compressing the 44 KB page took about 1.5 ms of every 200 answer; a kept page now
     * pays it once.
     */
    record Page(byte[] html, Optional<byte[]> gzipped, String etag) {
        static Page of(String html) {
            byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
            return new Page(bytes, AssetGraph.Gzipped.now(bytes), "W/\"" + sha256Hex(bytes) + "\"");
        }

        /** Whether an {@code If-None-Match} header names this page: the client's copy is this one. */
        boolean matches(String ifNoneMatch) {
            if (ifNoneMatch == null) return false;
            for (String tag : ifNoneMatch.split(",")) {
                String t = tag.trim();
                if (t.equals("*") || t.equals(etag) || ("W/" + t).equals(etag)) return true;
            }
            return false;
        }
    }

    private final long maxBytes;
    private final LinkedHashMap<String, Page> byKey = new LinkedHashMap<>(16, 0.75f, true);
    private long bytes;

    /** Keeps at most {@code maxBytes} of pages and their keys ({@link PageLimits#MAX_CACHED_PAGE_BYTES} in the app). */
    RecentPages(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** The page kept under {@code key}, or the one {@code render} renders, kept from now on if it fits the budget. */
    Page get(String key, Supplier<String> render) {
        Page kept = find(key);
        if (kept != null) return kept;
        Page made = Page.of(render.get());
        keep(key, made);
        return made;
    }

    /** How many bytes are kept now, keys included. */
    synchronized long bytes() {
        return bytes;
    }

    /** How many pages are kept now. */
    synchronized int size() {
        return byKey.size();
    }

    private synchronized Page find(String key) {
        return byKey.get(key);
    }

    private synchronized void keep(String key, Page page) {
        long size = cost(key, page);
        if (size > maxBytes || byKey.containsKey(key)) return;
        byKey.put(key, page);
        bytes += size;
        Iterator<Map.Entry<String, Page>> oldest = byKey.entrySet().iterator();
        while (bytes > maxBytes) {
            Map.Entry<String, Page> e = oldest.next();
            bytes -= cost(e.getKey(), e.getValue());
            oldest.remove();
        }
    }

    /** What a kept page costs: its bytes, gzipped ones too, and its key's (two bytes a char, at most). */
    static long cost(String key, Page page) {
        return page.html().length + page.gzipped().map(g -> g.length).orElse(0) + 2L * key.length();
    }

    private static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
