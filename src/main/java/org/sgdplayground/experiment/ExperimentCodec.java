package org.sgdplayground.experiment;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.sgdplayground.data.Dataset;
import org.sgdplayground.model.Model;
import org.sgdplayground.model.Models;

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

    /**
     * An experiment from raw settings and, optionally, the caller's own points (both arrays or neither).
     *
     * @throws InvalidParameterException naming the first setting that is not allowed
     */
    public static Experiment decode(Map<String, String> raw, double[] x, double[] y) {
        Map<Parameter, String> explicit = new EnumMap<>(Parameter.class);
        for (Map.Entry<String, String> e : raw.entrySet()) {
            if (e.getValue() == null || e.getValue().isBlank()) continue;
            Parameter.byKey(e.getKey()).ifPresent(p -> explicit.put(p, e.getValue()));
        }
        String presetName = (String) Parameter.PRESET.parse(explicit.getOrDefault(Parameter.PRESET, Parameter.PRESET.defaultText()));
        Map<Parameter, String> fromPreset = presetSettings(presetName);

        Map<Parameter, Object> v = new EnumMap<>(Parameter.class);
        for (Parameter p : Parameter.values()) {
            String text = explicit.containsKey(p) ? explicit.get(p) : fromPreset.getOrDefault(p, p.defaultText());
            v.put(p, text.isBlank() ? null : p.parse(text));
        }

        Model model = Models.byName((String) v.get(Parameter.MODEL)).orElseThrow();
        double[] init = (double[]) v.get(Parameter.INIT);
        if (init != null && init.length != model.parameterCount()) {
            if (explicit.containsKey(Parameter.INIT)) {
                throw new InvalidParameterException("init", explicit.get(Parameter.INIT),
                    model.parameterCount() + " numbers for the " + model.name() + " model (" + model.formula() + ")");
            }
            init = null;
        }

        Dataset points = customPoints(x, y);
        int n = points != null ? points.size() : ((Long) v.get(Parameter.N)).intValue();
        int steps = ((Long) v.get(Parameter.STEPS)).intValue();
        int batch = ((Long) v.get(Parameter.BATCH)).intValue();
        if (batch > n) {
            throw new InvalidParameterException("batch", Long.toString(batch), "0 (all points) or a whole number up to n = " + n);
        }
        long work = (long) steps * (batch == 0 ? n : batch);
        if (work > Limits.MAX_WORK) {
            throw new InvalidParameterException("steps", Integer.toString(steps),
                "at most " + Limits.MAX_WORK / (batch == 0 ? n : batch) + " with " + (batch == 0 ? n : batch)
                    + " points a step (steps × points a step ≤ " + Limits.MAX_WORK + ")");
        }
        return new Experiment(presetName, model, (String) v.get(Parameter.DATA), n, (Double) v.get(Parameter.NOISE),
            (Long) v.get(Parameter.SEED), init, (Double) v.get(Parameter.LR), steps, batch, (Double) v.get(Parameter.MOMENTUM),
            (Double) v.get(Parameter.SPEED), (Boolean) v.get(Parameter.AUTOPLAY), points, (Boolean) v.get(Parameter.STANDARDIZE));
    }

    /** The preset's settings by parameter. */
    public static Map<Parameter, String> presetSettings(String presetName) {
        Preset preset = Presets.byName(presetName).orElseThrow(
            () -> new InvalidParameterException("preset", presetName, Parameter.PRESET.domain().allowed()));
        Map<Parameter, String> out = new EnumMap<>(Parameter.class);
        for (Map.Entry<String, String> e : QueryStrings.parse(preset.query()).entrySet()) {
            if (out.containsKey(Parameter.byKey(e.getKey()).orElse(null))) throw new IllegalStateException("preset " + presetName + " sets " + e.getKey() + " twice");
            out.put(Parameter.byKey(e.getKey()).orElseThrow(() -> new IllegalStateException("preset " + presetName + " sets unknown " + e.getKey())), e.getValue());
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

    /** Every run-defining setting of {@code e}, as URL text, by parameter (no {@code every}). */
    public static Map<Parameter, String> settings(Experiment e) {
        Map<Parameter, String> out = new EnumMap<>(Parameter.class);
        out.put(Parameter.PRESET, e.preset());
        out.put(Parameter.MODEL, e.model().name());
        out.put(Parameter.DATA, e.data());
        out.put(Parameter.N, Integer.toString(e.n()));
        out.put(Parameter.NOISE, Numbers.format(e.noise()));
        out.put(Parameter.SEED, Long.toString(e.seed()));
        out.put(Parameter.INIT, e.init() == null ? Domain.RealList.RANDOM : join(e.init()));
        out.put(Parameter.LR, Numbers.format(e.learningRate()));
        out.put(Parameter.STEPS, Integer.toString(e.steps()));
        out.put(Parameter.BATCH, Integer.toString(e.batch()));
        out.put(Parameter.MOMENTUM, Numbers.format(e.momentum()));
        out.put(Parameter.STANDARDIZE, e.standardize() ? "1" : "0");
        out.put(Parameter.SPEED, Numbers.format(e.speed()));
        out.put(Parameter.AUTOPLAY, e.autoplay() ? "1" : "0");
        return out;
    }

    /**
     * The shortest link query for {@code e}: its preset, then each setting that differs from what the preset
     * gives, in table order. {@code decode(parse(encode(e)))} equals {@code e} (for generated points).
     */
    public static String encode(Experiment e) {
        Experiment base = decode(Map.of(Parameter.PRESET.key(), e.preset()));
        Map<Parameter, String> mine = settings(e), theirs = settings(base);
        StringJoiner query = new StringJoiner("&");
        query.add(Parameter.PRESET.key() + "=" + e.preset());
        for (Parameter p : Parameter.values()) {
            if (p == Parameter.PRESET || !mine.containsKey(p) || mine.get(p).equals(theirs.get(p))) continue;
            query.add(p.key() + "=" + URLEncoder.encode(mine.get(p), StandardCharsets.UTF_8));
        }
        return query.toString();
    }

    /** Every setting of {@code e} by key, for the page and the JSON answers. */
    public static Map<String, String> settingsByKey(Experiment e) {
        Map<String, String> out = new LinkedHashMap<>();
        settings(e).forEach((p, text) -> out.put(p.key(), text));
        return out;
    }

    static String join(double[] values) {
        StringJoiner j = new StringJoiner(",");
        for (double v : values) j.add(Numbers.format(v));
        return j.toString();
    }
}
