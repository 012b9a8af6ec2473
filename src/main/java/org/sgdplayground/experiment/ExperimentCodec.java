package org.sgdplayground.experiment;

import static org.sgdplayground.experiment.Parameter.ALPHA;
import static org.sgdplayground.experiment.Parameter.AMSGRAD;
import static org.sgdplayground.experiment.Parameter.AUTOPLAY;
import static org.sgdplayground.experiment.Parameter.BETA1;
import static org.sgdplayground.experiment.Parameter.BETA2;
import static org.sgdplayground.experiment.Parameter.CENTERED;
import static org.sgdplayground.experiment.Parameter.DAMPENING;
import static org.sgdplayground.experiment.Parameter.EPS;
import static org.sgdplayground.experiment.Parameter.NESTEROV;
import static org.sgdplayground.experiment.Parameter.OPTIMIZER;
import static org.sgdplayground.experiment.Parameter.RACE;
import static org.sgdplayground.experiment.Parameter.WEIGHT_DECAY;
import static org.sgdplayground.experiment.Parameter.BATCH;
import static org.sgdplayground.experiment.Parameter.DATA;
import static org.sgdplayground.experiment.Parameter.INIT;
import static org.sgdplayground.experiment.Parameter.LR;
import static org.sgdplayground.experiment.Parameter.MODEL;
import static org.sgdplayground.experiment.Parameter.MOMENTUM;
import static org.sgdplayground.experiment.Parameter.N;
import static org.sgdplayground.experiment.Parameter.NOISE;
import static org.sgdplayground.experiment.Parameter.POINTS;
import static org.sgdplayground.experiment.Parameter.PRESET;
import static org.sgdplayground.experiment.Parameter.SEED;
import static org.sgdplayground.experiment.Parameter.SPEED;
import static org.sgdplayground.experiment.Parameter.STANDARDIZE;
import static org.sgdplayground.experiment.Parameter.STEPS;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.sgdplayground.data.Dataset;
import org.sgdplayground.model.Model;
import org.sgdplayground.model.Models;
import org.sgdplayground.optim.Hyperparameters;

/**
 * Reads an {@link Experiment} from a link's parameters (or an API body's fields) and writes one back as a link.
 *
 * <p>Three layers, later ones winning: each parameter's default from the {@link Parameter} table, then the
 * preset's settings, then what the link says. Unknown keys are ignored (links pick up {@code utm_*}); an empty
 * value counts as absent. One convenience: an {@code init} that came from the preset but does not fit the
 * chosen model is dropped (the start is then drawn from the seed), while one the link gives must fit.
 */
public final class ExperimentCodec {
    private ExperimentCodec() {}

    /** An experiment from raw settings, generated points. */
    public static Experiment decode(Map<String, String> raw) {
        return decode(raw, null, null);
    }

    /** An experiment from raw settings, its {@code points=ID} found in {@code stored}: how every entry point reads a link. */
    public static Experiment decode(Map<String, String> raw, PointLookup stored) {
        return decode(raw, null, null, stored);
    }

    /** An experiment from raw settings and, optionally, the caller's own points (both arrays or neither). */
    public static Experiment decode(Map<String, String> raw, double[] x, double[] y) {
        return decode(raw, x, y, PointLookup.NONE);
    }

    /**
     * An experiment from raw settings and, optionally, the caller's own points (both arrays or neither) or the id of
     * points in {@code stored} ({@code points=ID}, which leaves {@code data}, {@code n} and {@code noise} ignored).
     *
     * @throws InvalidParameterException naming the first setting that is not allowed
     * @throws UnknownPointsException    when {@code stored} has no points under the link's id
     */
    public static Experiment decode(Map<String, String> raw, double[] x, double[] y, PointLookup stored) {
        return decode(raw, x, y, stored, true);
    }

    /** {@link #decode}, the lanes of a race decoded alone too when {@code checkLanes} (a preset's, for a link, need not be). */
    private static Experiment decode(Map<String, String> raw, double[] x, double[] y, PointLookup stored, boolean checkLanes) {
        Map<Parameter<?>, String> explicit = new HashMap<>();
        for (Map.Entry<String, String> e : raw.entrySet()) {
            if (e.getValue() == null || e.getValue().isBlank()) continue;
            Parameter.byKey(e.getKey()).ifPresent(p -> explicit.put(p, e.getValue()));
        }
        if (explicit.containsKey(POINTS)) {
            explicit.keySet().removeAll(List.of(DATA, N, NOISE)); // the stored points replace what they describe
        }
        String presetName = PRESET.parse(explicit.getOrDefault(PRESET, PRESET.defaultText()));
        Map<Parameter<?>, String> fromPreset = presetSettings(presetName);
        Values v = new Values(explicit, fromPreset);

        Model model = Models.byName(v.get(MODEL)).orElseThrow();
        double[] init = v.get(INIT);
        if (init != null && init.length != model.parameterCount()) {
            if (explicit.containsKey(INIT)) {
                throw new InvalidParameterException("init", explicit.get(INIT),
                    model.parameterCount() + " numbers for the " + model.name() + " model (" + model.formula() + ")");
            }
            init = null;
        }

        String pointsId = v.get(POINTS);
        if (pointsId != null && (x != null || y != null)) {
            throw new InvalidParameterException(POINTS.key(), pointsId, "either points=ID or x and y, not both");
        }
        Dataset points = pointsId != null ? stored.find(pointsId).orElseThrow(() -> new UnknownPointsException(pointsId)) : customPoints(x, y);
        int n = points != null ? points.size() : v.get(N).intValue();
        int steps = v.get(STEPS).intValue();
        int batch = v.get(BATCH).intValue();
        if (batch > n) {
            throw new InvalidParameterException("batch", Long.toString(batch), "0 (all points) or a whole number up to n = " + n);
        }
        long work = (long) steps * (batch == 0 ? n : batch);
        if (work > Limits.MAX_WORK) {
            throw new InvalidParameterException("steps", Integer.toString(steps),
                "at most " + Limits.MAX_WORK / (batch == 0 ? n : batch) + " with " + (batch == 0 ? n : batch)
                    + " points a step (steps × points a step ≤ " + Limits.MAX_WORK + ")");
        }
        Experiment e = new Experiment(presetName, model, v.get(DATA), n, v.get(NOISE), v.get(SEED), init, v.get(LR), steps, batch,
            v.get(MOMENTUM), v.get(SPEED), v.get(AUTOPLAY), points, v.get(STANDARDIZE), pointsId,
            optimizerSettings(v, explicit.containsKey(EPS) || fromPreset.containsKey(EPS)));
        String[] refused = e.hyperparameters().check();
        if (refused != null) {
            Parameter<?> p = Parameter.byKey(refused[0]).orElseThrow();
            throw new InvalidParameterException(p.key(), p.textIn(e), refused[1]);
        }
        return e.optimizer().isRace() ? checkedRace(e, work, checkLanes) : e;
    }

    /** The optimizer's settings; {@code eps} is PyTorch's default for the optimizer unless the link or preset sets one. */
    private static OptimizerSettings optimizerSettings(Values v, boolean epsGiven) {
        String optimizer = v.get(OPTIMIZER);
        double eps = epsGiven ? v.get(EPS) : Hyperparameters.defaultEps(optimizer);
        String race = v.get(RACE);
        return new OptimizerSettings(optimizer, v.get(NESTEROV), v.get(DAMPENING), v.get(WEIGHT_DECAY), v.get(BETA1), v.get(BETA2),
            eps, v.get(ALPHA), v.get(AMSGRAD), v.get(CENTERED), race.trim());
    }

    /** A race whose every lane decodes alone, its text normalised, its total work within the limit. */
    private static Experiment checkedRace(Experiment e, long workPerLane, boolean checkLanes) {
        String text = e.optimizer().race();
        java.util.List<Race.Lane> lanes = Race.parse(text);
        if (workPerLane * lanes.size() > Limits.MAX_WORK) {
            throw Race.refuse(text, 0, lanes.size() + " lanes of " + workPerLane + " point-updates each: at most "
                + Limits.MAX_WORK + " in all (fewer lanes or steps)");
        }
        OptimizerSettings o = e.optimizer();
        Experiment normal = e.withOptimizer(e.learningRate(), e.momentum(), new OptimizerSettings(o.optimizer(), o.nesterov(),
            o.dampening(), o.weightDecay(), o.beta1(), o.beta2(), o.eps(), o.alpha(), o.amsgrad(), o.centered(), Race.normalised(lanes)));
        if (checkLanes) Race.entries(normal); // each lane must be a run of its own
        return normal;
    }

    /** Each parameter's value from the layer that wins, parsed in table order so that the first bad one is named. */
    private static final class Values {
        private final Map<Parameter<?>, Object> parsed = new HashMap<>();

        Values(Map<Parameter<?>, String> explicit, Map<Parameter<?>, String> fromPreset) {
            for (Parameter<?> p : Parameter.values()) {
                String text = explicit.containsKey(p) ? explicit.get(p) : fromPreset.getOrDefault(p, p.defaultText());
                if (!text.isBlank()) parsed.put(p, p.parse(text));
            }
        }

        /** {@code p}'s value, or null when it has none (an empty {@code init}). */
        @SuppressWarnings("unchecked") // each value was put by its own parameter's parse, which returns a T
        <T> T get(Parameter<T> p) {
            return (T) parsed.get(p);
        }
    }

    /** The preset's settings by parameter, in table order. */
    public static Map<Parameter<?>, String> presetSettings(String presetName) {
        Preset preset = Presets.byName(presetName).orElseThrow(
            () -> new InvalidParameterException("preset", presetName, PRESET.domain().allowed()));
        Map<String, String> byKey = QueryStrings.parse(preset.query());
        for (String key : byKey.keySet()) {
            if (Parameter.byKey(key).isEmpty()) throw new IllegalStateException("preset " + presetName + " sets unknown " + key);
        }
        Map<Parameter<?>, String> out = new LinkedHashMap<>();
        for (Parameter<?> p : Parameter.values()) {
            if (byKey.containsKey(p.key())) out.put(p, byKey.get(p.key()));
        }
        return out;
    }

    private static Dataset customPoints(double[] x, double[] y) {
        if (x == null && y == null) return null;
        if (x == null || y == null) {
            String missing = x == null ? "x" : "y";
            throw new InvalidParameterException(missing, "", "an array of numbers as long as " + (x == null ? "y" : "x"));
        }
        String lengths = "2 to " + Limits.MAX_POINTS + " points, x and y of equal length";
        if (x.length != y.length) throw new InvalidParameterException("y", y.length + " values", lengths + " (x has " + x.length + ")");
        if (x.length < 2 || x.length > Limits.MAX_POINTS) throw new InvalidParameterException("x", x.length + " values", lengths);
        checkCoordinates("x", x);
        checkCoordinates("y", y);
        return new Dataset(x, y);
    }

    private static void checkCoordinates(String name, double[] values) {
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i]) || Math.abs(values[i]) > Limits.MAX_MAGNITUDE) {
                throw new InvalidParameterException(name, name + "[" + i + "] = " + values[i],
                    "finite numbers from " + Numbers.format(-Limits.MAX_MAGNITUDE) + " to " + Numbers.format(Limits.MAX_MAGNITUDE));
            }
        }
    }

    /** Every setting {@code e} holds, as URL text, by parameter in table order (all but {@code every}). */
    public static Map<Parameter<?>, String> settings(Experiment e) {
        Map<Parameter<?>, String> out = new LinkedHashMap<>();
        for (Parameter<?> p : Parameter.values()) {
            if (p.inExperiment()) out.put(p, p.textIn(e));
        }
        return out;
    }

    /**
     * The shortest link query for {@code e}: its preset, then each setting that differs from what the preset
     * gives, in table order; with stored points, their id stands for {@code n}. {@code decode(parse(encode(e)))}
     * equals {@code e} (for generated or stored points, given the store).
     */
    public static String encode(Experiment e) {
        // a preset's lanes are checked by the presets' tests; decoding them here would encode each lane, and so on
        Experiment base = decode(Map.of(PRESET.key(), e.preset()), null, null, PointLookup.NONE, false);
        StringJoiner query = new StringJoiner("&");
        query.add(PRESET.key() + "=" + e.preset());
        for (Parameter<?> p : Parameter.values()) {
            if (p == PRESET || !p.inExperiment() || (p == N && e.points() != null)) continue;
            String mine = p.textIn(e);
            if (!mine.equals(p.textIn(base))) query.add(p.key() + "=" + URLEncoder.encode(mine, StandardCharsets.UTF_8));
        }
        return query.toString();
    }

    /**
     * {@link #encode(Experiment)} in {@code lang}: {@code lang=} is added when it is not the language the link would
     * open in anyway (the preset's, else {@link Parameter#LANG}'s default), as the browser's {@code state.js} writes it.
     */
    public static String encode(Experiment e, String lang) {
        String base = presetSettings(e.preset()).getOrDefault(Parameter.LANG, Parameter.LANG.defaultText());
        String query = encode(e);
        return lang.equals(base) ? query : query + "&" + Parameter.LANG.key() + "=" + Parameter.LANG.parse(lang);
    }

    /**
     * The language a link asks for: its own {@code lang}, else its preset's; empty when neither says (the browser's
     * then decides). A preset that does not exist says nothing here; {@link #decode} names it.
     *
     * @throws InvalidParameterException when the link's {@code lang} has no catalogue
     */
    public static java.util.Optional<String> lang(Map<String, String> raw) {
        String given = raw.get(Parameter.LANG.key());
        if (given != null && !given.isBlank()) return java.util.Optional.of(Parameter.LANG.parse(given));
        String presetName = raw.getOrDefault(PRESET.key(), "");
        if (presetName.isBlank()) presetName = PRESET.defaultText();
        if (Presets.byName(presetName.trim()).isEmpty()) return java.util.Optional.empty();
        return java.util.Optional.ofNullable(presetSettings(presetName.trim()).get(Parameter.LANG));
    }

    /** Every setting of {@code e} by key, for the page and the JSON answers. */
    public static Map<String, String> settingsByKey(Experiment e) {
        Map<String, String> out = new LinkedHashMap<>();
        settings(e).forEach((p, text) -> out.put(p.key(), text));
        return out;
    }
}
