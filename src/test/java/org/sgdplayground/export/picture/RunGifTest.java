package org.sgdplayground.export.picture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.sgdplayground.experiment.Experiment;
import org.sgdplayground.experiment.ExperimentCodec;
import org.sgdplayground.experiment.Frame;
import org.sgdplayground.experiment.QueryStrings;
import org.sgdplayground.experiment.TrainingRun;

/** The animated GIF, read back frame by frame with ImageIO's own reader. */
class RunGifTest {
    private static final String FORMAT = "javax_imageio_gif_image_1.0";

    /** One decoded frame: the picture as a viewer shows it (each frame drawn over the last) and its delay. */
    record Shown(BufferedImage picture, int delay) {}

    /** Plays the GIF as a browser does: each frame's rectangle drawn over the picture so far, transparent pixels left alone. */
    static List<Shown> play(byte[] gif) throws IOException {
        List<Shown> shown = new ArrayList<>();
        ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(gif))) {
            reader.setInput(in);
            int count = reader.getNumImages(true);
            BufferedImage canvas = null;
            for (int i = 0; i < count; i++) {
                BufferedImage part = reader.read(i);
                IIOMetadataNode root = (IIOMetadataNode) reader.getImageMetadata(i).getAsTree(FORMAT);
                IIOMetadataNode where = (IIOMetadataNode) root.getElementsByTagName("ImageDescriptor").item(0);
                IIOMetadataNode control = (IIOMetadataNode) root.getElementsByTagName("GraphicControlExtension").item(0);
                if (canvas == null) canvas = new BufferedImage(PictureLimits.GIF_WIDTH, PictureLimits.GIF_HEIGHT, BufferedImage.TYPE_INT_RGB);
                var g = canvas.createGraphics();
                g.drawImage(part, Integer.parseInt(where.getAttribute("imageLeftPosition")), Integer.parseInt(where.getAttribute("imageTopPosition")), null);
                g.dispose();
                BufferedImage copy = new BufferedImage(canvas.getWidth(), canvas.getHeight(), BufferedImage.TYPE_INT_RGB);
                copy.getGraphics().drawImage(canvas, 0, 0, null);
                shown.add(new Shown(copy, Integer.parseInt(control.getAttribute("delayTime"))));
            }
        } finally {
            reader.dispose();
        }
        return shown;
    }

    private static Experiment experiment(String query) {
        return ExperimentCodec.decode(QueryStrings.parse(query));
    }

    @Test
    void the_lesson_2_gif_shows_every_frame_at_the_runs_speed_in_under_2_MB() throws IOException {
        Experiment e = experiment("preset=fastai-sgd");
        List<Frame> frames = new TrainingRun(e).all();
        byte[] gif = RunGif.of(Recording.of(e), Palette.DARK);
        Pixels.save("fastai-sgd.gif", gif);
        assertTrue(gif.length < 2 * 1024 * 1024, gif.length + " bytes");
        List<Shown> shown = play(gif);
        assertEquals(frames.size(), shown.size());
        assertEquals(PictureLimits.GIF_WIDTH, shown.get(0).picture().getWidth());
        assertEquals(PictureLimits.GIF_HEIGHT, shown.get(0).picture().getHeight());
        assertEquals((int) Math.round(100 / e.speed()), shown.get(1).delay()); // one update at 50 a second: 2 cs
        assertEquals(shown.get(1).delay() + PictureLimits.GIF_HOLD_CENTISECONDS, shown.get(shown.size() - 1).delay());
    }

    @Test
    void the_gif_loops_forever() throws IOException {
        byte[] gif = RunGif.of(Recording.of(experiment("preset=roller-coaster")), Palette.DARK);
        ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(gif))) {
            reader.setInput(in);
            IIOMetadataNode root = (IIOMetadataNode) reader.getImageMetadata(0).getAsTree(FORMAT);
            IIOMetadataNode extension = (IIOMetadataNode) root.getElementsByTagName("ApplicationExtension").item(0);
            assertEquals("NETSCAPE", extension.getAttribute("applicationID"));
            assertEquals("2.0", extension.getAttribute("authenticationCode"));
            byte[] loop = (byte[]) extension.getUserObject();
            assertEquals(1, loop[0]); // the loop sub-block
            assertEquals(0, loop[1] | loop[2] << 8); // 0 times: forever
        } finally {
            reader.dispose();
        }
    }

    @Test
    void each_frame_shows_the_curve_of_its_own_iteration() throws IOException {
        Experiment e = experiment("preset=fastai-sgd-es");
        List<Frame> frames = new TrainingRun(e).all();
        Recording run = Recording.of(e);
        byte[] gif = RunGif.of(run, Palette.LIGHT);
        Pixels.save("fastai-sgd-es-light.gif", gif);
        List<Shown> shown = play(gif);
        Viewport view = new PlotPainter(run, Palette.LIGHT, PictureLimits.GIF_WIDTH, PictureLimits.GIF_HEIGHT).viewport();
        for (int iter : new int[] {0, 3, 40, frames.size() - 1}) {
            BufferedImage picture = shown.get(iter).picture();
            ImageIO.write(picture, "png", Pixels.SAVED.resolve("fastai-sgd-es-gif-frame-" + iter + ".png").toFile());
            int px = (int) (view.left() + (view.right() - view.left()) * 0.8);
            double expectedRow = view.py(e.model().valueAt(view.xAt(px + 0.5), frames.get(iter).params())) - 0.5;
            double row = Pixels.meanRowOf(picture, px, Palette.LIGHT.lessonCurve(), (int) expectedRow - 30, (int) expectedRow + 30, 40);
            assertEquals(expectedRow, row, 1.5, "frame " + iter);
        }
    }

    @Test
    void a_race_animates_every_lanes_curve_at_each_frame_in_the_pages_lane_colours() throws IOException {
        String race = "preset=fastai-sgd&steps=30&race=sgd,adam(lr=0.5)";
        Recording run = Recording.of(experiment(race));
        byte[] gif = RunGif.of(run, Palette.DARK);
        Pixels.save("race-dark.gif", gif);
        List<Shown> shown = play(gif);
        assertEquals(31, shown.size(), "frames 0 to 30");
        List<String> alone = List.of("preset=fastai-sgd&steps=30", "preset=fastai-sgd&steps=30&optimizer=adam&lr=0.5");
        List<List<Frame>> lanes = alone.stream().map(q -> new TrainingRun(experiment(q)).all()).toList();
        Experiment e = experiment(alone.get(0));
        Viewport view = new PlotPainter(run, Palette.DARK, PictureLimits.GIF_WIDTH, PictureLimits.GIF_HEIGHT).viewport();
        int checked = 0;
        for (int iter : new int[] {2, 10, 30}) {
            BufferedImage picture = shown.get(iter).picture();
            for (int k = 1; k <= 9; k++) {
                int px = (int) (view.left() + (view.right() - view.left()) * k / 10);
                double[] rows = lanes.stream().mapToDouble(f -> view.py(e.model().valueAt(view.xAt(px + 0.5), f.get(iter).params())) - 0.5).toArray();
                if (Math.abs(rows[0] - rows[1]) < 16) continue; // where the curves cross, the later one covers the other
                if (Math.min(rows[0], rows[1]) < view.top() + 4 || Math.max(rows[0], rows[1]) > view.bottom() - 4) continue; // clipped
                for (int lane = 0; lane < 2; lane++) {
                    double row = Pixels.meanRowOf(picture, px, Palette.LANE_COLOURS.get(lane), (int) rows[lane] - 12, (int) rows[lane] + 12, 40);
                    assertEquals(rows[lane], row, 1.5, "frame " + iter + ", lane " + lane + ", column " + px);
                    checked++;
                }
            }
        }
        assertTrue(checked >= 20, "most columns hold both curves apart: " + checked);
    }

    @Test
    void a_long_run_keeps_at_most_the_frame_limit_and_always_its_last() throws IOException {
        Experiment e = experiment("preset=ill-conditioned");
        Recording run = Recording.of(e);
        int stride = (int) Math.ceil((e.steps()) / (double) (PictureLimits.MAX_GIF_FRAMES - 1));
        List<Shown> shown = play(RunGif.of(run, Palette.DARK));
        int expected = e.steps() / stride + 1 + (e.steps() % stride == 0 ? 0 : 1);
        assertEquals(expected, shown.size());
        assertTrue(shown.size() <= PictureLimits.MAX_GIF_FRAMES);
    }

    @Test
    void frame_delays_stay_within_what_browsers_honour() {
        assertEquals(PictureLimits.MIN_GIF_DELAY_CENTISECONDS, RunGif.delay(1, 1000));
        assertEquals(50, RunGif.delay(1, 2));
        assertEquals(PictureLimits.MAX_GIF_DELAY_CENTISECONDS, RunGif.delay(100, 0.1));
    }
}
