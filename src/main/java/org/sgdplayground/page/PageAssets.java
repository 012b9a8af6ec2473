package org.sgdplayground.page;

import java.util.List;

/** The browser files the pages link by name: the server serves these and all they import under hashed names. */
public final class PageAssets {
    private PageAssets() {}

    public static final String STYLESHEET = "style.css", ICON = "favicon.svg", PLAYGROUND_MODULE = "main.js", EMBED_MODULE = "embed.js";

    /** Every file a page links; the rest of the browser code is what these import. */
    public static final List<String> ROOTS = List.of(STYLESHEET, ICON, PLAYGROUND_MODULE, EMBED_MODULE);
}
