package org.sgdplayground.export.picture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sgdplayground.data.Dataset;
import org.sgdplayground.experiment.Experiment;
import org.sgdplayground.experiment.ExperimentCodec;
import org.sgdplayground.experiment.Frame;
import org.sgdplayground.experiment.QueryStrings;
import org.sgdplayground.experiment.TrainingRun;

/** The still plot: its size, and the curve drawn where the frame's parameters put it. */
class PicturesTest {
    private static Experiment experiment(String query) {
        return ExperimentCodec.decode(QueryStrings.parse(query));
    }

    /**
     * Asserts that in nine columns across the plot the curve's colour is centred on the row where {@code y = f(x)} of
     * {@code params} lands, x being the column's centre: the picture shows that frame's curve and no other.
     */
    private static void assertCurveAt(BufferedImage image, Viewport view, Experiment e, double[] params, Color curve) {
        for (int k = 1; k <= 9; k++) {
            int px = (int) (view.left() + (view.right() - view.left()) * k / 10);
            double expectedRow = view.py(e.model().valueAt(view.xAt(px + 0.5), params)) - 0.5;
            if (expectedRow < view.top() + 6 || expectedRow > view.bottom() - 6) continue; // off the plot: clipped
            double row = Pixels.meanRowOf(image, px, curve, (int) expectedRow - 40, (int) expectedRow + 40, 40);
            assertEquals(expectedRow, row, 1.5, "the curve's row in column " + px);
        }
    }

    @Test
    void the_png_is_1200_by_630() {
        Recording run = Recording.of(experiment("preset=fastai-sgd"));
        BufferedImage image = Pixels.read(Pictures.png(run, Palette.DARK, run.frameIndex(null)));
        assertEquals(1200, image.getWidth());
        assertEquals(630, image.getHeight());
    }

    @Test
    void the_last_frame_is_drawn_by_default_with_its_own_parameters() {
        Experiment e = experiment("preset=fastai-sgd");
        List<Frame> frames = new TrainingRun(e).all();
        Recording run = Recording.of(e);
        byte[] png = Pictures.png(run, Palette.DARK, run.frameIndex(null));
        Pixels.save("fastai-sgd-dark.png", png);
        Viewport view = new PlotPainter(run, Palette.DARK, 1200, 630).viewport();
        assertCurveAt(Pixels.read(png), view, e, frames.get(frames.size() - 1).params(), Palette.DARK.lessonCurve());
    }

    @Test
    void iter_picks_the_frame_whose_curve_is_drawn() {
        Experiment e = experiment("preset=fastai-sgd-es");
        List<Frame> frames = new TrainingRun(e).all();
        Recording run = Recording.of(e);
        byte[] png = Pictures.png(run, Palette.LIGHT, run.frameIndex("7"));
        Pixels.save("fastai-sgd-es-7-light.png", png);
        Viewport view = new PlotPainter(run, Palette.LIGHT, 1200, 630).viewport();
        assertCurveAt(Pixels.read(png), view, e, frames.get(7).params(), Palette.LIGHT.lessonCurve());
    }

    @Test
    void a_race_draws_every_lane_s_curve_at_the_frame_in_the_page_s_lane_colours() {
        String race = "preset=fastai-sgd&steps=30&race=sgd,adam(lr=0.5)";
        Recording run = Recording.of(experiment(race));
        byte[] png = Pictures.png(run, Palette.DARK, run.frameIndex("4"));
        Pixels.save("race-dark.png", png);
        Viewport view = new PlotPainter(run, Palette.DARK, 1200, 630).viewport();
        BufferedImage image = Pixels.read(png);
        List<String> alone = List.of("preset=fastai-sgd&steps=30", "preset=fastai-sgd&steps=30&optimizer=adam&lr=0.5");
        List<double[]> params = alone.stream().map(q -> new TrainingRun(experiment(q)).all().get(4).params()).toList();
        Experiment e = experiment(alone.get(0));
        int checked = 0;
        for (int k = 1; k <= 9; k++) {
            int px = (int) (view.left() + (view.right() - view.left()) * k / 10);
            double[] rows = params.stream().mapToDouble(p -> view.py(e.model().valueAt(view.xAt(px + 0.5), p)) - 0.5).toArray();
            if (Math.abs(rows[0] - rows[1]) < 20) continue; // where the curves cross, the later one covers the other
            for (int lane = 0; lane < 2; lane++) {
                double row = Pixels.meanRowOf(image, px, Palette.LANE_COLOURS.get(lane), (int) rows[lane] - 15, (int) rows[lane] + 15, 40);
                assertEquals(rows[lane], row, 1.5, "lane " + lane + "'s curve in column " + px);
                checked++;
            }
        }
        assertTrue(checked >= 12, "most columns hold both curves apart: " + checked);
        assertEquals(List.of("sgd", "adam(lr=0.5)"), run.lanes().stream().map(Recording.Lane::label).toList());
    }

    @Test
    void a_standardised_run_draws_its_curve_in_the_points_own_units() {
        Experiment e = experiment("preset=standardised");
        Recording run = Recording.of(e);
        double[] scaled = run.frames().get(0).params(); // frame 0: no earlier curves trail beside it
        // x' = (x − m)/s: the curve Σ p_j·x'^(k−j) evaluated at x' gives the original-units curve at x
        var scaling = org.sgdplayground.analysis.Standardisation.of(e.dataset());
        byte[] png = Pictures.png(run, Palette.DARK, run.frameIndex("0"));
        Pixels.save("standardised-0-dark.png", png);
        BufferedImage image = Pixels.read(png);
        Viewport view = new PlotPainter(run, Palette.DARK, 1200, 630).viewport();
        int px = (int) ((view.left() + view.right()) / 2);
        double x = view.xAt(px + 0.5), xs = scaling.apply(x);
        double expectedRow = view.py(scaled[0] * xs * xs + scaled[1] * xs + scaled[2]) - 0.5;
        // fastbook's look: its curve is a translucent red over black
        Color curve = blend(Palette.DARK.fastbookCurve(), Palette.DARK.background());
        assertEquals(expectedRow, Pixels.meanRowOf(image, px, curve, (int) expectedRow - 40, (int) expectedRow + 40, 30), 1.5);
    }

    @Test
    void the_axes_hold_every_point_with_the_pages_margins() {
        Experiment e = experiment("preset=fastai-sgd");
        Dataset points = e.dataset();
        double lo = Double.MAX_VALUE, hi = -Double.MAX_VALUE;
        for (double x : points.xs()) { lo = Math.min(lo, x); hi = Math.max(hi, x); }
        Viewport view = new PlotPainter(Recording.of(e), Palette.DARK, 1200, 630).viewport();
        assertEquals(lo - 0.04 * (hi - lo), view.x0(), 1e-12);
        assertEquals(hi + 0.04 * (hi - lo), view.x1(), 1e-12);
        for (int i = 0; i < points.size(); i++) {
            double py = view.py(points.y(i));
            assertTrue(py > view.top() && py < view.bottom(), "point " + i + " is inside the plot");
        }
    }

    @Test
    void each_point_is_a_dot_of_the_points_colour_where_its_coordinates_say() {
        Experiment e = experiment("preset=fastai-sgd");
        Recording run = Recording.of(e);
        BufferedImage image = Pixels.read(Pictures.png(run, Palette.DARK, run.frameIndex("0"))); // frame 0: no earlier curves
        Viewport view = new PlotPainter(run, Palette.DARK, 1200, 630).viewport();
        Dataset points = e.dataset();
        double[] first = run.frames().get(0).params();
        int beside = 0, found = 0;
        for (int i = 0; i < points.size(); i++) {
            double px = view.px(points.x(i)), py = view.py(points.y(i));
            double curveRow = view.py(e.model().valueAt(points.x(i), first));
            if (Math.abs(curveRow - py) < 12) continue; // under the curve: the curve is drawn over it
            beside++;
            Color at = new Color(image.getRGB((int) px, (int) py));
            if (Pixels.distance(at, Palette.DARK.lessonPoints()) < 40) found++;
        }
        assertTrue(beside > points.size() / 2);
        assertEquals(beside, found, "points beside the curve found where their coordinates put them");
    }

    @Test
    void a_run_that_diverges_at_once_still_draws_its_points() {
        Experiment e = experiment("preset=fastai-sgd&init=1e9,1e9&lr=1000");
        Recording run = Recording.of(e);
        int index = run.frameIndex(null);
        BufferedImage image = Pixels.read(Pictures.png(run, Palette.DARK, index));
        assertEquals(630, image.getHeight());
        assertFalse(run.frames().isEmpty() && index < 0);
    }

    private static Color blend(Color over, Color under) {
        double a = over.getAlpha() / 255.0;
        return new Color((int) Math.round(over.getRed() * a + under.getRed() * (1 - a)),
            (int) Math.round(over.getGreen() * a + under.getGreen() * (1 - a)),
            (int) Math.round(over.getBlue() * a + under.getBlue() * (1 - a)));
    }
}
