package org.sgdplayground.server;

import org.sgdplayground.server.json.Json;

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
import org.sgdplayground.page.UnknownPointsPage;

/**
 * The pages: {@code GET /} (the playground), {@code GET /embed} (the compact view any site may frame) and
 * {@code GET /oembed} (oEmbed 1.0 JSON for their links). A bad setting gets a friendly 400 page naming it.
 */
final class Pages {
    private Pages() {}

    static void register(RoutesConfig routes, PointLookup stored) {
        routes.get("/", ctx -> playground(ctx, stored));
        routes.get("/embed", ctx -> embed(ctx, stored));
        routes.get("/oembed", ctx -> oembed(ctx, stored));
        routes.error(404, "html", Pages::notFound);
    }

    /**
     * A browser that asks for an address we do not have gets a page in its language with a way to the playground;
     * an answer that already says why (unknown points, an API's JSON) is left as it is.
     */
    private static void notFound(Context ctx) {
        if (ctx.endpoints().matchedHttpEndpoint() != null || ctx.path().startsWith("/api/")) return; // a route answered 404 itself
        ctx.html(ErrorPages.notFound(language(ctx, Map.of())));
    }

    private static void embed(Context ctx, PointLookup stored) {
        Map<String, String> raw = query(ctx);
        Messages m = language(ctx, raw);
        ctx.header("Content-Security-Policy", EmbedPage.CONTENT_SECURITY_POLICY);
        try {
            Experiment e = ExperimentCodec.decode(raw, stored);
            List<String> hidden = Arrays.stream(raw.getOrDefault("hide", "").split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
            ctx.html(EmbedPage.render(e, hidden, oembedHref(ctx, "/embed"), LinkPreview.of(e, origin(ctx), "/embed", m), m));
        } catch (UnknownPointsException e) {
            ctx.status(404).html(UnknownPointsPage.render(e, "/embed" + queryWithout(raw, e.parameter()), m));
        } catch (InvalidParameterException e) {
            ctx.status(400).html(PlaygroundPage.badParameter(e, "/embed" + queryWithout(raw, e.parameter()), m));
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

    private static void playground(Context ctx, PointLookup stored) {
        Map<String, String> raw = query(ctx);
        Messages m = language(ctx, raw);
        ctx.header("Content-Security-Policy", PlaygroundPage.CONTENT_SECURITY_POLICY + "; frame-ancestors 'self'");
        try {
            Experiment e = ExperimentCodec.decode(raw, stored);
            ctx.html(PlaygroundPage.render(e, oembedHref(ctx, "/"), LinkPreview.of(e, origin(ctx), "/", m), m));
        } catch (UnknownPointsException e) {
            ctx.status(404).html(UnknownPointsPage.render(e, "/" + queryWithout(raw, e.parameter()), m));
        } catch (InvalidParameterException e) {
            ctx.status(400).html(PlaygroundPage.badParameter(e, "/" + queryWithout(raw, e.parameter()), m));
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
        if (fromLink.isEmpty()) ctx.header("Vary", "Accept-Language");
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
