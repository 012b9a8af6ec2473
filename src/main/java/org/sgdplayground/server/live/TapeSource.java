package org.sgdplayground.server.live;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.sgdplayground.data.Dataset;
import org.sgdplayground.experiment.Briefing;
import org.sgdplayground.experiment.Experiment;
import org.sgdplayground.experiment.Frame;
import org.sgdplayground.experiment.Outcome;
import org.sgdplayground.experiment.Race;
import org.sgdplayground.experiment.TrainingRun;
import org.sgdplayground.server.json.BriefingJson;
import org.sgdplayground.server.json.Json;
import org.sgdplayground.server.json.PointsWire;
import org.sgdplayground.store.PointIds;
import org.sgdplayground.server.json.RaceJson;

/** Where a {@link FrameTape}'s messages come from: one run, or the lanes of a race in lockstep. */
interface TapeSource {
    /** The {@code data} message, with the points (as {@link PointsWire} writes them) or only their key. */
    byte[] data(boolean running, boolean withPoints);

    /** The key of the points ({@link #pointsKey(Dataset)}). */
    String pointsKey();

    /** The next message: a frame, or the outcome (after which {@link #ended()} is true). */
    byte[] next();

    boolean ended();

    /**
     * The key a client names the points by ({@code have=KEY}): their store id, a hash of every double, so equal keys
     * mean the same points whatever the query that made them.
     */
    static String pointsKey(Dataset points) {
        return PointIds.of(points);
    }

    private static BriefingJson.Points form(boolean withPoints) {
        return withPoints ? BriefingJson.Points.FOR_SOCKET : BriefingJson.Points.HELD_BY_CLIENT;
    }

    static TapeSource of(Experiment e, Dataset points) {
        return e.optimizer().isRace() ? new Lanes(e, points) : new Single(e, points);
    }

    /** One run: frame {@code i} is message {@code i}, then the outcome. */
    final class Single implements TapeSource {
        private final Briefing briefing;
        private final String pointsKey;
        private TrainingRun run;

        Single(Experiment e, Dataset points) {
            run = new TrainingRun(e, points);
            briefing = Briefing.of(e, points);
            pointsKey = TapeSource.pointsKey(points);
        }

        public String pointsKey() {
            return pointsKey;
        }

        public byte[] data(boolean running, boolean withPoints) {
            return Json.dataMessage(briefing, running, form(withPoints), pointsKey);
        }

        public byte[] next() {
            Frame f = run.next();
            if (f != null) return Json.frameMessage(f);
            byte[] outcome = Json.outcomeMessage(run.outcome());
            run = null; // the engine's buffers are no longer needed
            return outcome;
        }

        public boolean ended() {
            return run == null;
        }
    }

    /**
     * A race: message {@code i} holds every lane's frame {@code i}, each lane a run of its own over the same points
     * (so each is what it would be alone); a lane that ends says so once, and the last message gives every outcome.
     * Four lanes cost four runs' work, in one message a step.
     */
    final class Lanes implements TapeSource {
        private final Briefing briefing;
        private final String pointsKey;
        private final List<String> labels = new ArrayList<>();
        private final List<TrainingRun> runs = new ArrayList<>();
        private final Outcome[] outcomes;
        private int iter;
        private boolean ended;

        Lanes(Experiment race, Dataset points) {
            for (Race.Entry lane : Race.entries(race)) {
                labels.add(lane.label());
                runs.add(new TrainingRun(lane.experiment(), points));
            }
            outcomes = new Outcome[runs.size()];
            briefing = Briefing.of(race, points);
            pointsKey = TapeSource.pointsKey(points);
        }

        public String pointsKey() {
            return pointsKey;
        }

        public byte[] data(boolean running, boolean withPoints) {
            return RaceJson.dataMessage(briefing, labels, running, form(withPoints), pointsKey);
        }

        public byte[] next() {
            Frame[] frames = new Frame[runs.size()];
            Outcome[] endedNow = new Outcome[runs.size()];
            boolean anyFrame = false;
            for (int k = 0; k < frames.length; k++) {
                if (outcomes[k] != null) continue;
                frames[k] = runs.get(k).next();
                if (frames[k] != null) anyFrame = true;
                else endedNow[k] = outcomes[k] = runs.get(k).outcome();
            }
            if (anyFrame) return RaceJson.frameMessage(iter++, frames, endedNow);
            ended = true;
            runs.clear();
            return RaceJson.outcomeMessage(Arrays.asList(outcomes));
        }

        public boolean ended() {
            return ended;
        }
    }
}
