package org.sgdplayground.page;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import j2html.tags.DomContent;
import java.util.List;
import org.sgdplayground.experiment.Domain;
import org.sgdplayground.experiment.Experiment;
import org.sgdplayground.experiment.ExperimentCodec;
import org.sgdplayground.experiment.Limits;
import org.sgdplayground.experiment.Parameter;
import org.sgdplayground.experiment.Preset;
import org.sgdplayground.experiment.Presets;
import org.sgdplayground.i18n.Messages;
import org.sgdplayground.json.Jackson;
import org.sgdplayground.model.Model;
import org.sgdplayground.model.Models;

import static j2html.TagCreator.rawHtml;
import static j2html.TagCreator.script;

/**
 * What the browser needs before the socket opens, as a {@code <script type="application/json" id="boot">} block
 * (CSP allows it: it is never executed): the experiment's settings, the parameter table, the presets and models,
 * the page's language and the browser's words in it.
 * {@code state.js} builds links from the same table the codec reads.
 */
final class BootData {
    private BootData() {}

    /** The JSON block for {@code mode} ({@code page} or {@code embed}) in English; {@code hidden} lists controls an embed hides. */
    static DomContent block(Experiment e, String mode, List<String> hidden) {
        return block(e, mode, hidden, null, Messages.english());
    }

    /**
     * The JSON block in {@code m}'s language: {@code lang}, {@code messages} (every {@code web.*} text, placeholders
     * kept, for {@code web/i18n.js}), and the parameters' help and the presets' words in that language; {@code live},
     * when not null, is the socket's first messages {@code {"data":…,"frame":…}}, so the page draws the points and
     * frame 0 before its socket opens.
     */
    static DomContent block(Experiment e, String mode, List<String> hidden, String live, Messages m) {
        ObjectNode root = tree(e, mode, hidden, m);
        if (live != null) root.putRawValue("live", new RawValue(live));
        return script(rawHtml(safeForScript(written(root)))).withType("application/json").withId("boot");
    }

    /** The block's JSON tree; the offline replay ({@code export.picture.ReplayPage}) writes the same language fields. */
    static ObjectNode tree(Experiment e, String mode, List<String> hidden, Messages m) {
        ObjectNode root = Jackson.MAPPER.createObjectNode();
        root.put("mode", mode);
        language(root, m);
        root.put("query", ExperimentCodec.encode(e, m.lang()));
        root.putObject("limits").put("maxPoints", Limits.MAX_POINTS).put("minPoints", Limits.MIN_POINTS)
            .put("maxBodyBytes", Limits.MAX_BODY_BYTES);
        ObjectNode settings = root.putObject("settings");
        ExperimentCodec.settingsByKey(e).forEach(settings::put);
        settings.put(Parameter.LANG.key(), m.lang()); // not the run's, the page's: so the browser's links keep it
        ArrayNode hide = root.putArray("hide");
        hidden.forEach(hide::add);
        ArrayNode params = root.putArray("parameters");
        for (Parameter p : Parameter.values()) params.add(parameter(p, m));
        ArrayNode presets = root.putArray("presets");
        for (Preset p : Presets.all()) {
            ObjectNode node = presets.addObject();
            PresetWords words = PresetWords.of(p, m);
            node.put("name", p.name()).put("title", words.title()).put("lesson", words.lesson()).put("source", words.source());
            ObjectNode s = node.putObject("settings");
            ExperimentCodec.presetSettings(p.name()).forEach((param, value) -> s.put(param.key(), value));
        }
        ArrayNode models = root.putArray("models");
        for (Model model : Models.all()) {
            ObjectNode node = models.addObject().put("name", model.name()).put("formula", model.formula());
            ArrayNode names = node.putArray("params");
            model.parameterNames().forEach(names::add);
        }
        return root;
    }

    /** {@code "lang"} and {@code "messages"}: the page's language and every {@code web.*} text in it. */
    private static void language(ObjectNode root, Messages m) {
        root.put("lang", m.lang());
        ObjectNode messages = root.putObject("messages");
        m.withPrefix(Messages.WEB_PREFIX).forEach(messages::put);
    }

    private static ObjectNode parameter(Parameter p, Messages m) {
        ObjectNode node = Jackson.MAPPER.createObjectNode();
        node.put("key", p.key()).put("default", p.defaultText()).put("help", ParameterWords.help(p, m))
            .put("allowed", ParameterWords.allowed(p, m));
        Domain d = p.domain();
        if (d instanceof Domain.Whole w) {
            node.put("kind", "whole").put("min", w.min()).put("max", w.max());
        } else if (d instanceof Domain.Real r) {
            node.put("kind", "real").put("min", r.min()).put("max", r.max());
        } else if (d instanceof Domain.Choice c) {
            node.put("kind", "choice");
            ArrayNode options = node.putArray("options");
            c.options().forEach(options::add);
        } else if (d instanceof Domain.RealList) {
            node.put("kind", "list");
        } else if (d instanceof Domain.Token) {
            node.put("kind", "token"); // compared as text, so links keep points=ID
        } else {
            node.put("kind", "flag");
        }
        return node;
    }

    private static String written(ObjectNode root) {
        try {
            return Jackson.MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings, numbers and arrays always writes", e);
        }
    }

    /** JSON inside {@code <script>} must never contain {@code </script>} or {@code <!--}: escape every {@code <}. */
    static String safeForScript(String json) {
        return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }
}
