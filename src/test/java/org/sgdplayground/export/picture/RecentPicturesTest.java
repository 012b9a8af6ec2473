package org.sgdplayground.export.picture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Recent pictures are answered again without being made again, within {@link PictureLimits#MAX_CACHED_PICTURE_BYTES}. */
class RecentPicturesTest {
    private final AtomicInteger made = new AtomicInteger();

    private byte[] make(int size) {
        made.incrementAndGet();
        return new byte[size];
    }

    @Test
    void a_picture_asked_for_again_is_not_made_again() {
        RecentPictures recent = new RecentPictures(PictureLimits.MAX_CACHED_PICTURE_BYTES);
        byte[] first = recent.get("png dark  preset=fastai-sgd", () -> make(100));
        assertSame(first, recent.get("png dark  preset=fastai-sgd", () -> make(100)));
        assertEquals(1, made.get());
        recent.get("png light  preset=fastai-sgd", () -> make(100));
        assertEquals(2, made.get());
    }

    @Test
    void past_the_budget_the_least_recently_asked_for_goes_first() {
        RecentPictures recent = new RecentPictures(300);
        recent.get("a", () -> make(100));
        recent.get("b", () -> make(100));
        recent.get("c", () -> make(100));
        recent.get("a", () -> make(100)); // a is now the most recent
        recent.get("d", () -> make(100)); // 400 bytes: b goes
        assertEquals(300, recent.bytes());
        assertEquals(4, made.get());
        recent.get("a", () -> make(100));
        recent.get("c", () -> make(100));
        assertEquals(4, made.get());
        recent.get("b", () -> make(100));
        assertEquals(5, made.get());
    }

    @Test
    void a_picture_larger_than_the_whole_budget_is_answered_but_not_kept() {
        RecentPictures recent = new RecentPictures(PictureLimits.MAX_CACHED_PICTURE_BYTES);
        int size = (int) PictureLimits.MAX_CACHED_PICTURE_BYTES + 1;
        assertArrayEquals(new byte[size], recent.get("big", () -> make(size)));
        assertEquals(0, recent.bytes());
    }
}
