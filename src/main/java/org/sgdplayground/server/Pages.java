package org.sgdplayground.server;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import org.sgdplayground.experiment.Experiment;
import org.sgdplayground.experiment.ExperimentCodec;
import org.sgdplayground.experiment.InvalidParameterException;
import org.sgdplayground.page.PlaygroundPage;

/** {@code GET /}: the playground page for the query's experiment, or a friendly 400 page naming the bad parameter. */
final class Pages {
    private Pages() {}

    static void register(RoutesConfig routes) {
        routes.get("/", Pages::playground);
    }

    private static void playground(Context ctx) {
        Map<String, String> raw = query(ctx);
        ctx.header("Content-Security-Policy", PlaygroundPage.CONTENT_SECURITY_POLICY + "; frame-ancestors 'self'");
        try {
            Experiment e = ExperimentCodec.decode(raw);
            ctx.html(PlaygroundPage.render(e, oembedHref(ctx, "/")));
        } catch (InvalidParameterException e) {
            ctx.status(400).html(PlaygroundPage.badParameter(e, "/" + queryWithout(raw, e.parameter())));
        }
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
