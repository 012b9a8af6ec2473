package org.sgdplayground.page;

import static j2html.TagCreator.*;

import org.sgdplayground.assets.AssetUrls;
import org.sgdplayground.i18n.Messages;

/** What the error pages share, and the page for an address that is not one of ours (404), in the reader's language. */
public final class ErrorPages {
    private ErrorPages() {}

    /** The default experiment in {@code m}'s language: {@code /}, or {@code /?lang=es}. */
    static String home(Messages m) {
        return m.lang().equals(Messages.FALLBACK) ? "/" : "/?lang=" + m.lang();
    }

    /** The 404 page for a path the server does not have, in {@code theme}'s colours. */
    public static String notFound(Messages m, Theme theme) {
        return Layout.document(AssetUrls.UNHASHED, theme, m.lang(), m.text("error.notFound.title"), "error", null, null, null,
            main(
                h1(m.text("error.notFound.heading")),
                p(m.text("error.notFound.text")),
                ul(li(a(m.text("error.default")).withHref(home(m))))
            ).withClass("error-page")
        );
    }
}
