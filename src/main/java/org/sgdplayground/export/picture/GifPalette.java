package org.sgdplayground.export.picture;

import java.awt.Color;
import java.awt.image.IndexColorModel;
import java.util.ArrayList;
import java.util.List;

/**
 * The GIF's at most 256 colours: index 0 is transparent (a pixel the frame before already shows), then the background
 * and, for each colour the plot draws, a ramp of shades from the background to it, so antialiased edges keep their
 * smoothness. Each drawn pixel takes its nearest colour, remembered per 15-bit shade so a frame costs one lookup a pixel.
 */
final class GifPalette {
    static final int TRANSPARENT = 0;
    private static final int SHADES = 14;

    private final int[] rgb;
    private final byte[] nearestByShade = new byte[1 << 15];
    private final boolean[] known = new boolean[1 << 15];

    /** The palette of a run, or of a race of {@code lanes} lanes: each lane's colour ramps beside the plot's (six fit in 256). */
    GifPalette(Palette p, boolean fastbook, int lanes) {
        List<Integer> colors = new ArrayList<>();
        colors.add(0); // transparent
        Color bg = p.background();
        colors.add(bg.getRGB() & 0xffffff);
        List<Color> drawn = new ArrayList<>(List.of(p.text(), p.muted(), p.grid(), p.axis(), p.points(fastbook), p.curve(fastbook),
            p.trail(fastbook), p.reference(), p.fastbookPredictions()));
        for (int k = 0; k < Math.min(lanes, Palette.LANE_COLOURS.size()); k++) drawn.add(Palette.LANE_COLOURS.get(k));
        for (Color c : drawn) {
            Color solid = over(c, bg);
            for (int k = 1; k <= SHADES; k++) colors.add(mix(solid, bg, k / (double) SHADES));
        }
        Color curve = over(p.curve(fastbook), bg), points = p.points(fastbook);
        for (int k = 1; k < SHADES; k++) colors.add(mix(curve, points, k / (double) SHADES)); // the curve's edge over a point
        rgb = colors.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The palette as a colour model of 256 entries (the unused ones black), as the GIF's global table is. */
    IndexColorModel model() {
        byte[] r = new byte[256], g = new byte[256], b = new byte[256];
        for (int i = 0; i < rgb.length; i++) {
            r[i] = (byte) (rgb[i] >> 16);
            g[i] = (byte) (rgb[i] >> 8);
            b[i] = (byte) rgb[i];
        }
        return new IndexColorModel(8, 256, r, g, b, TRANSPARENT);
    }

    /** The palette index nearest to {@code color} (0xRRGGBB), never the transparent one. */
    byte indexOf(int color) {
        int shade = ((color >> 9) & 0x7c00) | ((color >> 6) & 0x3e0) | ((color >> 3) & 0x1f);
        if (!known[shade]) {
            nearestByShade[shade] = (byte) nearest(color);
            known[shade] = true;
        }
        return nearestByShade[shade];
    }

    private int nearest(int color) {
        int best = 1;
        long bestDistance = Long.MAX_VALUE;
        for (int i = 1; i < rgb.length; i++) {
            int dr = ((rgb[i] >> 16) & 0xff) - ((color >> 16) & 0xff), dg = ((rgb[i] >> 8) & 0xff) - ((color >> 8) & 0xff),
                db = (rgb[i] & 0xff) - (color & 0xff);
            long d = 2L * dr * dr + 4L * dg * dg + 3L * db * db; // weighted as the eye weighs them
            if (d < bestDistance) {
                bestDistance = d;
                best = i;
            }
        }
        return best;
    }

    /** {@code c} drawn over {@code under}: a translucent colour as it shows. */
    private static Color over(Color c, Color under) {
        double a = c.getAlpha() / 255.0;
        return new Color((int) Math.round(c.getRed() * a + under.getRed() * (1 - a)),
            (int) Math.round(c.getGreen() * a + under.getGreen() * (1 - a)), (int) Math.round(c.getBlue() * a + under.getBlue() * (1 - a)));
    }

    /** {@code t} of the way from {@code b} to {@code a}, as 0xRRGGBB. */
    private static int mix(Color a, Color b, double t) {
        int r = (int) Math.round(a.getRed() * t + b.getRed() * (1 - t)), g = (int) Math.round(a.getGreen() * t + b.getGreen() * (1 - t)),
            bl = (int) Math.round(a.getBlue() * t + b.getBlue() * (1 - t));
        return (r << 16) | (g << 8) | bl;
    }
}
