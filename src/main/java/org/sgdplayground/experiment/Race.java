package org.sgdplayground.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import org.sgdplayground.optim.Hyperparameters;

/**
 * The lanes of {@code race=LANE,LANE,…} (SPEC §8). A lane is an optimizer's name, optionally followed by its own
 * settings in parentheses, {@code adam(lr=0.05;beta1=0.8)}; they override the experiment's. Each lane is the
 * experiment run alone with {@code optimizer} and those settings: the same points, start and batches.
 */
public final class Race {
    private Race() {}

    /** The settings a lane may give itself: the optimizer's, never the points, the start or the batches it shares. */
    public static final List<Parameter<?>> LANE_SETTINGS = List.of(Parameter.LR, Parameter.MOMENTUM, Parameter.DAMPENING,
        Parameter.NESTEROV, Parameter.BETA1, Parameter.BETA2, Parameter.AMSGRAD, Parameter.ALPHA, Parameter.CENTERED,
        Parameter.EPS, Parameter.WEIGHT_DECAY);

    static final String ALLOWED = OptimizerSettings.NO_RACE + " or lanes such as sgd,sgd(momentum=0.9),adam(lr=0.05;beta1=0.8): 1 to "
        + Limits.MAX_RACE_LANES + " optimizers (" + String.join(", ", Hyperparameters.NAMES) + "), each optionally with "
        + "its own settings in parentheses, separated by ;";

    /**
     * One lane as written: its optimizer and its own settings (URL key → text, in the order given).
     *
     * @param label how the lane is written in a normalised link and shown on the page
     */
    public record Lane(String label, String optimizer, Map<String, String> settings) {}

    /** A lane's run: its label and the experiment it is. */
    public record Entry(String label, Experiment experiment) {}

    /** The lanes of {@code text}, or an error naming {@code race}, the lane and the character where it goes wrong. */
    public static List<Lane> parse(String text) {
        List<Lane> lanes = new ArrayList<>();
        int at = 0, length = text.length();
        while (true) {
            at = skipSpaces(text, at);
            int start = at;
            while (at < length && Character.isLetter(text.charAt(at))) at++;
            String name = text.substring(start, at);
            at = skipSpaces(text, at);
            if (!Hyperparameters.NAMES.contains(name)) {
                throw refuse(text, start, "an optimizer's name (" + String.join(", ", Hyperparameters.NAMES) + "), found '"
                    + (name.isEmpty() && at < length ? text.charAt(at) : name) + "'");
            }
            Map<String, String> settings = new LinkedHashMap<>();
            if (at < length && text.charAt(at) == '(') {
                int close = text.indexOf(')', at);
                if (close < 0) throw refuse(text, at, "a ')' to close " + name + "'s settings");
                int from = at + 1;
                for (String pair : text.substring(from, close).split(";", -1)) {
                    readSetting(text, from, pair, settings);
                    from += pair.length() + 1;
                }
                at = skipSpaces(text, close + 1);
            }
            lanes.add(new Lane(label(name, settings), name, settings));
            if (lanes.size() > Limits.MAX_RACE_LANES) throw refuse(text, start, "at most " + Limits.MAX_RACE_LANES + " lanes");
            if (at == length) return lanes;
            if (text.charAt(at) != ',') throw refuse(text, at, "a ',' between lanes or the end, found '" + text.charAt(at) + "'");
            at++;
        }
    }

    private static int skipSpaces(String text, int at) {
        while (at < text.length() && text.charAt(at) == ' ') at++;
        return at;
    }

    private static void readSetting(String text, int from, String pair, Map<String, String> settings) {
        int eq = pair.indexOf('=');
        String key = (eq < 0 ? pair : pair.substring(0, eq)).trim();
        Optional<Parameter<?>> p = LANE_SETTINGS.stream().filter(q -> q.key().equals(key)).findFirst();
        if (p.isEmpty()) {
            throw refuse(text, from, "a lane's own setting, key=value, with a key among "
                + String.join(", ", LANE_SETTINGS.stream().map(Parameter::key).toList()) + "; found '" + pair + "'");
        }
        String value = eq < 0 ? "" : pair.substring(eq + 1).trim();
        try {
            p.get().parse(value);
        } catch (InvalidParameterException bad) {
            throw refuse(text, from, key + " " + bad.allowed() + ", found '" + value + "'");
        }
        if (settings.put(key, value) != null) throw refuse(text, from, key + " once per lane");
    }

    private static String label(String name, Map<String, String> settings) {
        if (settings.isEmpty()) return name;
        StringJoiner inside = new StringJoiner(";", name + "(", ")");
        settings.forEach((k, v) -> inside.add(k + "=" + v));
        return inside.toString();
    }

    /** An error for {@code race} at character {@code at} (0-based; people count from 1). */
    static InvalidParameterException refuse(String text, int at, String expected) {
        return new InvalidParameterException(Parameter.RACE.key(), text, "at character " + (at + 1) + ", " + expected + ". "
            + "Allowed: " + ALLOWED);
    }

    /** The lanes' labels joined as a link writes them. */
    public static String normalised(List<Lane> lanes) {
        StringJoiner joined = new StringJoiner(",");
        for (Lane lane : lanes) joined.add(lane.label());
        return joined.toString();
    }

    /**
     * Each lane of {@code race} as the experiment it is: {@code e}'s link without the race, with the lane's optimizer
     * and settings, decoded as any link is (so a lane is exactly that link run alone), over {@code e}'s points.
     */
    public static List<Entry> entries(Experiment race) {
        List<Entry> out = new ArrayList<>();
        int start = 0;
        for (Lane lane : parse(race.optimizer().race())) {
            out.add(new Entry(lane.label(), laneExperiment(race, lane, start)));
            start += lane.label().length() + 1;
        }
        return out;
    }

    static Experiment laneExperiment(Experiment race, Lane lane, int position) {
        Map<String, String> raw = new LinkedHashMap<>(QueryStrings.parse(ExperimentCodec.encode(race)));
        raw.put(Parameter.RACE.key(), OptimizerSettings.NO_RACE);
        raw.put(Parameter.OPTIMIZER.key(), lane.optimizer());
        raw.putAll(lane.settings());
        try {
            if (race.points() != null) return ExperimentCodec.decode(raw, id -> Optional.of(race.customPoints()));
            if (race.customPoints() != null) return ExperimentCodec.decode(raw, race.customPoints().xs(), race.customPoints().ys());
            return ExperimentCodec.decode(raw);
        } catch (InvalidParameterException bad) {
            throw refuse(race.optimizer().race(), position, "lane " + lane.label() + " run alone: " + bad.getMessage());
        }
    }
}
