package org.sgdplayground.page;

import static j2html.TagCreator.*;

import j2html.tags.DomContent;
import java.util.List;
import org.sgdplayground.assets.AssetUrls;
import org.sgdplayground.experiment.Experiment;
import org.sgdplayground.experiment.ExperimentCodec;
import org.sgdplayground.experiment.InvalidParameterException;

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
        return render(e, oembedHref, preview, AssetUrls.UNHASHED, null);
    }

    /** The page for {@code e}, its browser files linked at {@code assets}' addresses and its boot block carrying
     * {@code live}: the socket's first messages as JSON (none when null). */
    public static String render(Experiment e, String oembedHref, LinkPreview preview, AssetUrls assets, String live) {
        return Layout.document(assets, "SGD Playground", "page", oembedHref, preview, PageAssets.PLAYGROUND_MODULE,
            header(
                div(h1(a("SGD Playground").withHref("/")),
                    p("Watch stochastic gradient descent fit a curve, one step at a time.").withClass("tagline")),
                div(button("Light theme").withId("theme").withType("button").withClass("quiet"),
                    button("Copy link").withId("copy-link").withType("button"),
                    button("Embed").withId("embed-button").withType("button"),
                    ExportMenu.render(e)).withClass("top-actions")
            ).withClass("top"),
            main(
                section(
                    Partials.transport(),
                    div(Partials.stage(), Partials.landscape()).withClass("views"),
                    Partials.readout(e, div(dt("status"), dd("ready").withId("outcome")).withClass("outcome")),
                    Partials.announcer(),
                    Partials.strip(),
                    GraphPanel.panel(),
                    div(
                        div(h2("Loss"), canvas().withId("loss-chart").withClass("loss-chart").attr("aria-label", "loss over iterations, log scale")).withClass("panel"),
                        div(h2(text("Printed log "), small("(like the notebook)")).withId("log-title"),
                            // a log, read when visited rather than spoken line by line; focusable once it scrolls (readout.js)
                            pre().withId("log").withClass("log").attr("role", "log").attr("aria-live", "off")
                                .attr("aria-labelledby", "log-title")).withClass("panel")
                    ).withClass("charts")
                ).withClass("stage-column"),
                aside(OwnDataPanel.of(e), Controls.fullForm(e)).withClass("side")
            ).withClass("layout"),
            Partials.embedDialog(),
            footer(
                p(text("Keys: "), kbd("space"), text(" play/pause · "), kbd("→"), text(" step · "), kbd("r"), text(" reset. "),
                    text("Every setting is in the address: copy it to share this exact run.")),
                p(text("Also: "), a("the presets as JSON").withHref("/api/presets"), text(" · "),
                    code("POST /api/train"), text(" for the frames of a whole run."))
            ).withClass("bottom"),
            BootData.block(e, "page", List.of(), live)
        );
    }

    /** A friendly 400 page: which setting, its value (escaped), what is allowed, and ways out. */
    public static String badParameter(InvalidParameterException e, String withoutItHref) {
        return badParameter(e, withoutItHref, AssetUrls.UNHASHED);
    }

    /** The 400 page, its stylesheet linked at {@code assets}' address. */
    public static String badParameter(InvalidParameterException e, String withoutItHref, AssetUrls assets) {
        return Layout.document(assets, "SGD Playground: a setting we cannot use", "error", null, null, null,
            main(
                h1("That link has a setting we cannot use"),
                p(text("The setting "), code(e.parameter()), text(" has the value "), code(e.value()).withClass("bad-value"),
                    text(", which is not allowed.")),
                p(text("Allowed: "), span(e.allowed()).withClass("allowed"), text(".")),
                ul(
                    li(a("Open the same link without " + e.parameter()).withHref(withoutItHref)),
                    li(a("Open the default experiment").withHref("/"))
                )
            ).withClass("error-page")
        );
    }

    static DomContent formula(Experiment e) {
        return code(e.model().formula()).withId("formula");
    }

    static String query(Experiment e) {
        return ExperimentCodec.encode(e);
    }
}
