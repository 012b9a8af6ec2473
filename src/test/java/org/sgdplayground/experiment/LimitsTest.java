package org.sgdplayground.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sgdplayground.experiment.Decoding.assertRefused;
import static org.sgdplayground.experiment.Decoding.decode;
import static org.sgdplayground.experiment.Decoding.settings;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every limit in {@link Limits} that the codec enforces, once at the limit (accepted) and once just past it
 * (refused, naming the limit). "Just past" a real limit is the next double, {@link Math#nextUp}.
 */
class LimitsTest {
    private static String whole(long v) {
        return Long.toString(v);
    }

    private static String real(double v) {
        return Numbers.format(v);
    }

    @Test
    void n_runs_from_2_to_max_points() {
        assertEquals(2, decode("n", "2").n());
        assertRefused(settings("n", "1"), "n", "1", whole(Limits.MAX_POINTS));
        assertEquals(Limits.MAX_POINTS, decode("n", whole(Limits.MAX_POINTS)).n());
        assertRefused(settings("n", whole(Limits.MAX_POINTS + 1)), "n", whole(Limits.MAX_POINTS + 1), whole(Limits.MAX_POINTS));
    }

    @Test
    void steps_run_from_0_to_max_steps() {
        assertEquals(0, decode("steps", "0").steps());
        assertRefused(settings("steps", "-1"), "steps", "-1", whole(Limits.MAX_STEPS));
        // few points, so that steps × n stays under the work limit and only MAX_STEPS can refuse
        assertTrue((long) Limits.MAX_STEPS * 2 <= Limits.MAX_WORK);
        assertEquals(Limits.MAX_STEPS, decode("n", "2", "steps", whole(Limits.MAX_STEPS)).steps());
        assertRefused(settings("n", "2", "steps", whole(Limits.MAX_STEPS + 1)), "steps", whole(Limits.MAX_STEPS + 1), whole(Limits.MAX_STEPS));
    }

    @Test
    void steps_times_points_a_step_runs_up_to_max_work() {
        long steps = Limits.MAX_WORK / Limits.MAX_POINTS;
        assertEquals(Limits.MAX_WORK, steps * Limits.MAX_POINTS, "the most points with the most steps hit the limit exactly");
        assertTrue(steps + 1 <= Limits.MAX_STEPS, "so MAX_WORK, not MAX_STEPS, refuses one more step");
        Experiment atLimit = decode("n", whole(Limits.MAX_POINTS), "steps", whole(steps));
        assertEquals(Limits.MAX_WORK, (long) atLimit.steps() * atLimit.pointsPerStep());
        assertRefused(settings("n", whole(Limits.MAX_POINTS), "steps", whole(steps + 1)), "steps", whole(steps + 1),
            "at most " + steps, whole(Limits.MAX_WORK));
        // with minibatches the points a step are the batch
        long batch = 40_000, batchSteps = Limits.MAX_WORK / batch;
        assertEquals(batchSteps, decode("n", whole(Limits.MAX_POINTS), "batch", whole(batch), "steps", whole(batchSteps)).steps());
        assertRefused(settings("n", whole(Limits.MAX_POINTS), "batch", whole(batch), "steps", whole(batchSteps + 1)), "steps",
            whole(batchSteps + 1), "at most " + batchSteps);
    }

    @Test
    void batch_runs_up_to_max_points_and_up_to_n() {
        assertEquals(Limits.MAX_POINTS, decode("n", whole(Limits.MAX_POINTS), "batch", whole(Limits.MAX_POINTS), "steps", "1").batch());
        assertRefused(settings("n", whole(Limits.MAX_POINTS), "batch", whole(Limits.MAX_POINTS + 1)), "batch", whole(Limits.MAX_POINTS + 1),
            whole(Limits.MAX_POINTS));
    }

    @Test
    void noise_runs_from_0_to_max_magnitude() {
        assertEquals(0, decode("noise", "0").noise(), 0.0);
        assertRefused(settings("noise", real(-Double.MIN_VALUE)), "noise", real(-Double.MIN_VALUE), real(Limits.MAX_MAGNITUDE));
        assertEquals(Limits.MAX_MAGNITUDE, decode("noise", real(Limits.MAX_MAGNITUDE)).noise(), 0.0);
        String past = real(Math.nextUp(Limits.MAX_MAGNITUDE));
        assertRefused(settings("noise", past), "noise", past, real(Limits.MAX_MAGNITUDE));
    }

    @Test
    void each_initial_parameter_runs_up_to_max_magnitude_either_side() {
        String top = real(Limits.MAX_MAGNITUDE), bottom = real(-Limits.MAX_MAGNITUDE);
        assertArrayEquals(new double[] {Limits.MAX_MAGNITUDE, -Limits.MAX_MAGNITUDE}, decode("init", top + "," + bottom).init(), 0.0);
        String pastBottom = real(Math.nextDown(-Limits.MAX_MAGNITUDE));
        assertRefused(settings("init", "0," + pastBottom), "init", "0," + pastBottom, top);
    }

    @Test
    void the_learning_rate_runs_above_0_up_to_max_learning_rate() {
        assertEquals(Double.MIN_VALUE, decode("lr", real(Double.MIN_VALUE)).learningRate(), 0.0);
        assertRefused(settings("lr", "0"), "lr", "0", "greater than 0");
        assertEquals(Limits.MAX_LEARNING_RATE, decode("lr", real(Limits.MAX_LEARNING_RATE)).learningRate(), 0.0);
        String past = real(Math.nextUp(Limits.MAX_LEARNING_RATE));
        assertRefused(settings("lr", past), "lr", past, "at most " + real(Limits.MAX_LEARNING_RATE));
    }

    @Test
    void speed_runs_from_min_speed_to_max_speed() {
        assertEquals(Limits.MIN_SPEED, decode("speed", real(Limits.MIN_SPEED)).speed(), 0.0);
        String below = real(Math.nextDown(Limits.MIN_SPEED));
        assertRefused(settings("speed", below), "speed", below, real(Limits.MIN_SPEED));
        assertEquals(Limits.MAX_SPEED, decode("speed", real(Limits.MAX_SPEED)).speed(), 0.0);
        String above = real(Math.nextUp(Limits.MAX_SPEED));
        assertRefused(settings("speed", above), "speed", above, real(Limits.MAX_SPEED));
    }

    @Test
    void momentum_runs_from_0_up_to_but_not_including_1() {
        assertEquals(0, decode("momentum", "0").momentum(), 0.0);
        assertRefused(settings("momentum", real(-Double.MIN_VALUE)), "momentum", real(-Double.MIN_VALUE), "at least 0");
        assertEquals(Math.nextDown(1.0), decode("momentum", real(Math.nextDown(1.0))).momentum(), 0.0);
        assertRefused(settings("momentum", "1"), "momentum", "1", "below 1");
    }

    @Test
    void seed_runs_from_0_to_the_largest_int() {
        assertEquals(0, decode("seed", "0").seed());
        assertRefused(settings("seed", "-1"), "seed", "-1", whole(Integer.MAX_VALUE));
        assertEquals(Integer.MAX_VALUE, decode("seed", whole(Integer.MAX_VALUE)).seed());
        assertRefused(settings("seed", whole(Integer.MAX_VALUE + 1L)), "seed", whole(Integer.MAX_VALUE + 1L), whole(Integer.MAX_VALUE));
    }

    @Test
    void every_runs_from_1_to_max_steps() {
        assertDoesNotThrow(() -> decode("every", "1"));
        assertDoesNotThrow(() -> decode("every", whole(Limits.MAX_STEPS)));
        assertRefused(settings("every", "0"), "every", "0", whole(Limits.MAX_STEPS));
        assertRefused(settings("every", whole(Limits.MAX_STEPS + 1)), "every", whole(Limits.MAX_STEPS + 1), whole(Limits.MAX_STEPS));
    }

    @Test
    void custom_points_run_from_2_to_max_points() {
        Map<String, String> none = Map.of();
        assertEquals(2, ExperimentCodec.decode(none, new double[2], new double[2]).n());
        assertRefused(() -> ExperimentCodec.decode(none, new double[1], new double[1]), "1 point", "x", "1 values", whole(Limits.MAX_POINTS));
        double[] most = new double[Limits.MAX_POINTS];
        assertEquals(Limits.MAX_POINTS, ExperimentCodec.decode(none, most, most).n());
        double[] tooMany = new double[Limits.MAX_POINTS + 1];
        assertRefused(() -> ExperimentCodec.decode(none, tooMany, tooMany), "too many points", "x", (Limits.MAX_POINTS + 1) + " values",
            whole(Limits.MAX_POINTS));
    }

    @Test
    void custom_coordinates_run_up_to_max_magnitude_either_side() {
        Map<String, String> none = Map.of();
        double[] edge = {-Limits.MAX_MAGNITUDE, Limits.MAX_MAGNITUDE};
        assertArrayEquals(edge, ExperimentCodec.decode(none, edge, edge).dataset().xs(), 0.0);
        double[] pastX = {0, Math.nextUp(Limits.MAX_MAGNITUDE)};
        assertRefused(() -> ExperimentCodec.decode(none, pastX, new double[2]), "x past the limit", "x", "x[1] = " + pastX[1],
            real(Limits.MAX_MAGNITUDE));
        double[] pastY = {Math.nextDown(-Limits.MAX_MAGNITUDE), 0};
        assertRefused(() -> ExperimentCodec.decode(none, new double[2], pastY), "y past the limit", "y", "y[0] = " + pastY[0],
            real(-Limits.MAX_MAGNITUDE));
    }
}
