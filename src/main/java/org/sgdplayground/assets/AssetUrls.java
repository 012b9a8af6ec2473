package org.sgdplayground.assets;

import java.util.List;

/** Where a page finds the browser files it links by name ({@code style.css}, {@code main.js}), and what to preload with them. */
public interface AssetUrls {
    /** The address of the browser file {@code name}. */
    String url(String name);

    /**
     * What a page preloads beside {@code name}: its address and those of every file it imports statically, directly or
     * not, nearest first, so the browser asks for the whole graph at once instead of one level of imports per round
     * trip. What it imports with {@code import(…)} is left out: the page loads that once the first curve is drawn.
     */
    List<String> preloads(String name);

    /**
     * Whether the module {@code name} is served as one file that imports and exports nothing (a bundle), so a page may
     * run it as a classic script where it stands, while the rest of the page is still being parsed.
     */
    default boolean runsAsClassicScript(String name) {
        return false;
    }

    /** Names this set of addresses: two sets with one version give every name the same address. */
    String version();

    /** Today's plain addresses ({@code /static/main.js}), revalidated on every visit, with nothing to preload. */
    AssetUrls UNHASHED = new AssetUrls() {
        @Override
        public String url(String name) {
            return "/static/" + name;
        }

        @Override
        public List<String> preloads(String name) {
            return List.of();
        }

        @Override
        public String version() {
            return "unhashed";
        }
    };
}
