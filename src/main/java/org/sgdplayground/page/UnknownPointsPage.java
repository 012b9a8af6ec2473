package org.sgdplayground.page;

import static j2html.TagCreator.*;

import org.sgdplayground.assets.AssetUrls;
import org.sgdplayground.experiment.UnknownPointsException;

/**
 * The 404 page for a link whose {@code points=ID} names no stored points (SPEC §6): says so, shows the id (escaped,
 * like every value from a link), and offers the same experiment on generated points and the default experiment.
 */
public final class UnknownPointsPage {
    private UnknownPointsPage() {}

    /** The page; {@code withoutPointsHref} is the same link without {@code points}. */
    public static String render(UnknownPointsException e, String withoutPointsHref) {
        return render(e, withoutPointsHref, AssetUrls.UNHASHED);
    }

    /** The page, its stylesheet linked at {@code assets}' address. */
    public static String render(UnknownPointsException e, String withoutPointsHref, AssetUrls assets) {
        return Layout.document(assets, "SGD Playground: no points under that link", "error", null, null, null,
            main(
                h1("No points are stored under that link"),
                p(text("The link asks for the points "), code(e.value()).withClass("bad-value"),
                    text(", but this server has no points stored under that id.")),
                p("Points live in the store of the server they were saved on: a link may have been cut short on its way to you, "
                    + "or made on another server."),
                ul(
                    li(a("Open the same experiment on generated points").withHref(withoutPointsHref)),
                    li(a("Open the default experiment").withHref("/"))
                )
            ).withClass("error-page")
        );
    }
}
