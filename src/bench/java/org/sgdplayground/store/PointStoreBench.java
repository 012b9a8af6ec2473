package org.sgdplayground.store;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.sgdplayground.server.PlaygroundApp;

/**
 * The point store's figures, H2 and PostgreSQL side by side, end to end over loopback HTTP (SPEC §6, issue #12):
 * <ul>
 *   <li>upload: {@code POST /api/points} of 100,000 new points as CSV, until the 201 (parse, hash, commit);</li>
 *   <li>link resolution: {@code GET /?points=ID} of a stored set, the page rendered from the database each time
 *       (the store's memory of recent sets off), for 1,000 and 100,000 points; and with that memory on;</li>
 *   <li>drag update: {@code POST /api/analyse} of 1,000 points as JSON (the server's part of a drag's round trip).</li>
 * </ul>
 * PostgreSQL is {@code BENCH_DATABASE_URL} or {@code TEST_DATABASE_URL} (a schema of its own, dropped after);
 * without either only H2 is measured. Arguments: {@code --reps R} timed requests a figure (default 10), after
 * {@code --warmup K} (default 5). Run: {@code mvn -Pbench test-compile exec:exec
 * -Dbench.main=org.sgdplayground.store.PointStoreBench -Dbench.args="--reps 10"}.
 */
public final class PointStoreBench {
    private PointStoreBench() {}

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    public static void main(String[] args) throws Exception {
        int reps = arg(args, "--reps", 10), warmup = arg(args, "--warmup", 5);
        List<String> rows = new ArrayList<>();
        Path dir = Files.createTempDirectory("points-bench");
        rows.add(measure("H2 (file)", Database.h2(dir), reps, warmup));
        String pg = System.getenv().getOrDefault("BENCH_DATABASE_URL", System.getenv("TEST_DATABASE_URL"));
        if (pg != null && !pg.isBlank()) {
            String schema = TestDatabases.freshPostgresSchema();
            try {
                rows.add(measure("PostgreSQL", Database.fromUrl(schema), reps, warmup));
            } finally {
                TestDatabases.dropPostgresSchema(schema);
            }
        } else {
            rows.add("PostgreSQL: not measured (set BENCH_DATABASE_URL or TEST_DATABASE_URL)");
        }
        System.out.printf(Locale.ROOT, "Point store, median ms of %d requests over loopback HTTP (after %d warm-up)%n", reps, warmup);
        System.out.printf(Locale.ROOT, "%-11s  %14s  %14s  %16s  %14s  %13s%n", "store", "upload 100k", "link 1k (db)",
            "link 100k (db)", "link 1k (mem)", "analyse 1k");
        rows.forEach(System.out::println);
    }

    private static String measure(String name, Database db, int reps, int warmup) throws Exception {
        StoreLimits uncached = new StoreLimits(1_000_000, 1L << 34, 1_000_000, 0);
        double upload, link1k, link100k, linkMem, analyse;
        try (PointStore store = JdbcPointStore.open(db, uncached)) {
            Javalin app = PlaygroundApp.create(store, uncached).start("127.0.0.1", 0);
            try {
                String base = "http://127.0.0.1:" + app.port();
                int[] k = {0};
                upload = median(reps, warmup, () -> expect(201, post(base + "/api/points", "text/csv", csv(100_000, k[0]++))));
                String small = id(post(base + "/api/points", "text/csv", csv(1_000, -1)));
                String big = id(post(base + "/api/points", "text/csv", csv(100_000, -2)));
                link1k = median(reps, warmup, () -> expect(200, get(base + "/?points=" + small)));
                link100k = median(reps, warmup, () -> expect(200, get(base + "/?points=" + big)));
                String json = json(1_000);
                analyse = median(reps, warmup, () -> expect(200, post(base + "/api/analyse", "application/json", json)));
            } finally {
                app.stop();
            }
        }
        StoreLimits cached = new StoreLimits(1_000_000, 1L << 34, 1_000_000, 1_000_000);
        try (PointStore store = JdbcPointStore.open(db, cached)) {
            Javalin app = PlaygroundApp.create(store, cached).start("127.0.0.1", 0);
            try {
                String base = "http://127.0.0.1:" + app.port();
                String small = id(post(base + "/api/points", "text/csv", csv(1_000, -1)));
                linkMem = median(reps, warmup, () -> expect(200, get(base + "/?points=" + small)));
            } finally {
                app.stop();
            }
        }
        return String.format(Locale.ROOT, "%-11s  %14.1f  %14.1f  %16.1f  %14.1f  %13.1f", name, upload, link1k, link100k, linkMem, analyse);
    }

    /** {@code n} points of set {@code k}, distinct for each k, as {@code x,y} rows. */
    private static String csv(int n, int k) {
        StringBuilder b = new StringBuilder(n * 40).append("x,y\n");
        for (int i = 0; i < n; i++) b.append(i * 0.001 + k).append(',').append(Math.sin(i + 17.0 * k)).append('\n');
        return b.toString();
    }

    private static String json(int n) {
        StringBuilder x = new StringBuilder("{\"model\":\"quadratic\",\"x\":["), y = new StringBuilder("],\"y\":[");
        for (int i = 0; i < n; i++) {
            x.append(i > 0 ? "," : "").append(i * 0.01);
            y.append(i > 0 ? "," : "").append(Math.cos(i));
        }
        return x.append(y).append("]}").toString();
    }

    private static HttpResponse<String> post(String url, String type, String body) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", type)
            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String id(HttpResponse<String> r) {
        expect(201, r);
        return r.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
    }

    private static HttpResponse<String> expect(int status, HttpResponse<String> r) {
        if (r.statusCode() != status) throw new IllegalStateException("expected " + status + ", got " + r.statusCode() + ": " + r.body());
        return r;
    }

    private interface Request {
        void run() throws Exception;
    }

    /** The median wall time of {@code reps} runs in ms, after {@code warmup} untimed ones. */
    private static double median(int reps, int warmup, Request r) throws Exception {
        for (int i = 0; i < warmup; i++) r.run();
        double[] ms = new double[reps];
        for (int i = 0; i < reps; i++) {
            long t = System.nanoTime();
            r.run();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        return reps % 2 == 1 ? ms[reps / 2] : (ms[reps / 2 - 1] + ms[reps / 2]) / 2;
    }

    private static int arg(String[] args, String name, int otherwise) {
        for (int i = 0; i + 1 < args.length; i++) if (args[i].equals(name)) return Integer.parseInt(args[i + 1]);
        return otherwise;
    }
}
