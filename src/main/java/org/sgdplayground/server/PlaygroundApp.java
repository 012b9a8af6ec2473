package org.sgdplayground.server;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import java.nio.file.Files;
import java.nio.file.Path;
import org.sgdplayground.experiment.InvalidParameterException;
import org.sgdplayground.experiment.Limits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the playground's web app: routes, the live socket and their shared state. Returns it unstarted. */
public final class PlaygroundApp {
    private static final Logger LOG = LoggerFactory.getLogger(PlaygroundApp.class);

    private PlaygroundApp() {}

    /** The app, serving browser code from {@code ./web} when that folder exists (no rebuild to edit JS), else from the jar. */
    public static Javalin create() {
        LiveHub hub = new LiveHub(2);
        Javalin app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.http.maxRequestSize = Limits.MAX_BODY_BYTES + 1;
            Path webDir = Path.of("web");
            if (Files.isDirectory(webDir)) {
                cfg.staticFiles.add(s -> { s.hostedPath = "/static"; s.directory = webDir.toAbsolutePath().toString(); s.location = Location.EXTERNAL; });
            } else {
                cfg.staticFiles.add(s -> { s.hostedPath = "/static"; s.directory = "/web"; s.location = Location.CLASSPATH; });
            }
            cfg.jetty.modifyWebSocketServletFactory(f -> f.setMaxTextMessageSize(4L * Limits.MAX_MESSAGE_BYTES));

            cfg.routes.before(ctx -> {
                ctx.header("X-Content-Type-Options", "nosniff");
                ctx.header("Referrer-Policy", "strict-origin-when-cross-origin");
            });
            cfg.routes.get("/healthz", ctx -> ctx.result("ok"));
            cfg.routes.get("/api/presets", TrainApi::presets);
            cfg.routes.post("/api/train", TrainApi::train);
            Pages.register(cfg.routes);
            cfg.routes.ws("/ws", ws -> LiveSocket.configure(ws, hub));

            cfg.routes.exception(InvalidParameterException.class, (e, ctx) -> ctx.status(400).json(Json.error(e)));
            cfg.routes.exception(Exception.class, (e, ctx) -> internalError(e, ctx));
            cfg.events.serverStopped(hub::close);
        });
        return app;
    }

    private static void internalError(Exception e, Context ctx) {
        LOG.error("unexpected failure on {} {}", ctx.method(), ctx.path(), e);
        ctx.status(500).json(Json.error("something went wrong on our side; it is logged"));
    }
}
