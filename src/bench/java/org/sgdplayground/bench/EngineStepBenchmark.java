package org.sgdplayground.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.sgdplayground.data.Dataset;
import org.sgdplayground.experiment.Experiment;
import org.sgdplayground.experiment.Frame;
import org.sgdplayground.experiment.TrainingRun;
import org.sgdplayground.model.Model;
import org.sgdplayground.model.Models;

/**
 * One full-batch step — one frame: loss, backward, SGD update — through the engine ({@link TrainingRun#next()}),
 * against {@link FusedStep}, the same update written by hand as one loop.
 *
 * <p>The experiments are built directly, not through the codec, because {@code n = 1 000 000} is past the
 * playground's limit on points; the training code itself has no such limit.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class EngineStepBenchmark {
    @Param({"100", "10000", "1000000"})
    public int n;

    @Param({"linear", "quadratic"})
    public String model;

    private static final double LEARNING_RATE = 0.1;
    private static final long SEED = 42;

    private Experiment experiment;
    private Dataset points;
    private TrainingRun run;
    private FusedStep fused;

    @Setup
    public void setUp() {
        Model m = Models.byName(model).orElseThrow();
        double[] init = m.parameterCount() == 2 ? new double[] {0.5, 0.75} : new double[] {0.5, 0.75, -0.25};
        // As many steps as a benchmark could want: the run never ends while it is measured.
        experiment = new Experiment("bench", m, "line", n, 1.0, SEED, init, LEARNING_RATE, Integer.MAX_VALUE - 1, 0,
            0.0, 50, false, null);
        points = experiment.dataset();
        run = new TrainingRun(experiment, points);
        fused = new FusedStep(points.xs(), points.ys(), init, LEARNING_RATE, m == Models.QUADRATIC);
        checkTheyDoTheSameWork();
        if (!run.awaitCompiled(java.time.Duration.ofSeconds(30))) throw new IllegalStateException("the loss graph's loops did not compile");
    }

    /** Both must compute the same first loss and land on the same second parameters, or the race means nothing. */
    private void checkTheyDoTheSameWork() {
        Frame first = run.next(), second = run.next();
        double fusedLoss = fused.step();
        double[] fusedParams = fused.params();
        if (!close(first.loss(), fusedLoss)) {
            throw new IllegalStateException("engine loss " + first.loss() + " but fused loss " + fusedLoss);
        }
        for (int j = 0; j < fusedParams.length; j++) {
            if (!close(second.params()[j], fusedParams[j])) {
                throw new IllegalStateException("engine p" + j + " = " + second.params()[j] + " but fused " + fusedParams[j]);
            }
        }
    }

    private static boolean close(double a, double b) {
        return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.max(Math.abs(a), Math.abs(b)));
    }

    @Benchmark
    public Frame engine() {
        Frame frame = run.next();
        if (frame == null) {
            run = new TrainingRun(experiment, points);
            frame = run.next();
            run.awaitCompiled(java.time.Duration.ofSeconds(30));
        }
        return frame;
    }

    @Benchmark
    public double fused() {
        return fused.step();
    }
}
