package org.sgdplayground.page;

import static j2html.TagCreator.*;

import j2html.tags.DomContent;
import org.sgdplayground.i18n.Messages;

/** The one page skeleton: head (stylesheet, oEmbed discovery, theme), a body class, the content, the page's module. */
final class Layout {
    private Layout() {}

    /**
     * A whole HTML document.
     *
     * @param title       the tab's title
     * @param bodyClass   the body's class ({@code page}, {@code embed}, {@code error})
     * @param oembedHref  the oEmbed discovery address, or null for none
     * @param module      the ES module under {@code /static/} that wires the page, or null for none
     */
    static String document(String title, String bodyClass, String oembedHref, String module, DomContent... content) {
        return document(title, bodyClass, oembedHref, null, module, content);
    }

    /** {@link #document(String, String, String, String, DomContent...)} with a link preview's tags, or none when null. */
    static String document(String title, String bodyClass, String oembedHref, LinkPreview preview, String module, DomContent... content) {
        return documentIn(Messages.FALLBACK, title, bodyClass, oembedHref, preview, module, content);
    }

    /** {@link #document(String, String, String, LinkPreview, String, DomContent...)} in {@code lang} ({@code <html lang>}). */
    static String documentIn(String lang, String title, String bodyClass, String oembedHref, LinkPreview preview, String module,
                           DomContent... content) {
        return j2html.TagCreator.document(html(
            head(
                meta().withCharset("utf-8"),
                meta().withName("viewport").withContent("width=device-width, initial-scale=1"),
                meta().withName("color-scheme").withContent("dark light"),
                title(title),
                link().withRel("stylesheet").withHref("/static/style.css"),
                link().withRel("icon").withHref("/static/favicon.svg").withType("image/svg+xml"),
                iff(oembedHref != null, link().withRel("alternate").withType("application/json+oembed")
                    .withHref(oembedHref == null ? "" : oembedHref).withTitle(title)),
                each(preview == null ? java.util.List.<LinkPreview.Tag>of() : preview.tags(),
                    t -> meta().attr(t.attribute(), t.key()).withContent(t.content())),
                iff(module != null, script().withType("module").withSrc("/static/" + module))
            ),
            body(content).withClass(bodyClass)
        ).withLang(lang).attr("data-theme", "dark"));
    }
}
