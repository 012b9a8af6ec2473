package org.sgdplayground.page;

import static j2html.TagCreator.*;

import org.sgdplayground.assets.AssetUrls;
import java.util.Map;
import org.sgdplayground.experiment.UnknownPointsException;
import org.sgdplayground.i18n.Messages;

/**
 * The 404 page for a link whose {@code points=ID} names no stored points (SPEC §6): says so, shows the id (escaped,
 * like every value from a link), and offers the same experiment on generated points and the default experiment.
 */
public final class UnknownPointsPage {
    private UnknownPointsPage() {}

    /** The page in English; {@code withoutPointsHref} is the same link without {@code points}. */
    public static String render(UnknownPointsException e, String withoutPointsHref) {
        return render(e, withoutPointsHref, AssetUrls.UNHASHED, Theme.DARK, Messages.english());
    }

    /** The page in {@code m}'s language and {@code theme}'s colours, its stylesheet at {@code assets}' address. */
    public static String render(UnknownPointsException e, String withoutPointsHref, AssetUrls assets, Theme theme, Messages m) {
        return Layout.document(assets, theme, m.lang(), m.text("error.points.title"), "error", null, null, null,
            main(
                h1(m.text("error.points.heading")),
                p(Words.rich(m, "error.points.value", Map.of("id", code(e.value()).withClass("bad-value")))),
                p(m.text("error.points.why")),
                ul(
                    li(a(m.text("error.points.generated")).withHref(withoutPointsHref)),
                    li(a(m.text("error.default")).withHref(ErrorPages.home(m)))
                )
            ).withClass("error-page")
        );
    }
}
