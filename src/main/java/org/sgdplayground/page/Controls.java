package org.sgdplayground.page;

import static j2html.TagCreator.*;

import j2html.tags.DomContent;
import j2html.tags.specialized.InputTag;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sgdplayground.experiment.Domain;
import org.sgdplayground.experiment.Experiment;
import org.sgdplayground.experiment.Parameter;
import org.sgdplayground.experiment.Preset;
import org.sgdplayground.experiment.Presets;
import org.sgdplayground.i18n.Messages;
import org.sgdplayground.model.Model;
import org.sgdplayground.model.Models;
import org.sgdplayground.optim.Hyperparameters;

/**
 * The experiment's form fields, generated from the {@link Parameter} table: each field's {@code name} is its URL
 * parameter, its label, fieldset and value come from its row, its limits from the parameter's domain and its
 * tooltip from its help, so the form is the query.
 */
public final class Controls {
    private Controls() {}

    /** The parameters the full page shows, by fieldset legend, in the table's page order. */
    public static final Map<String, List<Parameter<?>>> GROUPS = fieldsets();

    /** The slimmest log-slider learning rate; smaller ones can still be typed. */
    static final double LR_SLIDER_MIN_EXPONENT = -6;

    private static Map<String, List<Parameter<?>>> fieldsets() {
        Map<String, List<Parameter<?>>> groups = new LinkedHashMap<>();
        for (Parameter.Group g : Parameter.Group.values()) {
            if (!g.isFieldset()) continue;
            groups.put(g.legend(), Parameter.values().stream().filter(p -> p.group() == g)
                .sorted(Comparator.comparingInt(p -> p.place().order())).toList());
        }
        return Collections.unmodifiableMap(groups);
    }

    /** Every field of the full page in {@code m}'s language: the preset picker with its lesson, then the groups. */
    static DomContent fullForm(Experiment e, Messages m) {
        return form(
            presetPicker(e, m),
            each(List.of(Parameter.Group.values()), g -> !g.isFieldset() ? null : fieldset(
                legend(m.text("group." + g.name().toLowerCase(java.util.Locale.ROOT))),
                each(GROUPS.get(g.legend()), p -> field(p, e, m))
            ).withClass("group"))
        ).withId("controls").withClass("controls").attr("action", "/").attr("method", "get");
    }

    /** The embed's strip: only the model and the learning rate, minus the ones the link hides. */
    static DomContent slimForm(Experiment e, List<String> hidden, Messages m) {
        return form(each(List.<Parameter<?>>of(Parameter.MODEL, Parameter.LR), p ->
            hidden.contains(p.key()) ? null : field(p, e, m)
        )).withId("controls").withClass("controls slim").attr("action", "/embed").attr("method", "get");
    }

    static DomContent presetPicker(Experiment e, Messages m) {
        Preset current = Presets.byName(e.preset()).orElse(Presets.defaultPreset());
        PresetWords words = PresetWords.of(current, m);
        return div(
            label(span(ParameterWords.label(Parameter.PRESET, m)).withClass("name"), code(Parameter.PRESET.key()).withClass("key"))
                .withFor("f-preset").withClass("field-label"),
            select(each(Presets.all(), p -> option(PresetWords.of(p, m).title()).withValue(p.name()).withCondSelected(p == current)))
                .withName(Parameter.PRESET.key()).withId("f-preset").withTitle(ParameterWords.help(Parameter.PRESET, m)),
            p(words.lesson()).withId("lesson").withClass("lesson"),
            p(span(m.text("control.from") + " "), span(words.source()).withId("lesson-source")).withClass("source")
        ).withClass("field preset");
    }

    /** One form field for {@code p} holding {@code e}'s value, shaped by the parameter's domain. */
    static DomContent field(Parameter<?> p, Experiment e, Messages m) {
        String id = "f-" + p.key();
        DomContent input = inputFor(p, p.textIn(e), id, m);
        return div(
            label(span(ParameterWords.label(p, m)).withClass("name"), code(p.key()).withClass("key")).withFor(id).withClass("field-label"),
            input,
            p == Parameter.LR ? learningRateSlider(e, m) : null,
            small(ParameterWords.help(p, m)).withClass("help"),
            p == Parameter.STANDARDIZE ? p(ScalingNote.of(e, m)).withId("scaling-note").withClass("why") : null,
            p == Parameter.LR ? p().withId("lr-warning").withClass("hint warning hidden").attr("role", "status") : null,
            p == Parameter.LR ? p().withId("lr-hint").withClass("hint hidden") : null
        ).withClass("field field-" + p.key() + (Hyperparameters.takes(e.optimizer().optimizer(), p.key()) ? "" : " hidden"));
    }

    /** A log-scale slider beside the exact entry: lr spans orders of magnitude, so equal slides are equal ratios. */
    private static DomContent learningRateSlider(Experiment e, Messages m) {
        Domain.Real lr = (Domain.Real) Parameter.LR.domain();
        return div(
            input().withType("range").withId("lr-slider").withClass("slider")
                .attr("min", Double.toString(LR_SLIDER_MIN_EXPONENT)).attr("max", Double.toString(Math.log10(lr.max())))
                .attr("step", "0.01").attr("aria-label", m.text("control.lr.slider"))
                .withValue(Double.toString(clampExponent(Math.log10(e.learningRate()), lr))),
            span().withId("lr-limit-mark").withClass("limit-mark hidden").attr("aria-hidden", "true")
        ).withClass("slider-wrap");
    }

    private static double clampExponent(double exponent, Domain.Real lr) {
        return Math.max(LR_SLIDER_MIN_EXPONENT, Math.min(Math.log10(lr.max()), exponent));
    }

    private static DomContent inputFor(Parameter<?> p, String value, String id, Messages m) {
        Domain<?> d = p.domain();
        String help = ParameterWords.help(p, m);
        if (d instanceof Domain.Choice c) {
            return select(each(c.options(), o -> option(optionText(p, o, m)).withValue(o).withCondSelected(o.equals(value))))
                .withName(p.key()).withId(id).withTitle(help);
        }
        if (d instanceof Domain.Flag) {
            return select(option(m.text("control.off")).withValue("0").withCondSelected(!"1".equals(value)),
                option(m.text(p == Parameter.STANDARDIZE ? "control.standardize.on" : "control.on")).withValue("1").withCondSelected("1".equals(value)))
                .withName(p.key()).withId(id).withTitle(help);
        }
        InputTag in = j2html.TagCreator.input().withName(p.key()).withId(id).withValue(value)
            .withTitle(help + " (" + ParameterWords.allowed(p, m) + ")");
        if (d instanceof Domain.Whole w) {
            return in.withType("number").attr("min", w.min()).attr("max", w.max()).attr("step", 1).attr("inputmode", "numeric");
        }
        if (d instanceof Domain.Real r && p != Parameter.LR) {
            // the form checks the inclusive bound; the server names the exact rule when an exclusive one is broken
            return in.withType("number").attr("min", plain(r.min())).attr("max", plain(r.max())).attr("step", "any").attr("inputmode", "decimal");
        }
        // lr (1e-5 reads better as text) and init (a list)
        return in.withType("text").attr("inputmode", "decimal").attr("spellcheck", "false").attr("autocomplete", "off");
    }

    private static String optionText(Parameter<?> p, String option, Messages words) {
        if (p == Parameter.MODEL) {
            Model m = Models.byName(option).orElseThrow();
            return words.text("model." + m.name()) + ": " + m.formula();
        }
        return option;
    }

    private static String plain(double v) {
        return org.sgdplayground.experiment.Numbers.format(v);
    }
}
