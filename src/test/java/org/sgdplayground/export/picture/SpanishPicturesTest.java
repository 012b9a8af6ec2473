package org.sgdplayground.export.picture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.sgdplayground.experiment.ExperimentCodec;
import org.sgdplayground.experiment.QueryStrings;
import org.sgdplayground.i18n.Messages;

/** The pictures in Spanish: the same plot, pixel for pixel, with its labels, legend and title in the other language. */
class SpanishPicturesTest {
    @Test
    void a_spanish_picture_differs_from_the_english_one_only_outside_the_plot() throws Exception {
        Recording run = Recording.of(ExperimentCodec.decode(QueryStrings.parse("preset=roller-coaster")));
        int last = run.frames().size() - 1;
        BufferedImage en = ImageIO.read(new ByteArrayInputStream(Pictures.png(run, Palette.DARK, last)));
        byte[] spanishPng = Pictures.png(run, Palette.DARK, last, Messages.of("es").orElseThrow());
        BufferedImage es = ImageIO.read(new ByteArrayInputStream(spanishPng));
        Viewport view = new PlotPainter(run, Palette.DARK, en.getWidth(), en.getHeight()).viewport();
        int inside = 0, outsideChanged = 0;
        for (int y = 0; y < en.getHeight(); y++) {
            for (int x = 0; x < en.getWidth(); x++) {
                boolean inPlot = x > view.left() + 2 && x < view.right() - 2 && y > view.top() + 2 && y < view.bottom() - 2;
                if (inPlot) {
                    inside++;
                    assertEquals(en.getRGB(x, y), es.getRGB(x, y), "the plot itself at " + x + "," + y);
                } else if (en.getRGB(x, y) != es.getRGB(x, y)) {
                    outsideChanged++;
                }
            }
        }
        assertTrue(inside > 100_000, "the plot is most of the picture: " + inside);
        assertTrue(outsideChanged > 500, "the words changed: " + outsideChanged + " pixels");
        Path shot = Path.of("target", "screenshots", "plot-es.png");
        Files.createDirectories(shot.getParent());
        Files.write(shot, spanishPng);
    }
}
