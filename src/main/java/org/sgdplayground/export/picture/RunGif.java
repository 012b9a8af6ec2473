package org.sgdplayground.export.picture;

import org.sgdplayground.i18n.Messages;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import org.sgdplayground.experiment.Frame;

/**
 * The run as an animated GIF that loops: every k-th frame (at most {@link PictureLimits#MAX_GIF_FRAMES}, the last always),
 * each shown for k updates at the run's speed, the last held a while; a race's every lane in its colour, a lane that
 * ended early staying at its last curve. A frame stores only the rectangle that changed
 * since the one before, the unchanged pixels in it transparent, so a run of a hundred frames stays small.
 */
public final class RunGif {
    private RunGif() {}

    private static final String FORMAT = "javax_imageio_gif_image_1.0";

    /** The animation of {@code run} in {@code palette}'s colours, as GIF bytes. */
    public static byte[] of(Recording run, Palette palette) {
        return of(run, palette, Messages.english());
    }

    /** {@link #of(Recording, Palette)} with its words in {@code words}' language. */
    public static byte[] of(Recording run, Palette palette, Messages words) {
        int stride = PictureLimits.stride(run.frames().size(), PictureLimits.MAX_GIF_FRAMES);
        List<Frame> kept = run.sampled(stride);
        PlotPainter painter = new PlotPainter(run, palette, PictureLimits.GIF_WIDTH, PictureLimits.GIF_HEIGHT, words);
        GifPalette colors = new GifPalette(palette, run.fastbookLook(), run.lanes().size());
        IndexColorModel model = colors.model();
        ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 * 1024);
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.prepareWriteSequence(streamMetadata(writer, model));
            int delay = delay(stride, run.experiment().speed());
            byte[] previous = null;
            if (kept.isEmpty()) { // diverged at frame 0: one still of the points
                writer.writeToSequence(frame(writer, model, indexed(painter.paint(-1), colors), null, delay, true), null);
            }
            for (int i = 0; i < kept.size(); i++) {
                byte[] now = indexed(painter.paint(kept.get(i).iter()), colors);
                boolean last = i == kept.size() - 1;
                writer.writeToSequence(frame(writer, model, now, previous, last ? delay + PictureLimits.GIF_HOLD_CENTISECONDS : delay, i == 0), null);
                previous = now;
            }
            writer.endWriteSequence();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // writing to memory does not fail
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** Hundredths of a second a kept frame stays: {@code stride} updates at {@code speed} a second, within the limits. */
    static int delay(int stride, double speed) {
        long cs = Math.round(100 * stride / speed);
        return (int) Math.max(PictureLimits.MIN_GIF_DELAY_CENTISECONDS, Math.min(PictureLimits.MAX_GIF_DELAY_CENTISECONDS, cs));
    }

    /** The image's pixels as palette indices, row by row. */
    private static byte[] indexed(BufferedImage image, GifPalette colors) {
        int[] rgb = ((java.awt.image.DataBufferInt) image.getRaster().getDataBuffer()).getData(); // TYPE_INT_RGB: 0xRRGGBB
        byte[] out = new byte[rgb.length];
        for (int i = 0; i < rgb.length; i++) out[i] = colors.indexOf(rgb[i] & 0xffffff);
        return out;
    }

    /** One GIF frame: the rectangle where {@code now} differs from {@code previous} (the whole image first). */
    private static IIOImage frame(ImageWriter writer, IndexColorModel model, byte[] now, byte[] previous, int delay, boolean first)
            throws IIOInvalidTreeException {
        int w = PictureLimits.GIF_WIDTH, h = PictureLimits.GIF_HEIGHT;
        int left = 0, top = 0, right = w - 1, bottom = h - 1;
        if (previous != null) {
            left = w; top = h; right = -1; bottom = -1;
            for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) {
                if (now[y * w + x] == previous[y * w + x]) continue;
                left = Math.min(left, x); right = Math.max(right, x); top = Math.min(top, y); bottom = Math.max(bottom, y);
            }
            if (right < 0) { left = top = right = bottom = 0; } // nothing moved: one transparent pixel
        }
        int cw = right - left + 1, ch = bottom - top + 1;
        BufferedImage part = new BufferedImage(cw, ch, BufferedImage.TYPE_BYTE_INDEXED, model);
        byte[] target = ((DataBufferByte) part.getRaster().getDataBuffer()).getData();
        for (int y = 0; y < ch; y++) for (int x = 0; x < cw; x++) {
            int at = (top + y) * w + left + x;
            target[y * cw + x] = previous != null && now[at] == previous[at] ? GifPalette.TRANSPARENT : now[at];
        }
        IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(part), null);
        IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(FORMAT);
        IIOMetadataNode descriptor = child(root, "ImageDescriptor");
        descriptor.setAttribute("imageLeftPosition", Integer.toString(left));
        descriptor.setAttribute("imageTopPosition", Integer.toString(top));
        descriptor.setAttribute("imageWidth", Integer.toString(cw));
        descriptor.setAttribute("imageHeight", Integer.toString(ch));
        descriptor.setAttribute("interlaceFlag", "FALSE");
        IIOMetadataNode local = child(root, "LocalColorTable");
        root.removeChild(local); // every frame uses the global table
        IIOMetadataNode control = child(root, "GraphicControlExtension");
        control.setAttribute("disposalMethod", "doNotDispose");
        control.setAttribute("userInputFlag", "FALSE");
        control.setAttribute("transparentColorFlag", "TRUE");
        control.setAttribute("transparentColorIndex", Integer.toString(GifPalette.TRANSPARENT));
        control.setAttribute("delayTime", Integer.toString(delay));
        if (first) {
            IIOMetadataNode loop = new IIOMetadataNode("ApplicationExtension");
            loop.setAttribute("applicationID", "NETSCAPE");
            loop.setAttribute("authenticationCode", "2.0");
            loop.setUserObject(new byte[] {1, 0, 0}); // loop forever
            child(root, "ApplicationExtensions").appendChild(loop);
        }
        meta.setFromTree(FORMAT, root);
        return new IIOImage(part, null, meta);
    }

    /** The whole picture's size and the one palette every frame uses (the global colour table). */
    private static IIOMetadata streamMetadata(ImageWriter writer, IndexColorModel model) throws IIOInvalidTreeException {
        IIOMetadata meta = writer.getDefaultStreamMetadata(null);
        String format = meta.getNativeMetadataFormatName();
        IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(format);
        IIOMetadataNode screen = child(root, "LogicalScreenDescriptor");
        screen.setAttribute("logicalScreenWidth", Integer.toString(PictureLimits.GIF_WIDTH));
        screen.setAttribute("logicalScreenHeight", Integer.toString(PictureLimits.GIF_HEIGHT));
        screen.setAttribute("colorResolution", "8");
        screen.setAttribute("pixelAspectRatio", "0");
        IIOMetadataNode table = child(root, "GlobalColorTable");
        while (table.getFirstChild() != null) table.removeChild(table.getFirstChild());
        table.setAttribute("sizeOfGlobalColorTable", Integer.toString(model.getMapSize()));
        table.setAttribute("backgroundColorIndex", "1");
        table.setAttribute("sortFlag", "FALSE");
        for (int i = 0; i < model.getMapSize(); i++) {
            IIOMetadataNode entry = new IIOMetadataNode("ColorTableEntry");
            entry.setAttribute("index", Integer.toString(i));
            entry.setAttribute("red", Integer.toString(model.getRed(i)));
            entry.setAttribute("green", Integer.toString(model.getGreen(i)));
            entry.setAttribute("blue", Integer.toString(model.getBlue(i)));
            table.appendChild(entry);
        }
        meta.setFromTree(format, root);
        return meta;
    }

    private static IIOMetadataNode child(IIOMetadataNode root, String name) {
        for (int i = 0; i < root.getLength(); i++) {
            if (root.item(i).getNodeName().equalsIgnoreCase(name)) return (IIOMetadataNode) root.item(i);
        }
        IIOMetadataNode node = new IIOMetadataNode(name);
        root.appendChild(node);
        return node;
    }
}
