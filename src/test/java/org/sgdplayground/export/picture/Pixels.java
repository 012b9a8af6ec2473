package org.sgdplayground.export.picture;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Reading a picture back: where a colour sits in a column, and saving an image to look at. */
final class Pixels {
    private Pixels() {}

    static final Path SAVED = Path.of("target", "pictures");

    /** The mean row of the pixels in column {@code px}, within {@code [top, bottom]}, no farther than {@code tolerance} from {@code color}; NaN when none. */
    static double meanRowOf(BufferedImage image, int px, Color color, int top, int bottom, double tolerance) {
        double sum = 0;
        int count = 0;
        for (int row = Math.max(0, top); row <= Math.min(image.getHeight() - 1, bottom); row++) {
            if (distance(new Color(image.getRGB(px, row)), color) <= tolerance) {
                sum += row;
                count++;
            }
        }
        return count == 0 ? Double.NaN : sum / count;
    }

    /** Euclidean distance in RGB. */
    static double distance(Color a, Color b) {
        int dr = a.getRed() - b.getRed(), dg = a.getGreen() - b.getGreen(), db = a.getBlue() - b.getBlue();
        return Math.sqrt(dr * dr + dg * dg + db * db);
    }

    static BufferedImage read(byte[] bytes) {
        try {
            return ImageIO.read(new java.io.ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Saves bytes under target/pictures, to look at. */
    static void save(String name, byte[] bytes) {
        try {
            Files.createDirectories(SAVED);
            Files.write(SAVED.resolve(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
