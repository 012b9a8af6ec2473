package org.sgdplayground.server;

import org.sgdplayground.server.api.AnalyseApi;
import org.sgdplayground.server.api.PictureApi;
import org.sgdplayground.server.api.PointsApi;
import org.sgdplayground.server.api.TrainApi;
import org.sgdplayground.server.json.Json;
import org.sgdplayground.server.live.ClientAddresses;
import org.sgdplayground.server.live.LiveHub;
import org.sgdplayground.server.live.LiveLimits;
import org.sgdplayground.server.live.LiveSocket;

import io.javalin.Javalin;
import io.javalin.http.ContentType;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.component.LifeCycle;
import org.sgdplayground.experiment.InvalidParameterException;
import org.sgdplayground.experiment.Limits;
import org.sgdplayground.assets.ServedAssets;
import org.sgdplayground.page.PageAssets;
import org.sgdplayground.json.Jackson;
import org.sgdplayground.store.PointStore;
import org.sgdplayground.store.StoreLimits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the playground's web app: routes, the live socket and their shared state. Returns it unstarted. */
public final class PlaygroundApp {
    private static final Logger LOG = LoggerFactory.getLogger(PlaygroundApp.class);

    private PlaygroundApp() {}

    /** Ticker threads pacing the live sessions: one per core of the small box it is meant for. */
    static final int TICKER_THREADS = 2;

    /** The app, serving browser code from {@code ./web} when that folder exists (no rebuild to edit JS), else from the jar. */
    public static Javalin create() {
        return create(PointStore.NONE, StoreLimits.DEFAULT);
    }

    /** The app around a point store, which it closes when it stops (Main opens one from the environment). */
    public static Javalin create(PointStore store, StoreLimits storeLimits) {
        return create(new LiveHub(LiveLimits.DEFAULT, TICKER_THREADS, store), store, storeLimits);
    }

    /**
     * The app around a given hub (tests pass one with small limits and read its counts). Stopping the app first
     * tells every live client the server is restarting, then closes the hub.
     */
    public static Javalin create(LiveHub hub) {
        return create(hub, PointStore.NONE, StoreLimits.DEFAULT);
    }

    /** The app around a given hub and point store; the hub should find links' points in the same store. */
    public static Javalin create(LiveHub hub, PointStore store, StoreLimits storeLimits) {
        return create(hub, store, storeLimits, ServedAssets.forApp(PageAssets.ROOTS));
    }

    /** The app with its browser files served and linked as {@code assets} says (the benchmarks compare unhashed ones). */
    public static Javalin create(LiveHub hub, PointStore store, StoreLimits storeLimits, ServedAssets assets) {
        return create(hub, store, storeLimits, assets, ClientAddresses.fromEnvironment(System.getenv()));
    }

    /**
     * The app, with each request's client named by {@code clients} (the peer, or behind a trusted balancer the
     * address it forwards) for the limits per address.
     */
    public static Javalin create(LiveHub hub, PointStore store, StoreLimits storeLimits, ServedAssets assets, ClientAddresses clients) {
        assets.graph().ifPresent(g -> g.notBundled().forEach((root, why) ->
            LOG.warn("{} and its modules are served one by one, not bundled: {}", root, why)));
        TrainApi trainApi = new TrainApi(store);
        PointsApi pointsApi = new PointsApi(store, storeLimits);
        Javalin app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.jsonMapper(new JavalinJackson(Jackson.MAPPER, false)); // the app's one mapper for ctx.json too
            cfg.http.maxRequestSize = Limits.MAX_BODY_BYTES + 1;
            Path webDir = Path.of("web");
            if (Files.isDirectory(webDir)) {
                cfg.staticFiles.add(s -> { s.hostedPath = "/static"; s.directory = webDir.toAbsolutePath().toString(); s.location = Location.EXTERNAL; });
            } else if (PlaygroundApp.class.getResource("/web") != null) { // absent in a build without browser code
                cfg.staticFiles.add(s -> { s.hostedPath = "/static"; s.directory = "/web"; s.location = Location.CLASSPATH; });
            }
            cfg.contextResolver.ip = ctx -> clients.of(ctx.req());
            cfg.jetty.modifyServletContextHandler(context -> LiveSocket.mount(context, hub, clients));
            cfg.jetty.modifyServer(server -> {
                server.setStopTimeout(STOP_TIMEOUT_MILLIS);
                acceptBacklog(server, hub.limits().acceptBacklog());
            });

            answerHeadAsGet(cfg);
            cfg.routes.before(ctx -> {
                ctx.header("X-Content-Type-Options", "nosniff");
                ctx.header("Referrer-Policy", "strict-origin-when-cross-origin");
            });
            cfg.routes.get("/healthz", ctx -> {
                if (hub.stopping()) ctx.status(503).result("stopping");
                else if (hub.warming()) ctx.status(503).result("warming");
                else ctx.result(store.trouble().map(t -> "ok; " + t).orElse("ok")); // still 200: live runs need no store
            });
            cfg.routes.get("/api/presets", TrainApi::presets);
            cfg.routes.post("/api/train", trainApi::train);
            cfg.routes.post("/api/analyse", new AnalyseApi(store)::analyse);
            pointsApi.register(cfg.routes);
            new PictureApi(store).register(cfg.routes); // /export/plot.png, run.gif, replay.html
            Pages.register(cfg.routes, store, assets, new RecentPages(PageLimits.MAX_CACHED_PAGE_BYTES), hub::firstMessages);
            AssetRoutes.register(cfg.routes, assets);
            ExportRoutes.register(cfg.routes, store);

            cfg.routes.exception(InvalidParameterException.class, (e, ctx) -> ctx.status(400).contentType(ContentType.APPLICATION_JSON).result(Json.error(e)));
            cfg.routes.exception(Exception.class, (e, ctx) -> internalError(e, ctx));
            cfg.events.serverStopping(hub::shutdown);
            cfg.events.serverStopped(hub::close);
            cfg.events.serverStopped(trainApi::close);
            cfg.events.serverStopped(store::close);
        });
        return app;
    }

    /**
     * Answers HEAD on every GET route, added now or later, by the GET handler itself, so HEAD gets the same status
     * and headers (a bad parameter the same 400) and Jetty sends no body. Javalin alone answers such a HEAD
     * {@code 200 text/plain}, empty, without running the handler. Answers up to {@link #WHOLE_ANSWER_BYTES} (the
     * pages, the small JSON) are held whole until done, so both carry a {@code Content-Length}, as link checkers want.
     */
    /** The largest answer sent whole, with its length: the full page (36 KB with every panel) with room to grow. */
    static final int WHOLE_ANSWER_BYTES = 64 * 1024;

    private static void answerHeadAsGet(JavalinConfig cfg) {
        cfg.events.handlerAdded(route -> {
            if (route.getHttpMethod() == HandlerType.GET) cfg.routes.head(route.getPath(), route.getHandler());
        });
        cfg.jetty.modifyHttpConfiguration(http -> {
            http.setOutputBufferSize(WHOLE_ANSWER_BYTES);
            http.setOutputAggregationSize(WHOLE_ANSWER_BYTES);
        });
    }

    /**
     * Sets the listen backlog of every connector the server opens. Javalin adds its connector after the server is
     * configured, so this waits for the server to start, when its connectors are known but not yet open.
     */
    public static void acceptBacklog(Server server, int backlog) {
        server.addEventListener(new LifeCycle.Listener() {
            @Override
            public void lifeCycleStarting(LifeCycle event) {
                for (Connector c : server.getConnectors()) {
                    if (c instanceof ServerConnector sc) sc.setAcceptQueueSize(backlog);
                }
            }
        });
    }

    /** What Jetty gets to finish in-flight requests once the live clients have been told; keeps a stop under 10 s. */
    private static final long STOP_TIMEOUT_MILLIS = 3000;

    private static void internalError(Exception e, Context ctx) {
        LOG.error("unexpected failure on {} {}", ctx.method(), ctx.path(), e);
        ctx.status(500).contentType(ContentType.APPLICATION_JSON).result(Json.error("something went wrong on our side; it is logged"));
    }
}
