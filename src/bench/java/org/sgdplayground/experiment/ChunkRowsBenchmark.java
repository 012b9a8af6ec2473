package org.sgdplayground.experiment;

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
import org.sgdplayground.model.Model;
import org.sgdplayground.model.Models;

/**
 * One full-batch step at several chunk sizes, to choose {@link TrainingRun#CHUNK_ROWS}. Not in the default
 * run: {@code mvn -Pbench test-compile exec:exec -Dbench.args="ChunkRowsBenchmark -f 1 -wi 3 -i 5"}.
 * (In this package for the package-private chunk-size constructor.)
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ChunkRowsBenchmark {
    @Param({"2048", "4096", "16384", "65536"})
    public int chunkRows;

    @Param({"10000", "1000000"})
    public int n;

    @Param({"linear", "quadratic"})
    public String model;

    private TrainingRun run;

    @Setup
    public void setUp() {
        Model m = Models.byName(model).orElseThrow();
        double[] init = m.parameterCount() == 2 ? new double[] {0.5, 0.75} : new double[] {0.5, 0.75, -0.25};
        Experiment experiment = new Experiment("bench", m, "line", n, 1.0, 42, init, 0.1, Integer.MAX_VALUE - 1, 0, 0.0, 50,
            false, null);
        Dataset points = experiment.dataset();
        run = new TrainingRun(experiment, points, chunkRows);
        run.next();
        if (!run.awaitCompiled(java.time.Duration.ofSeconds(30))) throw new IllegalStateException("the loss graph's loops did not compile");
    }

    @Benchmark
    public Frame step() {
        return run.next();
    }
}
