package org.sgdplayground.export.picture;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sgdplayground.analysis.Optimum;
import org.sgdplayground.analysis.Standardisation;
import org.sgdplayground.data.Dataset;
import org.sgdplayground.experiment.Experiment;
import org.sgdplayground.experiment.Frame;
import org.sgdplayground.experiment.InvalidParameterException;
import org.sgdplayground.experiment.Outcome;
import org.sgdplayground.experiment.Race;
import org.sgdplayground.experiment.TrainingRun;

/**
 * A whole run, trained once, as the pictures need it: the points as measured, every frame, how it ended, the
 * least-squares optimum, and the scaling a standardised run trains under (its frames are in scaled units). A race
 * also has its lanes, each trained alone; its frames and outcome are then those of the lane that lasted longest.
 */
public record Recording(Experiment experiment, Dataset points, List<Frame> frames, Outcome outcome,
                        Optional<Standardisation> standardisation, double[] optimum, List<Lane> lanes) {

    /** One lane of a race: its label as the link writes it, every frame and how it ended. */
    public record Lane(String label, List<Frame> frames, Outcome outcome) {}

    /** Trains {@code e} to its end (bounded by the experiment's own limits), each lane of a race. */
    public static Recording of(Experiment e) {
        Dataset points = e.dataset();
        Optional<Standardisation> scaling = e.standardize() ? Optional.of(Standardisation.of(points)) : Optional.empty();
        List<Lane> lanes = new ArrayList<>();
        if (e.optimizer().isRace()) {
            for (Race.Entry entry : Race.entries(e)) {
                TrainingRun run = new TrainingRun(entry.experiment(), points);
                lanes.add(new Lane(entry.label(), List.copyOf(run.all()), run.outcome()));
            }
        }
        TrainingRun run = new TrainingRun(e, points);
        double[] optimum = Optimum.of(e.model(), run.points()).params();
        if (!lanes.isEmpty()) {
            Lane longest = lanes.stream().max(java.util.Comparator.comparingInt(l -> l.frames().size())).orElseThrow();
            return new Recording(e, points, longest.frames(), longest.outcome(), scaling, optimum, List.copyOf(lanes));
        }
        List<Frame> frames = run.all();
        return new Recording(e, points, List.copyOf(frames), run.outcome(), scaling, optimum, List.of());
    }

    /** The last frame, or null when even frame 0 diverged. */
    public Frame last() {
        return frames.isEmpty() ? null : frames.get(frames.size() - 1);
    }

    /** Coefficients in the points' own units: as trained, or mapped back from x' for a standardised run. */
    public double[] inPointUnits(double[] params) {
        return standardisation.map(s -> s.toOriginal(params)).orElse(params);
    }

    /** Whether this run imitates fastbook's roller coaster (its colours and labels) rather than lesson 2's line. */
    public boolean fastbookLook() {
        return "coaster".equals(experiment.data()); // as web/run.js decides it
    }

    /**
     * The frame {@code iter=} names (SPEC §7): a whole number from 0 to the last frame, or absent or empty for the last.
     * Frames run 0, 1, 2, … so the iteration is also the frame's index.
     */
    public int frameIndex(String iter) {
        int last = frames.size() - 1;
        if (iter == null || iter.isBlank()) return last;
        String t = iter.trim();
        if (!t.matches("\\d{1,9}") || Integer.parseInt(t) > last) {
            throw new InvalidParameterException(ITER, iter, last < 0 ? "nothing: this run diverged at its first frame"
                : "a whole number from 0 to " + last + (outcome.kind() == Outcome.Kind.DIVERGED ? " (the run diverged after it)" : " (the run's last frame)"));
        }
        return Integer.parseInt(t);
    }

    /** The URL parameter that picks the frame of {@code /export/plot.png}. */
    public static final String ITER = "iter";

    /** Every {@code stride}-th frame and the last one: what an animation or a replay keeps of a long run. */
    public List<Frame> sampled(int stride) {
        List<Frame> kept = new ArrayList<>();
        for (int i = 0; i < frames.size(); i += stride) kept.add(frames.get(i));
        if (!frames.isEmpty() && (frames.size() - 1) % stride != 0) kept.add(last());
        return kept;
    }
}
