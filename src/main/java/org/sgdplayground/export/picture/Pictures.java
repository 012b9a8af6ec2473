package org.sgdplayground.export.picture;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;
import org.sgdplayground.i18n.Messages;

/** The still picture of a run: the plot at one frame as a PNG of {@link PictureLimits#PNG_WIDTH}×{@link PictureLimits#PNG_HEIGHT}. */
public final class Pictures {
    private Pictures() {}

    /** The plot of {@code run} at frame {@code index} (−1: none, for a run that diverged at once), as PNG bytes. */
    public static byte[] png(Recording run, Palette palette, int index) {
        return png(run, palette, index, Messages.english());
    }

    /** {@link #png(Recording, Palette, int)} with its words in {@code words}' language. */
    public static byte[] png(Recording run, Palette palette, int index, Messages words) {
        BufferedImage image = new PlotPainter(run, palette, PictureLimits.PNG_WIDTH, PictureLimits.PNG_HEIGHT, words).paint(index);
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
        return out.toByteArray();
    }
}
