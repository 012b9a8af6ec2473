package org.sgdplayground.page;

import static j2html.TagCreator.*;

import j2html.tags.DomContent;
import org.sgdplayground.assets.AssetUrls;

/**
 * The one page skeleton: head (stylesheet, oEmbed discovery), the theme, a body class, the content, the page's module.
 * The browser files are linked at {@code assets}' addresses, with a preload for every module the page's module
 * imports and every sheet the stylesheet imports, so the browser fetches the whole graph in one round trip.
 */
final class Layout {
    private Layout() {}

    /**
     * A whole HTML document, its browser files at {@code assets}' addresses, its module run from the head once the
     * document is parsed.
     *
     * @param assets      the browser files' addresses
     * @param theme       the page's colours ({@code <html data-theme>})
     * @param lang        the page's language ({@code <html lang>})
     * @param title       the tab's title
     * @param bodyClass   the body's class ({@code page}, {@code embed}, {@code error})
     * @param oembedHref  the oEmbed discovery address, or null for none
     * @param preview     the link preview's tags, or null for none
     * @param module      the ES module that wires the page ({@code embed.js}), or null for none
     */
    static String document(AssetUrls assets, Theme theme, String lang, String title, String bodyClass, String oembedHref, LinkPreview preview, String module,
                           DomContent... content) {
        return document(assets, theme, lang, title, bodyClass, oembedHref, preview, module, true, content);
    }

    /**
     * The same document, but its module's script is where {@code content} puts {@link #pageScript} (the playground page:
     * right after the plot, so a bundle run as a classic script draws the first curve before the rest is parsed); the
     * head preloads it.
     */
    static String documentScriptInContent(AssetUrls assets, Theme theme, String lang, String title, String bodyClass, String oembedHref,
                                          LinkPreview preview, String module, DomContent... content) {
        return document(assets, theme, lang, title, bodyClass, oembedHref, preview, module, false, content);
    }

    /**
     * The script that runs {@code module}: a bundle (one file that imports nothing) as a classic script, run where it
     * stands while the parser waits; anything else as an ES module, run once the document is parsed.
     */
    static DomContent pageScript(AssetUrls assets, String module) {
        return assets.runsAsClassicScript(module) ? script().withSrc(assets.url(module)) : moduleScript(assets, module);
    }

    private static String document(AssetUrls assets, Theme theme, String lang, String title, String bodyClass, String oembedHref,
                                   LinkPreview preview, String module, boolean scriptInHead, DomContent... content) {
        boolean classic = module != null && !scriptInHead && assets.runsAsClassicScript(module);
        return j2html.TagCreator.document(html(
            head(
                meta().withCharset("utf-8"),
                meta().withName("viewport").withContent("width=device-width, initial-scale=1"),
                meta().withName("color-scheme").withContent("dark light"),
                title(title),
                link().withRel("stylesheet").withHref(assets.url(PageAssets.STYLESHEET)),
                each(assets.preloads(PageAssets.STYLESHEET).stream().skip(1).toList(), // the sheets it @imports
                    href -> link().withRel("preload").attr("as", "style").withHref(href)),
                link().withRel("icon").withHref(assets.url(PageAssets.ICON)).withType("image/svg+xml"),
                iff(oembedHref != null, link().withRel("alternate").withType("application/json+oembed")
                    .withHref(oembedHref == null ? "" : oembedHref).withTitle(title)),
                each(preview == null ? java.util.List.<LinkPreview.Tag>of() : preview.tags(),
                    t -> meta().attr(t.attribute(), t.key()).withContent(t.content())),
                each(module == null ? java.util.List.<String>of() : assets.preloads(module),
                    href -> classic ? link().withRel("preload").attr("as", "script").withHref(href) : link().withRel("modulepreload").withHref(href)),
                scriptInHead && module != null ? moduleScript(assets, module) : null
            ),
            body(content).withClass(bodyClass)
        ).withLang(lang).attr("data-theme", theme.attribute()));
    }

    /** {@code module} run from the head as an ES module, once the document is parsed. */
    private static DomContent moduleScript(AssetUrls assets, String module) {
        return script().withType("module").withSrc(assets.url(module));
    }
}
