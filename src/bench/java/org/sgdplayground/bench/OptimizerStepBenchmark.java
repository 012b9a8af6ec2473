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
import org.sgdplayground.experiment.Experiment;
import org.sgdplayground.experiment.Frame;
import org.sgdplayground.experiment.OptimizerSettings;
import org.sgdplayground.experiment.TrainingRun;
import org.sgdplayground.model.Models;

/**
 * One full-batch step of the line (loss, backward, update) with each optimizer: Adam's update keeps two moments
 * and takes a square root a parameter, against SGD's one multiply-add, so its step should cost about the same
 * once the loss over the points dominates (issue #15: within 1.5×). Run with
 * {@code mvn -Pbench test-compile exec:exec -Dbench.main=org.openjdk.jmh.Main -Dbench.args="OptimizerStepBenchmark -f 1 -wi 3 -i 5 -w 1s -r 1s"}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class OptimizerStepBenchmark {
    @Param({"100", "1000000"})
    public int n;

    @Param({"sgd", "adam"})
    public String optimizer;

    private TrainingRun run;

    @Setup
    public void setUp() {
        OptimizerSettings o = OptimizerSettings.SGD;
        OptimizerSettings settings = new OptimizerSettings(optimizer, false, 0, 0, o.beta1(), o.beta2(), o.eps(), o.alpha(), false,
            false, OptimizerSettings.NO_RACE);
        // built directly: n = 1 000 000 is past the codec's limit on points, not the engine's
        Experiment e = new Experiment("bench", Models.LINEAR, "line", n, 1.0, 42, new double[] {0.5, 0.75}, 0.01,
            Integer.MAX_VALUE - 1, 0, 0.0, 50, false, null, false, null, settings);
        run = new TrainingRun(e);
        run.next();
        run.next();
        if (!run.awaitCompiled(java.time.Duration.ofSeconds(30))) throw new IllegalStateException("the loss graph's loops did not compile");
    }

    @Benchmark
    public Frame step() {
        Frame frame = run.next();
        if (frame == null) throw new IllegalStateException("the run ended: " + run.outcome());
        return frame;
    }
}
