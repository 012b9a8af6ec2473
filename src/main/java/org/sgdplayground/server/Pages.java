package org.sgdplayground.server;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.Map;
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
        Map<String, String> raw = new HashMap<>();
        ctx.queryParamMap().forEach((k, v) -> raw.put(k, v.isEmpty() ? "" : v.get(0)));
        ctx.header("Content-Security-Policy", PlaygroundPage.CONTENT_SECURITY_POLICY + "; frame-ancestors 'self'");
        try {
            Experiment e = ExperimentCodec.decode(raw);
            ctx.html(PlaygroundPage.render(e));
        } catch (InvalidParameterException e) {
            ctx.status(400).html(PlaygroundPage.badParameter(e));
        }
    }
}
