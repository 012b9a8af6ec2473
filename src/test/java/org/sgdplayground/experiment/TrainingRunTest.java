package org.sgdplayground.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sgdplayground.data.Dataset;

/**
 * {@link TrainingRun} against {@link ReferenceSgd}, frame by frame. The two add the same terms in different
 * orders (the engine sums four ways at once and in chunks), so they agree to rounding: within
 * {@code 10⁻⁹} of the loss, of the largest parameter, and of the gradient or the terms it sums, whichever is larger
 * (a gradient near zero is a sum that cancels, and only the size of its terms bounds its rounding).
 */
class TrainingRunTest {
    private static final double RELATIVE = 1e-9;

    private static Experiment experiment(String query) {
        return ExperimentCodec.decode(QueryStrings.parse(query));
    }

    private static ReferenceSgd.Run reference(Experiment e, Dataset points) {
        return ReferenceSgd.run(points.xs(), points.ys(), e.model().name(), e.initialParams(), e.learningRate(),
            e.momentum(), e.steps(), e.batch(), e.seed());
    }

    /** Runs {@code query} both ways and holds every frame of the engine to the reference's. */
    private static List<Frame> assertMatchesReference(String query) {
        Experiment e = experiment(query);
        TrainingRun run = new TrainingRun(e);
        List<Frame> frames = run.all();
        ReferenceSgd.Run expected = reference(e, run.points());

        assertFalse(expected.diverged(), "the reference finishes " + query);
        assertEquals(e.steps() + 1, frames.size(), "steps + 1 frames");
        for (int i = 0; i < frames.size(); i++) assertFrameMatches(expected.steps().get(i), frames.get(i), i, query);
        Outcome outcome = run.outcome();
        assertEquals(Outcome.Kind.DONE, outcome.kind());
        assertEquals(e.steps(), outcome.iter());
        assertSame(frames.get(frames.size() - 1), outcome.lastFrame());
        assertNull(run.next(), "nothing after the end");
        return frames;
    }

    private static void assertFrameMatches(ReferenceSgd.Step expected, Frame actual, int i, String query) {
        String where = query + ", frame " + i;
        assertEquals(i, actual.iter(), where);
        assertEquals(expected.loss(), actual.loss(), RELATIVE * expected.loss(), where + ": loss");
        double largest = 0;
        for (double p : expected.params()) largest = Math.max(largest, Math.abs(p));
        assertEquals(expected.params().length, actual.params().length, where);
        for (int j = 0; j < expected.params().length; j++) {
            assertEquals(expected.params()[j], actual.params()[j], RELATIVE * largest, where + ": p" + j);
            double scale = Math.max(Math.abs(expected.grad()[j]), expected.gradScale()[j]);
            assertEquals(expected.grad()[j], actual.grad()[j], RELATIVE * scale, where + ": ∂loss/∂p" + j);
        }
    }

    /** {@code mean((model(x, p) − y)²)} over all points, by a plain loop. */
    private static double lossAt(Experiment e, Dataset points, double[] p) {
        double sum = 0;
        for (int i = 0; i < points.size(); i++) {
            double[] phi = ReferenceSgd.features(e.model().name(), points.x(i));
            double prediction = 0;
            for (int j = 0; j < p.length; j++) prediction += p[j] * phi[j];
            sum += (prediction - points.y(i)) * (prediction - points.y(i));
        }
        return sum / points.size();
    }

    @Test
    void lesson_2_from_half_and_three_quarters_matches_the_reference() {
        assertMatchesReference("preset=fastai-sgd");
    }

    @Test
    void lesson_2_from_minus_one_and_one_matches_the_reference() {
        assertMatchesReference("preset=fastai-sgd-es");
    }

    @Test
    void the_roller_coaster_matches_the_reference() {
        assertMatchesReference("preset=roller-coaster");
    }

    @Test
    void momentum_matches_the_reference() {
        assertMatchesReference("preset=fastai-sgd&momentum=0.9&lr=0.02");
        assertMatchesReference("preset=momentum");
        assertMatchesReference("preset=roller-coaster&momentum=0.5&steps=40");
    }

    @Test
    void minibatches_follow_the_seeded_epoch_order_and_match_the_reference() {
        // 100 points in batches of 30: 30, 30, 30, 10 per epoch, so 41 frames cross ten epochs
        assertMatchesReference("preset=fastai-sgd&batch=30&steps=40");
        assertMatchesReference("preset=minibatch-noise");
        assertMatchesReference("preset=fastai-sgd-es&batch=7&momentum=0.8&lr=0.05&seed=9&steps=60");
        assertMatchesReference("preset=roller-coaster&batch=6&steps=25&seed=1");
    }

    @Test
    void a_full_batch_larger_than_one_chunk_matches_the_reference() {
        String threeChunks = "preset=fastai-sgd&n=" + (2 * TrainingRun.CHUNK_ROWS + 1000) + "&steps=30";
        Experiment e = experiment(threeChunks);
        assertTrue(e.n() > 2 * TrainingRun.CHUNK_ROWS && e.n() % TrainingRun.CHUNK_ROWS != 0, "three chunks, the last one partial");
        assertMatchesReference(threeChunks);
        assertMatchesReference("preset=fastai-sgd&n=" + TrainingRun.CHUNK_ROWS + "&steps=5");
        assertMatchesReference("preset=fastai-sgd&n=" + (TrainingRun.CHUNK_ROWS + 1) + "&steps=5&momentum=0.9");
    }

    @Test
    void minibatches_larger_than_one_chunk_match_the_reference() {
        // batches of 6000 out of 10 000: 6000 (two chunks), then 4000 (one), each epoch
        assertMatchesReference("preset=fastai-sgd&n=10000&batch=6000&steps=7");
    }

    @Test
    void a_quadratic_on_the_line_from_a_random_start_matches_the_reference() {
        assertMatchesReference("preset=fastai-sgd&model=quadratic&init=random&seed=5&steps=50");
    }

    @Test
    void frame_i_carries_p_i_and_the_loss_at_p_i_before_the_update() {
        Experiment e = experiment("preset=fastai-sgd");
        TrainingRun run = new TrainingRun(e);
        List<Frame> frames = run.all();
        double[] start = e.initialParams();
        for (int j = 0; j < start.length; j++) assertEquals(start[j], frames.get(0).params()[j], 0.0, "frame 0 is the start");
        for (Frame f : frames) {
            double atP = lossAt(e, run.points(), f.params());
            assertEquals(atP, f.loss(), RELATIVE * atP, "frame " + f.iter());
        }
        for (int i = 1; i < frames.size(); i++) {
            Frame before = frames.get(i - 1), after = frames.get(i);
            for (int j = 0; j < start.length; j++) {
                double step = before.params()[j] - e.learningRate() * before.grad()[j];
                assertEquals(step, after.params()[j], 0.0, "p_" + i + " = p_" + (i - 1) + " − lr·∇loss_" + (i - 1));
            }
        }
    }

    @Test
    void zero_steps_give_the_starting_frame_alone() {
        TrainingRun run = new TrainingRun(experiment("preset=fastai-sgd&steps=0"));
        List<Frame> frames = run.all();
        assertEquals(1, frames.size());
        assertEquals(Outcome.Kind.DONE, run.outcome().kind());
        assertEquals(0, run.outcome().iter());
    }

    @ParameterizedTest
    @ValueSource(strings = {"preset=minibatch-noise&momentum=0.7", "preset=roller-coaster", "preset=fastai-sgd&n=9000&steps=20&batch=5000"})
    void two_runs_of_one_experiment_give_identical_frames_bit_for_bit(String query) {
        List<Frame> first = new TrainingRun(experiment(query)).all(), second = new TrainingRun(experiment(query)).all();
        assertEquals(first.size(), second.size());
        for (int i = 0; i < first.size(); i++) {
            Frame a = first.get(i), b = second.get(i);
            assertEquals(Double.doubleToRawLongBits(a.loss()), Double.doubleToRawLongBits(b.loss()), "loss " + i);
            for (int j = 0; j < a.params().length; j++) {
                assertEquals(Double.doubleToRawLongBits(a.params()[j]), Double.doubleToRawLongBits(b.params()[j]), "p" + j + " at " + i);
                assertEquals(Double.doubleToRawLongBits(a.grad()[j]), Double.doubleToRawLongBits(b.grad()[j]), "grad " + j + " at " + i);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"preset=fastai-sgd&lr=1000", "preset=diverging-lr", "preset=roller-coaster&lr=0.01&steps=400",
        "preset=fastai-sgd&lr=40&momentum=0.9&batch=10&steps=500"})
    void a_huge_learning_rate_diverges_at_the_first_frame_the_reference_cannot_represent(String query) {
        Experiment e = experiment(query);
        TrainingRun run = new TrainingRun(e);
        ReferenceSgd.Run expected = reference(e, run.points());
        assertTrue(expected.diverged(), "the reference overflows within " + e.steps() + " steps");
        int divergesAt = expected.steps().size();

        // The engine rounds differently from the reference, by ~10⁻¹⁵ relative; the overflow frame is the same one
        // as long as the loss crosses Double.MAX_VALUE by more than that. Check the reference's margin both sides.
        double limit = Math.log10(Double.MAX_VALUE);
        assertTrue(expected.log10LossAtDivergence() > limit + 1e-3, "the loss at frame " + divergesAt + " is well past the largest double");
        assertTrue(expected.steps().get(divergesAt - 1).log10Loss() < limit - 1e-3, "the frame before is well inside it");

        List<Frame> frames = run.all();
        assertEquals(divergesAt, frames.size(), "frames 0 … " + (divergesAt - 1) + " are emitted, frame " + divergesAt + " is not");
        for (int i = 0; i < frames.size(); i++) {
            Frame f = frames.get(i);
            assertTrue(Double.isFinite(f.loss()), "no NaN or Infinity in frame " + i);
            for (double v : f.params()) assertTrue(Double.isFinite(v), "frame " + i);
            for (double v : f.grad()) assertTrue(Double.isFinite(v), "frame " + i);
            // the early frames, before the numbers blow up, are the reference's
            if (expected.steps().get(i).log10Loss() < 100) assertFrameMatches(expected.steps().get(i), f, i, query);
        }
        assertEquals(Outcome.Kind.DIVERGED, run.outcome().kind());
        assertEquals(divergesAt, run.outcome().iter());
        assertSame(frames.get(frames.size() - 1), run.outcome().lastFrame());
        assertNull(run.next());
    }
}
