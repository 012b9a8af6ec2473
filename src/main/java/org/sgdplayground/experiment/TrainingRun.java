package org.sgdplayground.experiment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.sgdplayground.analysis.Standardisation;
import org.sgdplayground.autograd.Program;
import org.sgdplayground.autograd.Tensor;
import org.sgdplayground.data.Dataset;
import org.sgdplayground.data.Seeds;
import org.sgdplayground.model.MeanSquaredError;
import org.sgdplayground.optim.Optimizer;

/**
 * One run of an experiment, frame by frame (SPEC §2). Frame {@code i} holds {@code p_i}, {@code loss_i =
 * mean((model(x, p_i) − y)²)} over step {@code i}'s batch and its gradient {@code ∇loss_i} from autograd; then
 * the experiment's optimizer (SGD unless SPEC §8's {@code optimizer} says otherwise) moves to {@code p_{i+1}}. A run of {@code steps} updates has {@code steps + 1} frames, unless it diverges.
 *
 * <p>Minibatches follow PyTorch's {@code DataLoader(shuffle=True)}: each epoch is a fresh permutation drawn
 * from the seed, cut into batches of {@code batch} points, the last one smaller when {@code batch} does not
 * divide {@code n}.
 *
 * <p>The loss graph is built once per batch shape and run again each step. A batch larger than
 * {@link #CHUNK_ROWS} is evaluated a chunk at a time — gradients accumulate over the chunks, as in gradient
 * accumulation — so the working set stays in cache and memory stays flat however many points there are.
 */
public final class TrainingRun {
    /**
     * Rows in one pass of the loss graph. Small enough that a chunk's x and y, read from memory by the fused
     * forward loop, are still in the core's own caches when the backward loops read them again; large enough
     * that the fixed cost of a pass is lost in the arithmetic. With the fused loops, at a million points, 16384
     * rows (x, y and a sum's column: 384 KB, within the core's 1 MB second-level cache) measured 10-15% faster
     * than 4096 and 20-30% faster than 2048 or 65536 (see {@code ChunkRowsBenchmark}).
     */
    public static final int CHUNK_ROWS = 16384;

    private final Experiment experiment;
    private final int chunkRows;
    private final Dataset points;
    private final Tensor params;
    private final Optimizer optimizer;
    private final Map<Long, LossGraph> graphs = new HashMap<>();
    private final Batches batches;
    private final DMatrixRMaj[] fullX, fullY;
    /** The graph for each full-batch chunk (chunks of one size share one), found once rather than looked up each step. */
    private final LossGraph[] fullGraphs;
    private int iter;
    private Outcome outcome;

    public TrainingRun(Experiment experiment) {
        this(experiment, experiment.dataset());
    }

    /**
     * A run over points already generated (the caller must not change them). With {@code standardize} it trains
     * on {@code x' = (x − mean)/sd} of these points, so its parameters and {@link #points()} are in scaled units.
     */
    public TrainingRun(Experiment experiment, Dataset points) {
        this(experiment, points, CHUNK_ROWS);
    }

    /** A run that evaluates at most {@code chunkRows} points per pass of the loss graph: for tests and benchmarks. */
    TrainingRun(Experiment experiment, Dataset points, int chunkRows) {
        if (chunkRows < 1) throw new IllegalArgumentException("chunkRows must be at least 1, got " + chunkRows);
        this.experiment = experiment;
        this.chunkRows = chunkRows;
        this.points = experiment.standardize() ? Standardisation.of(points).apply(points) : points;
        points = this.points;
        this.params = Tensor.parameters(experiment.initialParams());
        this.optimizer = experiment.hyperparameters().create(params);
        int n = points.size();
        this.batches = experiment.batch() == 0 || experiment.batch() == n ? null
            : new Batches(n, experiment.batch(), Seeds.stream(experiment.seed(), Seeds.BATCHES));
        int chunks = (n + chunkRows - 1) / chunkRows;
        this.fullX = new DMatrixRMaj[chunks];
        this.fullY = new DMatrixRMaj[chunks];
        this.fullGraphs = new LossGraph[chunks];
        double[] xs = points.xs(), ys = points.ys();
        for (int c = 0; c < chunks; c++) {
            int from = c * chunkRows, rows = Math.min(chunkRows, n - from);
            fullX[c] = column(xs, from, rows);
            fullY[c] = column(ys, from, rows);
        }
    }

    private static DMatrixRMaj column(double[] values, int from, int rows) {
        double[] part = new double[rows];
        System.arraycopy(values, from, part, 0, rows);
        return DMatrixRMaj.wrap(rows, 1, part);
    }

    public Experiment experiment() {
        return experiment;
    }

    public Dataset points() {
        return points;
    }

    /** The next frame, or null once the run has ended (then {@link #outcome()} says how). */
    public Frame next() {
        if (outcome != null) return null;
        if (iter > 0) optimizer.step();
        double[] p = params.values();
        optimizer.zeroGrad();
        int[] rows = batches == null ? null : batches.next();
        double loss = rows == null ? fullBatchLoss() : minibatchLoss(rows);
        double[] grad = params.gradient();
        if (!Double.isFinite(loss) || !allFinite(p) || !allFinite(grad)) {
            outcome = new Outcome(Outcome.Kind.DIVERGED, iter, lastFrame);
            return null;
        }
        Frame frame = new Frame(iter, loss, p, grad, rows != null && points.size() <= Frame.MAX_POINTS_FOR_BATCH_ROWS ? rows : null);
        lastFrame = frame;
        if (iter == experiment.steps()) outcome = new Outcome(Outcome.Kind.DONE, iter, frame);
        iter++;
        return frame;
    }

    private Frame lastFrame;

    /** Runs to the end and returns every frame. */
    public List<Frame> all() {
        List<Frame> frames = new ArrayList<>();
        for (Frame f = next(); f != null; f = next()) frames.add(f);
        return frames;
    }

    /** How the run ended, or null while it goes on. */
    public Outcome outcome() {
        return outcome;
    }

    /**
     * Waits up to {@code timeout} until the loss graphs built so far run their compiled loops (see
     * {@link Tensor#compile()}), for benchmarks that should time the steady state; true when they all do.
     * Nothing else needs to wait: compiled or not, a run gives the same frames.
     */
    public boolean awaitCompiled(java.time.Duration timeout) {
        for (LossGraph g : graphs.values()) if (!g.loss.awaitCompiled(timeout)) return false;
        return true;
    }

    /** The number of the next frame {@link #next()} will give. */
    public int nextIter() {
        return iter;
    }

    /** {@code loss(p)} over all points, gradient accumulated into the parameters. */
    private double fullBatchLoss() {
        int n = points.size();
        double total = 0;
        for (int c = 0; c < fullX.length; c++) {
            if (fullGraphs[c] == null) fullGraphs[c] = graph(fullX[c].numRows, n);
            total += fullGraphs[c].run(fullX[c], fullY[c]);
        }
        return total / n;
    }

    /** {@code loss(p)} over the given rows, gradient accumulated into the parameters. */
    private double minibatchLoss(int[] rows) {
        int size = rows.length;
        double total = 0;
        for (int from = 0; from < size; from += chunkRows) {
            int count = Math.min(chunkRows, size - from);
            LossGraph g = graph(count, size);
            for (int r = 0; r < count; r++) {
                g.xBuffer.data[r] = points.x(rows[from + r]);
                g.yBuffer.data[r] = points.y(rows[from + r]);
            }
            total += g.run(g.xBuffer, g.yBuffer);
        }
        return total / size;
    }

    private LossGraph graph(int rows, int batchSize) {
        return graphs.computeIfAbsent(((long) rows << 32) | batchSize, key -> new LossGraph(rows, batchSize));
    }

    private static boolean allFinite(double[] values) {
        for (double v : values) if (!Double.isFinite(v)) return false;
        return true;
    }

    /**
     * {@code Σ(model(x, p) − y)² / batchSize} over one chunk of {@code rows} points: built once with the model's
     * own tensor arithmetic, then run on each chunk by pointing its inputs at the chunk's values.
     */
    private final class LossGraph {
        final Tensor x, y, squaredErrorSum;
        final Program loss;
        final DMatrixRMaj xBuffer, yBuffer;

        LossGraph(int rows, int batchSize) {
            x = Tensor.constant(rows, 1, new double[rows]);
            y = Tensor.constant(rows, 1, new double[rows]);
            // the model is plain tensor arithmetic; the squared error is one op, like F.mse_loss (reduction='sum')
            MeanSquaredError mse = MeanSquaredError.of(experiment.model(), x, y, params, batchSize);
            squaredErrorSum = mse.squaredErrorSum();
            // one loop forward and one back instead of an op at a time, compiled in the background (Tensor#compile)
            loss = mse.loss().compile();
            xBuffer = new DMatrixRMaj(rows, 1);
            yBuffer = new DMatrixRMaj(rows, 1);
        }

        /** Runs the chunk forward and backward; returns its sum of squared errors. */
        double run(DMatrixRMaj xs, DMatrixRMaj ys) {
            x.assign(xs);
            y.assign(ys);
            loss.forward();
            loss.backward();
            return squaredErrorSum.item();
        }
    }

    /** The minibatch order: a fresh permutation each epoch, cut into consecutive batches. */
    private static final class Batches {
        private final int[] order;
        private final int size;
        private final Random random;
        private int position;

        Batches(int n, int size, Random random) {
            this.order = new int[n];
            this.size = size;
            this.random = random;
            shuffle();
        }

        /**
         * A fresh permutation of {@code 0 … n−1}, like {@code torch.randperm}: each epoch starts from the identity,
         * so an epoch's order depends only on the seed and the epoch's number. Fisher–Yates, back to front:
         * position {@code i} takes a uniform pick of {@code [0, i]}.
         */
        private void shuffle() {
            for (int i = 0; i < order.length; i++) order[i] = i;
            for (int i = order.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            position = 0;
        }

        int[] next() {
            if (position == order.length) shuffle();
            int count = Math.min(size, order.length - position);
            int[] rows = new int[count];
            System.arraycopy(order, position, rows, 0, count);
            position += count;
            return rows;
        }
    }
}
