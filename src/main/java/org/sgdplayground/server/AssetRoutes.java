package org.sgdplayground.server;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Optional;
import org.sgdplayground.assets.AssetGraph;
import org.sgdplayground.assets.AssetLimits;
import org.sgdplayground.assets.ServedAssets;
import org.sgdplayground.http.Weighted;

/**
 * {@code GET /assets/{name.HASH.ext}}: the browser files under content-hashed names, cached by browsers for a year
 * and never asked for again. A name whose hash is not the current one (a page rendered by a server one deploy
 * older or newer, behind the same balancer) gets the current file, not to be cached; an unknown name gets 404.
 * The plain {@code /static/} addresses keep working beside these, revalidated on every visit, for embeds and
 * scripts in the wild.
 */
final class AssetRoutes {
    private AssetRoutes() {}

    static final String IMMUTABLE = "public, max-age=" + AssetLimits.IMMUTABLE_MAX_AGE_SECONDS + ", immutable";

    static void register(RoutesConfig routes, ServedAssets assets) {
        routes.get(AssetGraph.PREFIX + "{file}", ctx -> serve(ctx, assets));
    }

    private static void serve(Context ctx, ServedAssets assets) {
        String file = ctx.pathParam("file");
        Optional<AssetGraph> graph = assets.graph();
        Optional<AssetGraph.Asset> exact = graph.flatMap(g -> g.byHashedName(file));
        Optional<AssetGraph.Asset> asset = exact.or(() -> graph.flatMap(g -> g.byName(AssetGraph.sourceName(file)))
            .filter(a -> !AssetGraph.sourceName(file).equals(file)));
        if (asset.isEmpty()) {
            ctx.status(404).contentType("text/plain; charset=utf-8").result("no such file: " + file);
            return;
        }
        ctx.header("Cache-Control", exact.isPresent() ? IMMUTABLE : "no-cache");
        ctx.contentType(asset.get().contentType());
        send(ctx, asset.get().body(), asset.get().gzipped().get());
    }

    /**
     * Answers {@code plain}, or {@code gzipped} (made once and kept, where there is one) to a client that takes gzip,
     * saying that the answer varies with {@code Accept-Encoding} and, whenever there is a choice, its length: Jetty
     * would send a body past its 64 KB output buffer ({@link PlaygroundApp#WHOLE_ANSWER_BYTES}) chunked. The hashed
     * files and the kept pages both answer through here.
     */
    static void send(Context ctx, byte[] plain, Optional<byte[]> gzipped) {
        if (gzipped.isEmpty()) {
            ctx.result(plain); // too small to gain: Javalin leaves it as it is too
            return;
        }
        ctx.res().addHeader("Vary", "Accept-Encoding"); // added: a page's answer also varies with its cookie
        if (acceptsGzip(ctx.header("Accept-Encoding"))) {
            ctx.header("Content-Encoding", "gzip"); // Javalin compresses no answer that says its encoding
            ctx.header("Content-Length", Integer.toString(gzipped.get().length)).result(gzipped.get());
        } else {
            ctx.disableCompression(); // Javalin reads the header its own way, and might gzip what q=0 refused
            ctx.header("Content-Length", Integer.toString(plain.length)).result(plain);
        }
    }

    /** Whether an {@code Accept-Encoding} header takes gzip: named (or {@code *}) and not refused by {@code q=0} (RFC 9110 §12.5.3). */
    static boolean acceptsGzip(String acceptEncoding) {
        boolean named = false, star = false;
        for (Weighted coding : Weighted.parse(acceptEncoding)) {
            if (coding.value().equals("gzip") || coding.value().equals("x-gzip")) {
                if (coding.q() == 0) return false;
                named = true;
            } else if (coding.value().equals("*")) {
                star = coding.q() > 0;
            }
        }
        return named || star;
    }
}
