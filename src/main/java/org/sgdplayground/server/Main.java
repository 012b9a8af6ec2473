package org.sgdplayground.server;

import io.javalin.Javalin;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sgdplayground.experiment.ExperimentCodec;
import org.sgdplayground.experiment.TrainingRun;
import org.sgdplayground.model.Model;
import org.sgdplayground.model.Models;
import org.sgdplayground.server.live.LiveHub;
import org.sgdplayground.server.live.LiveLimits;
import org.sgdplayground.store.Database;
import org.sgdplayground.store.JdbcPointStore;
import org.sgdplayground.store.OpeningPointStore;
import org.sgdplayground.store.PointStore;
import org.sgdplayground.store.RetryingPointStore;
import org.sgdplayground.store.StoreLimits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the playground on {@code $PORT} (default 7070), its point store on {@code $DATABASE_URL} (PostgreSQL) or
 * else H2 under {@code $DATA_DIR} (default {@code ./data}), limited by {@code POINTS_MAX_SETS}, {@code POINTS_MAX_BYTES}
 * and {@code POINTS_PER_MINUTE} when set; a database that cannot be reached at start is tried again every 2 s while the
 * server serves everything else, and {@code /healthz} says so. {@code /healthz} answers 503 {@code warming} until the
 * server has run its hot paths over its own loopback ({@link WarmUp}, as much as {@code $WARM_UP} says), then
 * {@code ok}. On SIGTERM it stops taking sessions ({@code /healthz} answers 503 {@code stopping}), lets the open ones
 * stream on while a balancer notices ({@link Drain}), then tells each live client {@code {"type":"restarting"}} and
 * exits within 10 s.
 */
public final class Main {
    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    /**
     * The argument for a start that warms up on a port of its own, for longer than a start does ({@link
     * WarmUp.Plan#TRAINING}), and exits: scripts/serve runs one so the JVM can write what it loaded to a cache that
     * later starts map instead of loading it anew (a class-data archive; on JDK 25 the AOT cache, with the profiles of
     * the methods this run made hot).
     */
    static final String WARM_UP_AND_EXIT = "--warm-up-and-exit";

    private Main() {}

    public static void main(String[] args) {
        if (args.length == 1 && args[0].equals(WARM_UP_AND_EXIT)) {
            // no store: this start only loads classes for the archive, and must not write a database where it runs
            StoreLimits none = StoreLimits.fromEnvironment(Map.of());
            start(0, PointStore.NONE, none, WarmUp.Plan.TRAINING).stop();
            System.exit(0);
        }
        String port = System.getenv().getOrDefault("PORT", "7070");
        int p;
        try {
            p = Integer.parseInt(port.trim());
        } catch (NumberFormatException e) {
            System.err.println("PORT must be a whole number from 1 to 65535, not " + port);
            System.exit(2);
            return;
        }
        PointStore store;
        StoreLimits limits;
        WarmUp.Plan plan;
        try {
            plan = WarmUp.Plan.fromEnvironment(System.getenv());
            limits = StoreLimits.fromEnvironment(System.getenv());
            Database database = Database.fromEnvironment(System.getenv());
            StoreLimits storeLimits = limits;
            // opened beside the server's start and warm-up, which need no store; ready waits for it (start below)
            store = OpeningPointStore.start(() -> {
                long began = System.nanoTime(), cpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
                // a database that is down at start does not keep the server down: it serves what needs no store
                PointStore opened = RetryingPointStore.open(() -> JdbcPointStore.open(database, storeLimits), RetryingPointStore.RETRY_EVERY);
                System.out.println("points are stored in " + database + opened.trouble().map(t -> ": " + t).orElse("")
                    + " (opened in " + Duration.ofNanos(System.nanoTime() - began).toMillis() + " ms, "
                    + Duration.ofNanos(ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu).toMillis() + " ms of CPU)");
                return opened;
            });
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        // -Dsgd.warmUpMillis sets how long the quick warm-up lasts, 0 none (to measure what it is worth, or in development)
        Long warmUpMillis = Long.getLong("sgd.warmUpMillis");
        if (warmUpMillis != null) plan = WarmUp.Plan.DEFAULT.lasting(Duration.ofMillis(warmUpMillis));
        LiveHub hub = new LiveHub(LiveLimits.DEFAULT, PlaygroundApp.TICKER_THREADS, store);
        Javalin app;
        try {
            app = start(p, hub, store, limits, plan);
        } catch (IllegalStateException e) {
            LOG.error("not starting: {}", e.getMessage(), e.getCause());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> Drain.stop(app, hub, Drain.NOTICE), "shutdown"));
    }

    /** Starts the app on {@code port} with its points in {@code store}, warmed up by {@code plan}, and returns it ready. */
    static Javalin start(int port, PointStore store, StoreLimits limits, WarmUp.Plan plan) {
        return start(port, new LiveHub(LiveLimits.DEFAULT, PlaygroundApp.TICKER_THREADS, store), store, limits, plan);
    }

    /** How long a start waits for its point store to open: past HikariCP's connection timeout, which ends a try. */
    static final Duration STORE_OPENING_LIMIT = Duration.ofSeconds(60);

    /**
     * Starts the app around {@code hub} on {@code port}, {@code /healthz} answering 503 {@code warming} while it
     * warms up by {@code plan} and {@code store} is being opened, and returns it ready.
     *
     * @throws IllegalStateException when the store could not be opened (the app is stopped again)
     */
    static Javalin start(int port, LiveHub hub, PointStore store, StoreLimits limits, WarmUp.Plan plan) {
        long began = System.nanoTime();
        List<TrainingRun> compiling = compileModelsAhead(); // javac works on its own thread while the server starts
        hub.warming(true);
        Javalin app = PlaygroundApp.create(hub, store, limits).start(port);
        if (!plan.time().isZero()) warmUp(app.port(), hub, plan, compiling);
        try {
            store.awaitOpen(STORE_OPENING_LIMIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IllegalStateException e) {
            app.stop();
            throw e;
        }
        hub.warming(false);
        LOG.info("ready {} ms after the JVM started ({} ms of it here)", ManagementFactory.getRuntimeMXBean().getUptime(),
            Duration.ofNanos(System.nanoTime() - began).toMillis());
        return app;
    }

    /** Runs the warm-up and says what it did; a server that cannot warm up (it says why) still serves, only cold. */
    private static void warmUp(int port, LiveHub hub, WarmUp.Plan plan, List<TrainingRun> compiling) {
        try {
            WarmUp.Report r = new WarmUp(port, hub, plan).run();
            boolean compiled = true;
            for (TrainingRun run : compiling) compiled &= run.awaitCompiled(Duration.ZERO);
            LOG.info("warmed up in {} ms: {} requests, {} live viewers, {} messages; JIT {}; fused loops {}", r.millis(),
                r.requests(), r.viewers(), r.messages(), r.jitSettled() ? "settled" : "still compiling",
                compiled ? "compiled" : "still compiling (runs go op by op until they are)");
        } catch (IOException e) {
            LOG.warn("the warm-up failed, so the first visitors meet a cold server: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * One step of each model, so that their fused loops (Tensor#compile) are compiled in the background now rather
     * than during the first visitor's run — which would give the same frames either way, only a little slower.
     */
    private static List<TrainingRun> compileModelsAhead() {
        List<TrainingRun> runs = new ArrayList<>();
        for (Model model : Models.all()) {
            Map<String, String> settings = new HashMap<>(Map.of("model", model.name(), "steps", "1"));
            TrainingRun run = new TrainingRun(ExperimentCodec.decode(settings));
            run.next();
            runs.add(run);
        }
        return runs;
    }
}
