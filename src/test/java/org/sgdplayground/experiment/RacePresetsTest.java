package org.sgdplayground.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sgdplayground.analysis.Optimum;
import org.sgdplayground.data.Dataset;

/**
 * The race presets teach what their lessons say, measured on their own runs: the full-batch loss of each frame's
 * parameters against the least-squares loss L* of the points, as the page's leaderboard measures it.
 */
class RacePresetsTest {
    /** One lane's run: the full loss at each frame, and where it first came within 1% of L* (−1 for never). */
    record Lane(String label, Outcome.Kind outcome, double[] losses, int withinOnePercent) {
        double last() {
            return losses[losses.length - 1];
        }

        double peakAfterStart() {
            double peak = 0;
            for (int i = 1; i < losses.length; i++) peak = Math.max(peak, losses[i]);
            return peak;
        }
    }

    private static List<Lane> race(String preset) {
        Experiment e = ExperimentCodec.decode(Map.of("preset", preset));
        Dataset points = e.dataset();
        double best = Optimum.of(e.model(), points).loss();
        List<Lane> out = new ArrayList<>();
        for (Race.Entry entry : Race.entries(e)) {
            TrainingRun run = new TrainingRun(entry.experiment(), points);
            List<Frame> frames = run.all();
            double[] losses = frames.stream().mapToDouble(f -> NormalEquations.loss(e.model().name(), points, f.params())).toArray();
            int within = -1;
            for (int i = 0; i < losses.length && within < 0; i++) if (losses[i] <= 1.01 * best) within = i;
            out.add(new Lane(entry.label(), run.outcome().kind(), losses, within));
        }
        return out;
    }

    @Test
    void race_momentum_momentum_reaches_the_best_fit_and_plain_sgd_at_its_best_lr_does_not() {
        List<Lane> lanes = race("race-momentum");
        assertEquals(List.of("sgd", "sgd(momentum=0.995;lr=6e-5)"), lanes.stream().map(Lane::label).toList());
        assertEquals(-1, lanes.get(0).withinOnePercent(), "SGD still crawls after " + (lanes.get(0).losses().length - 1) + " steps");
        assertTrue(lanes.get(1).withinOnePercent() > 0, "momentum gets there");
        Experiment e = ExperimentCodec.decode(Map.of("preset", "race-momentum"));
        double limit = Briefing.of(e, e.dataset()).surface().stabilityLimit().getAsDouble();
        assertTrue(e.learningRate() > 0.9 * limit && e.learningRate() < limit, "SGD's lr is within 10% of its limit 2/λmax: its best");
    }

    @Test
    void race_adam_adam_fits_the_parabola_while_sgd_with_or_without_momentum_crawls() {
        List<Lane> lanes = race("race-adam");
        assertEquals(-1, lanes.get(0).withinOnePercent(), lanes.get(0).label());
        assertEquals(-1, lanes.get(1).withinOnePercent(), lanes.get(1).label());
        assertTrue(lanes.get(2).withinOnePercent() > 0, lanes.get(2).label());
    }

    @Test
    void race_noisy_the_big_lr_arrives_first_and_bounces_while_momentum_ends_nearest() {
        List<Lane> lanes = race("race-noisy");
        Lane bold = lanes.get(0), momentum = lanes.get(1);
        for (Lane other : lanes.subList(1, lanes.size())) {
            assertTrue(bold.withinOnePercent() >= 0 && bold.withinOnePercent() < other.withinOnePercent()
                || other.withinOnePercent() < 0, bold.label() + " arrives before " + other.label());
            assertTrue(bold.last() > other.last(), bold.label() + " ends farther than " + other.label());
            if (other != momentum) assertTrue(momentum.last() < other.last(), momentum.label() + " ends nearer than " + other.label());
        }
    }

    @Test
    void race_overshoot_momentum_swings_far_above_its_start_and_adams_loss_never_climbs_back() {
        List<Lane> lanes = race("race-overshoot");
        Lane momentum = lanes.get(0), adam = lanes.get(1);
        assertTrue(momentum.peakAfterStart() > 5 * momentum.losses()[0], "momentum's loss climbs above 5× its start");
        assertTrue(adam.peakAfterStart() < adam.losses()[0], "Adam's never rises back to its start");
        for (Lane lane : lanes) assertEquals(Outcome.Kind.DONE, lane.outcome(), lane.label());
    }
}
