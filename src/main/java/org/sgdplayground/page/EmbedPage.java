package org.sgdplayground.page;

import static j2html.TagCreator.*;

import java.util.List;
import org.sgdplayground.assets.AssetUrls;
import org.sgdplayground.experiment.Experiment;
import org.sgdplayground.experiment.Presets;
import org.sgdplayground.i18n.Messages;

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
        return render(e, hidden, oembedHref, preview, AssetUrls.UNHASHED, Theme.DARK, null, Messages.english());
    }

    /**
     * The embed for {@code e} in {@code m}'s language and {@code theme}'s colours, its browser files linked at
     * {@code assets}' addresses and its boot block carrying {@code live}: the socket's first messages as JSON (none
     * when null).
     */
    public static String render(Experiment e, List<String> hidden, String oembedHref, LinkPreview preview, AssetUrls assets,
                                Theme theme, String live, Messages m) {
        String title = m.text("site.titled", "title", PresetWords.of(Presets.byName(e.preset()).orElse(Presets.defaultPreset()), m).title());
        return Layout.document(assets, theme, m.lang(), title, "embed", oembedHref, preview, PageAssets.EMBED_MODULE,
            main(
                div(
                    button(m.text("transport.play")).withId("play").withType("button").withClass("primary").attr("aria-pressed", "false"),
                    hidden.contains("step") ? null : button(m.text("transport.step")).withId("step").withType("button"),
                    hidden.contains("reset") ? null : button(m.text("transport.reset")).withId("reset").withType("button"),
                    Controls.slimForm(e, hidden, m)
                ).withClass("strip"),
                Partials.stage(m),
                div(
                    Partials.readout(e, m),
                    Partials.announcer(),
                    a(m.text("embed.open")).withId("open-full").withClass("open-link")
                        .withHref("/?" + PlaygroundPage.query(e, m)).withTarget("_blank").withRel("noopener")
                ).withClass("embed-footer")
            ).withClass("embed-root"), // a main landmark: a screen reader can jump to it (axe's "bypass")
            BootData.block(e, "embed", hidden, live, m)
        );
    }
}
