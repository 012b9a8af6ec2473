package org.sgdplayground.server.json;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;
import org.sgdplayground.experiment.ExperimentCodec;
import org.sgdplayground.experiment.Frame;
import org.sgdplayground.experiment.QueryStrings;
import org.sgdplayground.experiment.TrainingRun;

/**
 * The socket's frame messages ({@link Json#frameMessage}), the one piece of JSON written for every frame of every
 * tape: 64 frames of a run a call. Not in the default run:
 * {@code mvn -Pbench test-compile exec:exec -Dbench.main=org.openjdk.jmh.Main -Dbench.args="FrameEncodingBenchmark -f 1 -wi 3 -i 5"}.
 *
 * <p>When Jackson's generator replaced the hand-written writer (JsonBytes with its own Schubfach, ShortestDouble),
 * the same run timed a message at 0.86 µs against 0.47 µs (quadratic, 7 doubles and 10 rows) and 0.57 µs against
 * 0.26 µs (linear, 5 doubles), best of 60 rounds on a busy two-core box: about 0.4 µs more a frame, which a tape
 * pays once however many sessions share it, against 418 lines of number writing and JSON splicing of our own.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class FrameEncodingBenchmark {
    /** Full batch, two parameters; a quadratic on minibatches that list their 10 rows. */
    @Param({"preset=fastai-sgd&steps=63", "preset=minibatch-noise&model=quadratic&steps=63"})
    public String query;

    private List<Frame> frames;

    @Setup
    public void setUp() {
        frames = new TrainingRun(ExperimentCodec.decode(QueryStrings.parse(query))).all();
    }

    @Benchmark
    public void frameMessages(Blackhole out) {
        for (Frame f : frames) out.consume(Json.frameMessage(f));
    }
}
