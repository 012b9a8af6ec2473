package org.sgdplayground.server.json;

import java.util.Arrays;
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
 * The socket's frame messages, the one piece of JSON written for every frame of every tape: 64 frames of a run,
 * written by the streaming generator ({@link Json#frameMessage}) and by the old hand-written writer. Not in the
 * default run: {@code mvn -Pbench test-compile exec:exec -Dbench.args="FrameEncodingBenchmark -f 1 -wi 3 -i 5"}.
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
        for (Frame f : frames) {
            if (!Arrays.equals(Json.frameMessage(f), OldAnswerWriter.frameMessage(f))) throw new IllegalStateException("frame " + f.iter() + " differs");
        }
    }

    @Benchmark
    public void generator(Blackhole out) {
        for (Frame f : frames) out.consume(Json.frameMessage(f));
    }

    @Benchmark
    public void handWritten(Blackhole out) {
        for (Frame f : frames) out.consume(OldAnswerWriter.frameMessage(f));
    }
}
