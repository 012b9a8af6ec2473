package org.sgdplayground.server;

import java.util.HashMap;
import java.util.Map;
import org.sgdplayground.experiment.ExperimentCodec;
import org.sgdplayground.experiment.TrainingRun;
import org.sgdplayground.model.Model;
import org.sgdplayground.model.Models;
import org.sgdplayground.store.Database;
import org.sgdplayground.store.JdbcPointStore;
import org.sgdplayground.store.PointStore;
import org.sgdplayground.store.StoreLimits;

/**
 * Starts the playground on {@code $PORT} (default 7070), its point store on {@code $DATABASE_URL} (PostgreSQL) or
 * else H2 under {@code $DATA_DIR} (default {@code ./data}), limited by {@code POINTS_MAX_SETS}, {@code POINTS_MAX_BYTES}
 * and {@code POINTS_PER_MINUTE} when set. On SIGTERM it stops taking sessions ({@code /healthz}
 * answers 503 {@code stopping}), tells each live client {@code {"type":"restarting"}} and exits within 10 s.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
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
        try {
            limits = StoreLimits.fromEnvironment(System.getenv());
            Database database = Database.fromEnvironment(System.getenv());
            store = JdbcPointStore.open(database, limits);
            System.out.println("points are stored in " + database);
        } catch (IllegalArgumentException | PointStore.Unavailable e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        var app = PlaygroundApp.create(store, limits).start(p);
        Runtime.getRuntime().addShutdownHook(new Thread(app::stop, "shutdown"));
        compileModelsAhead();
    }

    /**
     * One step of each model, so that their fused loops (Tensor#compile) are compiled in the background now rather
     * than during the first visitor's run — which would give the same frames either way, only a little slower.
     */
    private static void compileModelsAhead() {
        for (Model model : Models.all()) {
            Map<String, String> settings = new HashMap<>(Map.of("model", model.name(), "steps", "1"));
            new TrainingRun(ExperimentCodec.decode(settings)).next();
        }
    }
}
