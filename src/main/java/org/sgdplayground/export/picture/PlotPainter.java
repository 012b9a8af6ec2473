package org.sgdplayground.export.picture;

import org.sgdplayground.i18n.Messages;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.sgdplayground.data.Dataset;
import org.sgdplayground.experiment.Frame;
import org.sgdplayground.experiment.Outcome;
import org.sgdplayground.model.Model;
import org.sgdplayground.page.ShownNumbers;

/**
 * Draws a run's plot at one frame with Java2D, as the page's canvas draws it ({@code web/plot.js}, {@code scene.js}):
 * the points, the least-squares curve dashed, the last few earlier curves faint, the current curve, a legend, and a
 * title line with the model, the learning rate, the iteration and the loss. Laid out for 1200×630 and scaled to any
 * size of that shape. What does not move (axes, legend, points, best fit) is drawn once and copied for each frame.
 */
public final class PlotPainter {
    private static final double DESIGN_HEIGHT = 630;
    private static final int CURVE_SAMPLES = 240;
    /** Earlier curves kept on screen, as scene.js keeps them. */
    private static final int TRAIL = 11;

    private final Recording run;
    private final Palette palette;
    private final int width, height;
    private final double s;
    private final Viewport view;
    private final boolean fastbook;
    private final Messages words;
    private BufferedImage still;

    public PlotPainter(Recording run, Palette palette, int width, int height) {
        this(run, palette, width, height, Messages.english());
    }

    /** A painter whose labels, legend and title are in {@code words}' language (numbers as the page writes them). */
    public PlotPainter(Recording run, Palette palette, int width, int height, Messages words) {
        this.words = words;
        this.run = run;
        this.palette = palette;
        this.width = width;
        this.height = height;
        this.s = height / DESIGN_HEIGHT;
        this.fastbook = run.fastbookLook();
        Frame first = run.frames().isEmpty() ? null : run.frames().get(0);
        this.view = Viewport.forRun(96 * s, 112 * s, width - 40 * s, height - 70 * s, run.points(), run.experiment().model(),
            first == null ? null : run.inPointUnits(first.params()));
    }

    /** Where data lands on the image, in its pixels. */
    public Viewport viewport() {
        return view;
    }

    /** The image at frame {@code index} of the recording's frames (its iteration when nothing was left out). */
    public BufferedImage paint(int index) {
        if (still == null) still = still();
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = smooth(image.createGraphics());
        g.drawImage(still, 0, 0, null);
        Frame frame = index < 0 ? null : run.frames().get(index);
        Shape box = new java.awt.geom.Rectangle2D.Double(view.left(), view.top(), view.right() - view.left(), view.bottom() - view.top());
        g.setClip(box);
        List<Frame> trail = run.lanes().isEmpty() ? trail(index) : List.of();
        for (int i = 0; i < trail.size(); i++) {
            g.setColor(withAlpha(palette.trail(fastbook), 0.12 + 0.28 * (i + 1) / trail.size()));
            g.setStroke(new BasicStroke((float) (2 * s), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(curve(trail.get(i).params()));
        }
        for (int k = 0; k < run.lanes().size(); k++) {
            List<Frame> lane = run.lanes().get(k).frames();
            if (lane.isEmpty() || index < 0) continue;
            g.setColor(Palette.LANE_COLOURS.get(k % Palette.LANE_COLOURS.size()));
            g.setStroke(new BasicStroke((float) (4 * s), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(curve(lane.get(Math.min(index, lane.size() - 1)).params()));
        }
        if (frame != null && run.lanes().isEmpty()) {
            double[] p = run.inPointUnits(frame.params());
            g.setColor(palette.curve(fastbook));
            g.setStroke(new BasicStroke((float) (4 * s), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(curve(frame.params()));
            if (fastbook) {
                Dataset pts = run.points();
                g.setColor(palette.fastbookPredictions());
                for (int i = 0; i < pts.size(); i++) dot(g, pts.x(i), run.experiment().model().valueAt(pts.x(i), p), 5.5 * s);
            }
        }
        g.setClip(null);
        title(g, frame);
        g.dispose();
        return image;
    }

    /** The frames whose curves trail behind frame {@code index}: kept as run.js keeps them, the last {@link #TRAIL}. */
    private List<Frame> trail(int index) {
        int steps = run.experiment().steps();
        int every = Math.max(1, (int) Math.round(steps / 10.0));
        List<Frame> kept = run.frames().subList(0, Math.max(0, index)).stream()
            .filter(f -> steps <= 20 || f.iter() % every == 0).toList();
        return kept.subList(Math.max(0, kept.size() - TRAIL), kept.size());
    }

    private BufferedImage still() {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = smooth(image.createGraphics());
        g.setColor(palette.background());
        g.fillRect(0, 0, width, height);
        axes(g);
        legend(g);
        g.setClip(new java.awt.geom.Rectangle2D.Double(view.left(), view.top(), view.right() - view.left(), view.bottom() - view.top()));
        g.setColor(palette.reference());
        g.setStroke(new BasicStroke((float) (2.5 * s), BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10,
            new float[] {(float) (10 * s), (float) (8 * s)}, 0));
        g.draw(curve(run.optimum()));
        g.setColor(palette.points(fastbook));
        Dataset pts = run.points();
        for (int i = 0; i < pts.size(); i++) dot(g, pts.x(i), pts.y(i), 5 * s);
        g.dispose();
        return image;
    }

    private void axes(Graphics2D g) {
        g.setFont(font(Font.PLAIN, 17));
        g.setStroke(new BasicStroke((float) Math.max(1, s)));
        var metrics = g.getFontMetrics();
        for (double t : Viewport.niceTicks(view.x0(), view.x1(), (int) Math.max(3, (view.right() - view.left()) / (110 * s)))) {
            double px = view.px(t);
            if (px < view.left() - 1 || px > view.right() + 1) continue;
            g.setColor(palette.grid());
            g.draw(new Line2D.Double(px, view.top(), px, view.bottom()));
            String label = ShownNumbers.format(t);
            g.setColor(palette.muted());
            g.drawString(label, (float) (px - metrics.stringWidth(label) / 2.0), (float) (view.bottom() + 8 * s + metrics.getAscent()));
        }
        for (double t : Viewport.niceTicks(view.y0(), view.y1(), (int) Math.max(3, (view.bottom() - view.top()) / (70 * s)))) {
            double py = view.py(t);
            if (py < view.top() - 1 || py > view.bottom() + 1) continue;
            g.setColor(palette.grid());
            g.draw(new Line2D.Double(view.left(), py, view.right(), py));
            String label = ShownNumbers.format(t);
            g.setColor(palette.muted());
            g.drawString(label, (float) (view.left() - 10 * s - metrics.stringWidth(label)), (float) (py + metrics.getAscent() / 2.0 - 2 * s));
        }
        g.setColor(palette.axis());
        g.draw(new java.awt.geom.Rectangle2D.Double(view.left(), view.top(), view.right() - view.left(), view.bottom() - view.top()));
        g.setColor(palette.text());
        g.setFont(font(Font.PLAIN, 18));
        String xLabel = fastbook ? words.text("picture.time") : "x", yLabel = fastbook ? words.text("picture.speed") : "y";
        g.drawString(xLabel, (float) (view.right() - g.getFontMetrics().stringWidth(xLabel)), (float) (view.bottom() + 52 * s));
        AffineTransform before = g.getTransform();
        g.rotate(-Math.PI / 2, 26 * s, view.top());
        g.drawString(yLabel, (float) (26 * s - g.getFontMetrics().stringWidth(yLabel)), (float) (view.top() + 6 * s));
        g.setTransform(before);
    }

    private void legend(Graphics2D g) {
        g.setFont(font(Font.PLAIN, 17));
        double x = 40 * s, cy = 86 * s;
        x = legendItem(g, x, cy, "dot", palette.points(fastbook), words.text(fastbook ? "picture.measured" : "picture.data"));
        if (!run.lanes().isEmpty()) {
            for (int k = 0; k < run.lanes().size(); k++) {
                x = legendItem(g, x, cy, "line", Palette.LANE_COLOURS.get(k % Palette.LANE_COLOURS.size()), run.lanes().get(k).label());
            }
            legendItem(g, x, cy, "dashed", palette.reference(), words.text("picture.leastSquares"));
            return;
        }
        x = fastbook ? legendItem(g, x, cy, "dot", palette.fastbookPredictions(), words.text("picture.predictions"))
            : legendItem(g, x, cy, "line", palette.curve(false), words.text("picture.model", "formula", run.experiment().model().formula()));
        x = legendItem(g, x, cy, "faint", palette.trail(fastbook), words.text("picture.earlier"));
        legendItem(g, x, cy, "dashed", palette.reference(), words.text("picture.bestFit"));
    }

    private double legendItem(Graphics2D g, double x, double cy, String kind, Color color, String label) {
        g.setColor(kind.equals("faint") ? withAlpha(color, 0.45) : color);
        switch (kind) {
            case "dot" -> g.fill(new Ellipse2D.Double(x + 12 * s - 5 * s, cy - 5 * s, 10 * s, 10 * s));
            case "dashed" -> {
                g.setStroke(new BasicStroke((float) (2.5 * s), BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10,
                    new float[] {(float) (8 * s), (float) (6 * s)}, 0));
                g.draw(new Line2D.Double(x + 2 * s, cy, x + 34 * s, cy));
            }
            default -> {
                g.setStroke(new BasicStroke((float) ((kind.equals("line") ? 4 : 2.5) * s), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                g.draw(new Line2D.Double(x + 2 * s, cy, x + 34 * s, cy));
            }
        }
        g.setColor(palette.text());
        var metrics = g.getFontMetrics();
        g.drawString(label, (float) (x + 44 * s), (float) (cy + metrics.getAscent() / 2.0 - 2 * s));
        return x + 44 * s + metrics.stringWidth(label) + 30 * s;
    }

    private void title(Graphics2D g, Frame frame) {
        var e = run.experiment();
        String line = words.text("model." + e.model().name()) + " " + e.model().formula()
            + (run.lanes().isEmpty() ? "  ·  lr " + ShownNumbers.format(e.learningRate()) : "  ·  " + words.text("picture.race", "lanes", run.lanes().size()))
            + (frame == null ? "  ·  " + words.text("picture.divergedAtOnce")
               : "  ·  " + words.text("picture.iteration", "iter", frame.iter())
                 + (run.lanes().isEmpty() ? "  ·  " + words.text("picture.loss", "loss", ShownNumbers.format(frame.loss())) : ""))
            + (frame != null && frame == run.last() && run.lanes().isEmpty() && run.outcome().kind() == Outcome.Kind.DIVERGED
               ? "  ·  " + words.text("picture.divergedAt", "iter", run.outcome().iter()) : "");
        g.setFont(font(Font.PLAIN, 18));
        String brand = "SGD Playground";
        double brandWidth = g.getFontMetrics().stringWidth(brand);
        double room = width - 80 * s;
        g.setFont(font(Font.BOLD, 27));
        double lineWidth = g.getFontMetrics().stringWidth(line);
        if (lineWidth > room) g.setFont(font(Font.BOLD, 27 * room / lineWidth)); // a long formula: a smaller title, not a cut one
        g.setColor(palette.text());
        g.drawString(line, (float) (40 * s), (float) (50 * s));
        if (lineWidth + 30 * s + brandWidth > room) return; // the brand only where the title leaves it room
        g.setFont(font(Font.PLAIN, 18));
        g.setColor(palette.muted());
        g.drawString(brand, (float) (width - 40 * s - brandWidth), (float) (48 * s));
    }

    /** The curve for {@code params} (in the run's trained units) across the x axis, {@value #CURVE_SAMPLES} samples. */
    private Path2D curve(double[] trainedParams) {
        double[] p = run.inPointUnits(trainedParams);
        Model model = run.experiment().model();
        Path2D path = new Path2D.Double();
        for (int i = 0; i < CURVE_SAMPLES; i++) {
            double x = view.x0() + (view.x1() - view.x0()) * i / (CURVE_SAMPLES - 1);
            double px = view.px(x), py = clamp(view.py(model.valueAt(x, p)));
            if (i == 0) path.moveTo(px, py); else path.lineTo(px, py);
        }
        return path;
    }

    private void dot(Graphics2D g, double x, double y, double radius) {
        double px = view.px(x), py = view.py(y);
        if (Math.abs(py) > 1e6) return;
        g.fill(new Ellipse2D.Double(px - radius, py - radius, 2 * radius, 2 * radius));
    }

    private Font font(int style, double designSize) {
        return new Font(Font.SANS_SERIF, style, 1).deriveFont((float) (designSize * s));
    }

    private static Graphics2D smooth(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        return g;
    }

    private static Color withAlpha(Color c, double alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), (int) Math.round(c.getAlpha() * alpha));
    }

    private static double clamp(double v) {
        return Double.isNaN(v) ? 0 : Math.max(-1e6, Math.min(1e6, v));
    }
}
