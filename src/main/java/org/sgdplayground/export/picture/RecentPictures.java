package org.sgdplayground.export.picture;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The exports made lately, by what they show, the least recently asked for dropped first once they pass a byte budget.
 * One per app. Two requests for the same new picture at once may both make it; both get the same bytes.
 */
public final class RecentPictures {
    private final long maxBytes;
    private final LinkedHashMap<String, byte[]> byKey = new LinkedHashMap<>(16, 0.75f, true);
    private long bytes;

    /** Keeps at most {@code maxBytes} of pictures ({@link PictureLimits#MAX_CACHED_PICTURE_BYTES} in the app). */
    public RecentPictures(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** The picture kept under {@code key}, or the one {@code make} makes, kept from now on if it fits the budget. */
    public byte[] get(String key, Supplier<byte[]> make) {
        byte[] kept = find(key);
        if (kept != null) return kept;
        byte[] made = make.get();
        keep(key, made);
        return made;
    }

    /** How many bytes are kept now. */
    public synchronized long bytes() {
        return bytes;
    }

    private synchronized byte[] find(String key) {
        return byKey.get(key);
    }

    private synchronized void keep(String key, byte[] picture) {
        if (picture.length > maxBytes || byKey.containsKey(key)) return;
        byKey.put(key, picture);
        bytes += picture.length;
        Iterator<Map.Entry<String, byte[]>> oldest = byKey.entrySet().iterator();
        while (bytes > maxBytes) {
            bytes -= oldest.next().getValue().length;
            oldest.remove();
        }
    }
}
