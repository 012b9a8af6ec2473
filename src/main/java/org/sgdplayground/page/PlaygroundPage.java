package org.sgdplayground.page;

import static j2html.TagCreator.*;

import j2html.tags.DomContent;
import java.util.List;
import org.sgdplayground.assets.AssetUrls;
import java.util.Map;
import org.sgdplayground.experiment.Experiment;
import org.sgdplayground.experiment.ExperimentCodec;
import org.sgdplayground.experiment.InvalidParameterException;
import org.sgdplayground.experiment.Parameter;
import org.sgdplayground.i18n.Messages;

/** The full playground page (SPEC §5): the live plot, the loss chart, the readout and every control. */
public final class PlaygroundPage {
    private PlaygroundPage() {}

    /** No inline script, no third-party origin. Each page adds its own {@code frame-ancestors}. */
    public static final String CONTENT_SECURITY_POLICY =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'";

    /** The page for {@code e}; {@code oembedHref} is its oEmbed discovery address. */
    public static String render(Experiment e, String oembedHref) {
        return render(e, oembedHref, null);
    }

    /** The page for {@code e}, unfurling to {@code preview} when a link to it is shared (none when null). */
    public static String render(Experiment e, String oembedHref, LinkPreview preview) {
        return render(e, oembedHref, preview, Messages.english());
    }

    /** The page for {@code e} in {@code m}'s language. */
    public static String render(Experiment e, String oembedHref, LinkPreview preview, Messages m) {
        return render(e, oembedHref, preview, AssetUrls.UNHASHED, Theme.DARK, null, m);
    }

    /**
     * The page for {@code e} in {@code m}'s language and {@code theme}'s colours, its browser files linked at
     * {@code assets}' addresses and its boot block carrying {@code live}: the socket's first messages as JSON (none
     * when null).
     */
    public static String render(Experiment e, String oembedHref, LinkPreview preview, AssetUrls assets, Theme theme, String live,
                                Messages m) {
        // the boot block and the script right after the plot: a bundled script draws the first curve there, before the
        // browser has parsed (and has to lay out) the panels and the form below it (issue #18)
        return Layout.documentScriptInContent(assets, theme, m.lang(), m.text("site.name"), "page", oembedHref, preview, PageAssets.PLAYGROUND_MODULE,
            header(
                div(h1(a(m.text("site.name")).withHref("/")),
                    p(m.text("site.tagline")).withClass("tagline")),
                div(LanguageSwitch.of(e, m),
                    button(m.text("page.theme")).withId("theme").withType("button").withClass("quiet"),
                    button(m.text("page.copyLink")).withId("copy-link").withType("button"),
                    button(m.text("page.embed")).withId("embed-button").withType("button"),
                    ExportMenu.render(e, m)).withClass("top-actions")
            ).withClass("top"),
            main(
                section(
                    Partials.transport(m),
                    div(Partials.stage(m), BootData.block(e, "page", List.of(), live, m), Layout.pageScript(assets, PageAssets.PLAYGROUND_MODULE),
                        Partials.landscape(m)).withClass("views"),
                    Partials.readout(e, m, div(dt(m.text("readout.status")), dd(m.text("readout.ready")).withId("outcome")).withClass("outcome")),
                    Partials.announcer(),
                    Partials.strip(m),
                    GraphPanel.panel(m),
                    div(
                        div(h2(m.text("charts.loss")), canvas().withId("loss-chart").withClass("loss-chart")
                            .attr("aria-label", m.text("charts.loss.label"))).withClass("panel"),
                        div(h2(text(m.text("charts.log") + " "), small(m.text("charts.log.note"))).withId("log-title"),
                            // a log, read when visited rather than spoken line by line; focusable once it scrolls (readout.js)
                            pre().withId("log").withClass("log").attr("role", "log").attr("aria-live", "off")
                                .attr("aria-labelledby", "log-title")).withClass("panel")
                    ).withClass("charts")
                ).withClass("stage-column"),
                aside(OwnDataPanel.of(e, m), Controls.fullForm(e, m)).withClass("side")
            ).withClass("layout"),
            Partials.embedDialog(m),
            footer(
                p(text(m.text("footer.keys") + " "), kbd("space"), text(" " + m.text("footer.keys.play") + " · "), kbd("→"),
                    text(" " + m.text("footer.keys.step") + " · "), kbd("r"), text(" " + m.text("footer.keys.reset") + " "),
                    text(m.text("footer.address"))),
                p(text(m.text("footer.also") + " "), a(m.text("footer.presets")).withHref("/api/presets"), text(" · "),
                    code("POST /api/train"), text(" " + m.text("footer.train")))
            ).withClass("bottom")
        );
    }

    /** A friendly 400 page in English. */
    public static String badParameter(InvalidParameterException e, String withoutItHref) {
        return badParameter(e, withoutItHref, Messages.english());
    }

    /** A friendly 400 page in {@code m}'s language, its stylesheet at {@code assets}' address. */
    public static String badParameter(InvalidParameterException e, String withoutItHref, Messages m) {
        return badParameter(e, withoutItHref, AssetUrls.UNHASHED, Theme.DARK, m);
    }

    /**
     * A friendly 400 page in {@code m}'s language and {@code theme}'s colours: which setting, its value (escaped), what
     * is allowed, and ways out.
     */
    public static String badParameter(InvalidParameterException e, String withoutItHref, AssetUrls assets, Theme theme, Messages m) {
        return Layout.document(assets, theme, m.lang(), m.text("error.bad.title"), "error", null, null, null,
            main(
                h1(m.text("error.bad.heading")),
                p(Words.rich(m, "error.bad.value", Map.of("parameter", code(e.parameter()),
                    "value", code(e.value()).withClass("bad-value")))),
                p(Words.rich(m, "error.bad.allowed", Map.of("allowed", span(allowed(e, m)).withClass("allowed")))),
                ul(
                    li(a(m.text("error.bad.without", "parameter", e.parameter())).withHref(withoutItHref)),
                    li(a(m.text("error.default")).withHref(ErrorPages.home(m)))
                )
            ).withClass("error-page")
        );
    }

    /**
     * What the refused setting allows, in {@code m}'s language when it is the parameter's own rule; a rule that
     * depends on other settings (a batch larger than n, too many steps for the points) keeps the codec's English.
     */
    private static String allowed(InvalidParameterException e, Messages m) {
        return Parameter.byKey(e.parameter()).filter(p -> p.domain().allowed().equals(e.allowed()))
            .map(p -> ParameterWords.allowed(p, m)).orElse(e.allowed());
    }

    static DomContent formula(Experiment e) {
        return code(e.model().formula()).withId("formula");
    }

    static String query(Experiment e) {
        return ExperimentCodec.encode(e);
    }

    /** {@code e}'s link query in {@code m}'s language: {@code lang=} when the link would not open in it anyway. */
    static String query(Experiment e, Messages m) {
        return ExperimentCodec.encode(e, m.lang());
    }
}
