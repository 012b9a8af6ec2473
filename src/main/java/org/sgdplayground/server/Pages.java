package org.sgdplayground.server;

import org.sgdplayground.server.json.Json;

import org.sgdplayground.assets.AssetUrls;
import org.sgdplayground.assets.ServedAssets;

import io.javalin.config.RoutesConfig;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.function.Function;
import org.sgdplayground.experiment.Experiment;
import org.sgdplayground.experiment.ExperimentCodec;
import org.sgdplayground.experiment.InvalidParameterException;
import org.sgdplayground.experiment.PointLookup;
import org.sgdplayground.experiment.UnknownPointsException;
import org.sgdplayground.i18n.Lang;
import org.sgdplayground.i18n.Messages;
import org.sgdplayground.page.EmbedPage;
import org.sgdplayground.page.ErrorPages;
import org.sgdplayground.page.LinkPreview;
import org.sgdplayground.page.OEmbed;
import org.sgdplayground.page.PlaygroundPage;
import org.sgdplayground.page.Theme;
import org.sgdplayground.page.UnknownPointsPage;

/**
 * The pages: {@code GET /} (the playground), {@code GET /embed} (the compact view any site may frame) and
 * {@code GET /oembed} (oEmbed 1.0 JSON for their links). A bad setting gets a friendly 400 page naming it.
 * Pages link the browser files at their hashed addresses and are kept once rendered ({@link RecentPages}), answered
 * with an entity tag so a repeat visit costs a 304.
 */
final class Pages {
    private Pages() {}

    /** {@code firstMessages} gives a run's first socket messages for its page's boot block, or null (see LiveHub). */
    static void register(RoutesConfig routes, PointLookup stored, ServedAssets assets, RecentPages pages,
                         Function<Experiment, String> firstMessages) {
        routes.get("/", ctx -> playground(ctx, stored, assets.urls(), pages, firstMessages));
        routes.get("/embed", ctx -> embed(ctx, stored, assets.urls(), pages, firstMessages));
        routes.get("/oembed", ctx -> oembed(ctx, stored));
        routes.error(404, "html", Pages::notFound);
    }

    /**
     * A browser that asks for an address we do not have gets a page in its language with a way to the playground;
     * an answer that already says why (unknown points, an API's JSON) is left as it is.
     */
    private static void notFound(Context ctx) {
        if (ctx.endpoints().matchedHttpEndpoint() != null || ctx.path().startsWith("/api/")) return; // a route answered 404 itself
        ctx.html(ErrorPages.notFound(language(ctx, Map.of()), theme(ctx)));
    }

    /** How a page shows an experiment: in a language and a theme, linking {@code assets}, with its run's first messages. */
    private interface Render {
        String page(Experiment e, Map<String, String> raw, LinkPreview preview, String oembedHref, AssetUrls assets, Theme theme,
                    String live, Messages m);
    }

    private static void playground(Context ctx, PointLookup stored, AssetUrls assets, RecentPages pages,
                                   Function<Experiment, String> firstMessages) {
        page(ctx, "/", PlaygroundPage.CONTENT_SECURITY_POLICY + "; frame-ancestors 'self'", stored, assets, pages, firstMessages,
            (e, raw, preview, oembedHref, urls, theme, live, m) -> PlaygroundPage.render(e, oembedHref, preview, urls, theme, live, m));
    }

    private static void embed(Context ctx, PointLookup stored, AssetUrls assets, RecentPages pages,
                              Function<Experiment, String> firstMessages) {
        page(ctx, "/embed", EmbedPage.CONTENT_SECURITY_POLICY, stored, assets, pages, firstMessages,
            (e, raw, preview, oembedHref, urls, theme, live, m) -> {
                List<String> hidden = Arrays.stream(raw.getOrDefault("hide", "").split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
                return EmbedPage.render(e, hidden, oembedHref, preview, urls, theme, live, m);
            });
    }

    /**
     * The page at {@code path} for this request's link, in its reader's language and theme, kept once rendered; a bad
     * setting gets the 400 page naming it, unknown points the 404 page, each with a link without it.
     */
    private static void page(Context ctx, String path, String contentSecurityPolicy, PointLookup stored, AssetUrls assets,
                             RecentPages pages, Function<Experiment, String> firstMessages, Render render) {
        Map<String, String> raw = query(ctx);
        Messages m = language(ctx, raw);
        Theme theme = theme(ctx);
        ctx.header("Content-Security-Policy", contentSecurityPolicy);
        try {
            send(ctx, pages.get(key(ctx, path, assets, m, theme), () -> {
                Experiment e = ExperimentCodec.decode(raw, stored);
                return render.page(e, raw, LinkPreview.of(e, origin(ctx), path, m), oembedHref(ctx, path), assets, theme,
                    firstMessages.apply(e), m);
            }));
        } catch (UnknownPointsException e) {
            ctx.status(404).html(UnknownPointsPage.render(e, path + queryWithout(raw, e.parameter()), assets, theme, m));
        } catch (InvalidParameterException e) {
            ctx.status(400).html(PlaygroundPage.badParameter(e, path + queryWithout(raw, e.parameter()), assets, theme, m));
        }
    }

    private static void oembed(Context ctx, PointLookup stored) {
        try {
            Map<String, Object> answer = OEmbed.answer(origin(ctx), ctx.queryParam("url"), ctx.queryParam("maxwidth"),
                ctx.queryParam("maxheight"), ctx.queryParam("format"), stored);
            ctx.json(answer);
        } catch (OEmbed.Refusal refusal) {
            ctx.status(refusal.status()).contentType(ContentType.APPLICATION_JSON).result(Json.error(refusal.getMessage()));
        }
    }

    /**
     * Everything a page at {@code path} is made from: this server's origin (its link preview's addresses), the query
     * string as sent (the oEmbed link repeats it; {@code points=ID} names points that never change, an id being a
     * hash of them), the browser files' addresses, the language it speaks (which may come from the request's
     * {@code Accept-Language}) and its theme (from a cookie). Only pages rendered whole are kept: a refusal or an
     * unknown id is rendered each time.
     */
    static String key(Context ctx, String path, AssetUrls assets, Messages m, Theme theme) {
        String q = ctx.queryString();
        return path + '\n' + origin(ctx) + '\n' + (q == null ? "" : q) + '\n' + assets.version() + '\n' + m.lang() + '\n'
            + theme.attribute();
    }

    /**
     * The page's colours: the reader's choice, kept in the {@link Theme#COOKIE} cookie, else dark. The answer varies
     * with the cookie, and says so.
     */
    static Theme theme(Context ctx) {
        ctx.res().addHeader("Vary", "Cookie");
        return Theme.fromCookie(ctx.cookie(Theme.COOKIE));
    }

    /**
     * The page, or 304 when the client already holds it; either way the client asks again next time ({@code no-cache}).
     * Gzipped when the client takes it, from the bytes kept with the page, as the hashed files are ({@link AssetRoutes#send}).
     */
    private static void send(Context ctx, RecentPages.Page page) {
        ctx.header("Cache-Control", "no-cache");
        ctx.header("ETag", page.etag());
        ctx.contentType(ContentType.TEXT_HTML);
        if (page.matches(ctx.header("If-None-Match"))) {
            if (page.gzipped().isPresent()) ctx.res().addHeader("Vary", "Accept-Encoding"); // as its 200 says
            ctx.status(304);
        } else {
            AssetRoutes.send(ctx, page.html(), page.gzipped());
        }
    }

    /**
     * The language a page speaks: the link's {@code lang} (or its preset's), else the browser's {@code Accept-Language}
     * (the answer then varies with it, and says so), else English. A {@code lang} we have no catalogue for is refused
     * by the codec with a 400, which speaks the browser's language.
     */
    static Messages language(Context ctx, Map<String, String> raw) {
        Optional<String> fromLink;
        try {
            fromLink = ExperimentCodec.lang(raw);
        } catch (InvalidParameterException unknownLanguage) {
            fromLink = Optional.empty();
        }
        if (fromLink.isEmpty()) ctx.res().addHeader("Vary", "Accept-Language");
        return Lang.resolve(fromLink, ctx.header("Accept-Language"));
    }

    /** The first value of each query parameter, in order. */
    static Map<String, String> query(Context ctx) {
        Map<String, String> raw = new LinkedHashMap<>();
        ctx.queryParamMap().forEach((k, v) -> raw.put(k, v.isEmpty() ? "" : v.get(0)));
        return raw;
    }

    /** This server's origin as the browser sees it, e.g. {@code https://sgd.example}. */
    static String origin(Context ctx) {
        return ctx.scheme() + "://" + ctx.host();
    }

    /** The oEmbed discovery address for the page at {@code path} with this request's query. */
    private static String oembedHref(Context ctx, String path) {
        String q = ctx.queryString();
        String url = origin(ctx) + path + (q == null || q.isEmpty() ? "" : "?" + q);
        return origin(ctx) + "/oembed?format=json&url=" + encode(url);
    }

    /** {@code ?a=1&b=2} without {@code key}, or the empty string when nothing is left. */
    static String queryWithout(Map<String, String> raw, String key) {
        StringJoiner j = new StringJoiner("&", "?", "").setEmptyValue("");
        raw.forEach((k, v) -> { if (!k.equals(key)) j.add(encode(k) + "=" + encode(v)); });
        return j.toString();
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
