package org.sgdplayground.page;

import static j2html.TagCreator.*;

import java.util.List;
import org.sgdplayground.assets.AssetUrls;
import org.sgdplayground.experiment.Experiment;
import org.sgdplayground.experiment.ExperimentCodec;
import org.sgdplayground.experiment.Presets;

/**
 * The compact playground for an {@code <iframe>} in a blog post: the plot, a slim strip of controls, the loss
 * readout and a link to the full page. {@code hide} names controls to leave out ({@code model}, {@code lr},
 * {@code step}, {@code reset}).
 */
public final class EmbedPage {
    private EmbedPage() {}

    /** May be framed by any site (SPEC §3); still no inline script and no third-party origin. */
    public static final String CONTENT_SECURITY_POLICY = PlaygroundPage.CONTENT_SECURITY_POLICY + "; frame-ancestors *";

    public static String render(Experiment e, List<String> hidden, String oembedHref) {
        return render(e, hidden, oembedHref, null);
    }

    /** The embed for {@code e}, unfurling to {@code preview} when a link to it is shared (none when null). */
    public static String render(Experiment e, List<String> hidden, String oembedHref, LinkPreview preview) {
        return render(e, hidden, oembedHref, preview, AssetUrls.UNHASHED, null);
    }

    /** The embed for {@code e}, its browser files linked at {@code assets}' addresses and its boot block carrying
     * {@code live}: the socket's first messages as JSON (none when null). */
    public static String render(Experiment e, List<String> hidden, String oembedHref, LinkPreview preview, AssetUrls assets,
                                String live) {
        String title = "SGD Playground: " + Presets.byName(e.preset()).orElse(Presets.defaultPreset()).title();
        return Layout.document(assets, title, "embed", oembedHref, preview, PageAssets.EMBED_MODULE,
            main(
                div(
                    button("Play").withId("play").withType("button").withClass("primary").attr("aria-pressed", "false"),
                    hidden.contains("step") ? null : button("Step").withId("step").withType("button"),
                    hidden.contains("reset") ? null : button("Reset").withId("reset").withType("button"),
                    Controls.slimForm(e, hidden)
                ).withClass("strip"),
                Partials.stage(),
                div(
                    Partials.readout(e),
                    Partials.announcer(),
                    a("Open in playground ↗").withId("open-full").withClass("open-link")
                        .withHref("/?" + ExperimentCodec.encode(e)).withTarget("_blank").withRel("noopener")
                ).withClass("embed-footer")
            ).withClass("embed-root"), // a main landmark: a screen reader can jump to it (axe's "bypass")
            BootData.block(e, "embed", hidden, live)
        );
    }
}
