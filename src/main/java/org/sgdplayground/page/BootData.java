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
import org.sgdplayground.json.Jackson;
import org.sgdplayground.model.Model;
import org.sgdplayground.model.Models;

import static j2html.TagCreator.rawHtml;
import static j2html.TagCreator.script;

/**
 * What the browser needs before the socket opens, as a {@code <script type="application/json" id="boot">} block
 * (CSP allows it: it is never executed): the experiment's settings, the parameter table, the presets and models.
 * {@code state.js} builds links from the same table the codec reads.
 */
final class BootData {
    private BootData() {}

    /**
     * The JSON block for {@code mode} ({@code page} or {@code embed}); {@code hidden} lists controls an embed hides;
     * {@code live}, when not null, is the socket's first messages {@code {"data":…,"frame":…}}, so the page draws the
     * points and frame 0 before its socket opens.
     */
    static DomContent block(Experiment e, String mode, List<String> hidden, String live) {
        ObjectNode root = Jackson.MAPPER.createObjectNode();
        root.put("mode", mode);
        root.put("query", ExperimentCodec.encode(e));
        root.putObject("limits").put("maxPoints", Limits.MAX_POINTS).put("minPoints", Limits.MIN_POINTS)
            .put("maxBodyBytes", Limits.MAX_BODY_BYTES);
        ObjectNode settings = root.putObject("settings");
        ExperimentCodec.settingsByKey(e).forEach(settings::put);
        ArrayNode hide = root.putArray("hide");
        hidden.forEach(hide::add);
        ArrayNode params = root.putArray("parameters");
        for (Parameter p : Parameter.values()) params.add(parameter(p));
        ArrayNode presets = root.putArray("presets");
        for (Preset p : Presets.all()) {
            ObjectNode node = presets.addObject();
            node.put("name", p.name()).put("title", p.title()).put("lesson", p.lesson()).put("source", p.source());
            ObjectNode s = node.putObject("settings");
            ExperimentCodec.presetSettings(p.name()).forEach((param, value) -> s.put(param.key(), value));
        }
        ArrayNode models = root.putArray("models");
        for (Model m : Models.all()) {
            ObjectNode node = models.addObject().put("name", m.name()).put("formula", m.formula());
            ArrayNode names = node.putArray("params");
            m.parameterNames().forEach(names::add);
        }
        if (live != null) root.putRawValue("live", new RawValue(live));
        return script(rawHtml(safeForScript(written(root)))).withType("application/json").withId("boot");
    }

    private static ObjectNode parameter(Parameter p) {
        ObjectNode node = Jackson.MAPPER.createObjectNode();
        node.put("key", p.key()).put("default", p.defaultText()).put("help", p.help()).put("allowed", p.domain().allowed());
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
