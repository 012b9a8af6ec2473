package org.sgdplayground.export.picture;

import java.awt.Color;
import java.util.List;
import org.sgdplayground.experiment.InvalidParameterException;

/**
 * The plot's colours in the page's two themes, the same values as {@code web/style.css}'s {@code --plot-*},
 * {@code --lesson-*}, {@code --fastbook-*} and {@code --reference} custom properties.
 */
public record Palette(String name, Color background, Color text, Color muted, Color grid, Color axis,
                      Color lessonPoints, Color lessonCurve, Color fastbookPoints, Color fastbookCurve,
                      Color fastbookPredictions, Color reference) {

    /** The notebooks' {@code dark_background}, the page's default. */
    /** The lanes' colours, as {@code web/race.js} has them (LANE_COLOURS): told apart on either theme. */
    public static final List<Color> LANE_COLOURS = List.of(rgb(0x3fa7ff), rgb(0xff4d6d), rgb(0x3ddc84), rgb(0xc77dff),
        rgb(0xffd23f), rgb(0xff8c1a));

    public static final Palette DARK = new Palette("dark", rgb(0x000000), rgb(0xf2f2f2), rgb(0xb9bcc4),
        new Color(255, 255, 255, alpha(0.09)), new Color(255, 255, 255, alpha(0.55)),
        rgb(0xffa500), rgb(0x8dd3c7), rgb(0x5aa9e6), new Color(255, 90, 90, alpha(0.45)), rgb(0xff4d4d),
        new Color(255, 255, 255, alpha(0.38)));

    /** The page's light theme. */
    public static final Palette LIGHT = new Palette("light", rgb(0xffffff), rgb(0x1b1d22), rgb(0x555b66),
        new Color(0, 0, 0, alpha(0.08)), new Color(0, 0, 0, alpha(0.5)),
        rgb(0xff8c00), rgb(0x1f77b4), rgb(0x1f77b4), new Color(214, 39, 40, alpha(0.4)), rgb(0xd62728),
        new Color(0, 0, 0, alpha(0.35)));

    /** The URL parameter that picks the theme. */
    public static final String PARAMETER = "theme";

    /** The palette {@code theme=} names: {@code dark} (also when absent or empty) or {@code light}. */
    public static Palette byName(String theme) {
        if (theme == null || theme.isBlank() || theme.equals("dark")) return DARK;
        if (theme.equals("light")) return LIGHT;
        throw new InvalidParameterException(PARAMETER, theme, "dark or light");
    }

    /** The points' colour for a run of this look. */
    public Color points(boolean fastbook) {
        return fastbook ? fastbookPoints : lessonPoints;
    }

    /** The fitted curve's colour for a run of this look. */
    public Color curve(boolean fastbook) {
        return fastbook ? fastbookCurve : lessonCurve;
    }

    /** The faint earlier curves' colour (scene.js: the predictions' red in fastbook's look, else the curve's). */
    public Color trail(boolean fastbook) {
        return fastbook ? fastbookPredictions : lessonCurve;
    }

    private static Color rgb(int rgb) {
        return new Color(rgb);
    }

    private static int alpha(double a) {
        return (int) Math.round(a * 255);
    }
}
