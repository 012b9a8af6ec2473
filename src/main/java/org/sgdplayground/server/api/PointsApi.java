package org.sgdplayground.server.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import org.sgdplayground.data.Dataset;
import org.sgdplayground.data.PointsTable;
import org.sgdplayground.experiment.Limits;
import org.sgdplayground.experiment.UnknownPointsException;
import org.sgdplayground.store.PointIds;
import org.sgdplayground.store.PointStore;
import org.sgdplayground.store.StoreLimits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A person's own points (SPEC §6): {@code POST /api/points} stores a set sent as JSON or as a CSV/TSV table and
 * answers {@code 201 {id, n, url, created}} once it is committed; {@code GET /api/points/{id}} gives it back as
 * {@code {id, n, x, y}}, every double exactly as stored, and {@code GET /api/points/{id}.csv} as an {@code x,y} table.
 * Refusals: 400 {@code {error, parameter, line, column, value}}, 413 past the body limit, 429 with
 * {@code Retry-After} past the new sets an address may add a minute, 507 when the store's quota is reached, 404 for
 * an id nothing is stored under, 503 when the database cannot be reached. One per app.
 */
public final class PointsApi {
    private static final Logger LOG = LoggerFactory.getLogger(PointsApi.class);
    private static final PointsTable.Rules RULES = new PointsTable.Rules(Limits.MIN_POINTS, Limits.MAX_POINTS, Limits.MAX_MAGNITUDE);
    /** A set never changes under its id: caches may keep it for a year. */
    private static final String IMMUTABLE = "public, max-age=31536000, immutable";

    private final PointStore store;
    private final NewSetLimiter limiter;

    public PointsApi(PointStore store, StoreLimits limits) {
        this.store = store;
        this.limiter = new NewSetLimiter(limits.newSetsPerMinute(), System::nanoTime);
    }

    /** The routes, and the answers to a link's unknown {@code points=ID} (404) and to a store that is down (503) on every route. */
    public void register(RoutesConfig routes) {
        routes.post("/api/points", this::post);
        routes.get("/api/points/{id}", this::get);
        routes.exception(UnknownPointsException.class, (e, ctx) -> json(ctx, 404, PointsJson.refusal(e)));
        routes.exception(PointStore.Unavailable.class, (e, ctx) -> {
            LOG.warn("point store unavailable on {} {}: {}", ctx.method(), ctx.path(), e.getMessage());
            ctx.header("Retry-After", "5");
            json(ctx, 503, PointsJson.error("the point store cannot be reached just now; try again in a few seconds"));
        });
    }

    void post(Context ctx) throws IOException {
        String address = ctx.ip();
        long wait = limiter.take(address);
        boolean added = false;
        try {
            byte[] body = readBody(ctx, "/api/points");
            if (body == null) return;
            Dataset points;
            try {
                points = parse(ctx.contentType(), body, ctx.queryParam("xcol"), ctx.queryParam("ycol"));
            } catch (PointsTable.Refusal r) {
                boolean curlD = String.valueOf(ctx.contentType()).startsWith("application/x-www-form-urlencoded");
                json(ctx, 400, PointsJson.refusal(!curlD ? r : new PointsTable.Refusal(r.parameter(), r.line(), r.column(), r.value(),
                    r.getMessage() + " (sent as a form: curl -d drops line breaks; send a file with --data-binary and Content-Type: text/csv)")));
                return;
            } catch (UnsupportedType u) {
                json(ctx, 415, PointsJson.error(u.getMessage(), "parameter", "points"));
                return;
            }
            if (wait > 0 && store.find(PointIds.of(points)).isEmpty()) { // a set stored already is answered past the budget too
                ctx.header("Retry-After", Long.toString(wait));
                json(ctx, 429, PointsJson.error("at most " + limiter.perMinute() + " new point sets a minute from one address; try again in "
                    + wait + " s", "parameter", "points"));
                return;
            }
            PointStore.Saved saved;
            try {
                saved = store.save(points);
            } catch (PointStore.Full full) {
                json(ctx, 507, PointsJson.error(full.getMessage(), "parameter", "points", "reason", full.reason()));
                return;
            }
            added = saved.created();
            String url = ctx.scheme() + "://" + ctx.host() + "/?points=" + saved.id();
            ctx.header("Location", "/api/points/" + saved.id());
            json(ctx, 201, PointsJson.write(g -> {
                g.writeStartObject();
                g.writeStringField("id", saved.id());
                g.writeNumberField("n", saved.n());
                g.writeStringField("url", url);
                g.writeBooleanField("created", saved.created());
                g.writeEndObject();
            }));
        } finally {
            if (!added && wait == 0) limiter.giveBack(address);
        }
    }

    void get(Context ctx) throws IOException {
        String asked = ctx.pathParam("id");
        boolean csv = asked.endsWith(".csv");
        String id = csv ? asked.substring(0, asked.length() - 4) : asked;
        Optional<Dataset> found = PointIds.isWellFormed(id) ? store.find(id) : Optional.empty();
        if (found.isEmpty()) {
            json(ctx, 404, PointsJson.refusal(new UnknownPointsException(id)));
            return;
        }
        Dataset points = found.get();
        ctx.header("Cache-Control", IMMUTABLE);
        ctx.header("ETag", "\"" + id + (csv ? ".csv" : "") + "\"");
        if (csv) {
            ctx.contentType("text/csv; charset=utf-8");
            ctx.header("Content-Disposition", "inline; filename=\"points-" + id + ".csv\"");
            ctx.result(csv(points));
            return;
        }
        ctx.contentType("application/json");
        PointsJson.write(ctx.outputStream(), g -> {
            g.writeStartObject();
            g.writeStringField("id", id);
            g.writeNumberField("n", points.size());
            g.writeFieldName("x");
            g.writeArray(points.xs(), 0, points.size());
            g.writeFieldName("y");
            g.writeArray(points.ys(), 0, points.size());
            g.writeEndObject();
        });
    }

    /** {@code x,y} then one row a point, each double as Java writes it ({@code Double.toString}), which reads back as the same double. */
    static byte[] csv(Dataset points) {
        StringBuilder out = new StringBuilder(points.size() * 40 + 4).append("x,y\n");
        for (int i = 0; i < points.size(); i++) out.append(points.x(i)).append(',').append(points.y(i)).append('\n');
        return out.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** A set from a body: JSON for {@code application/json} (or a body that opens with {@code {}), else a CSV/TSV table. */
    static Dataset parse(String contentType, byte[] body, String xcol, String ycol) {
        String type = contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (type.startsWith("multipart/")) {
            throw new UnsupportedType("a form upload is not read: send the file's bytes as the body, with Content-Type: text/csv "
                + "(curl --data-binary @points.csv -H 'Content-Type: text/csv' …)");
        }
        boolean json = type.equals("application/json") || type.endsWith("+json") || (!type.startsWith("text/") && opensWithBrace(body));
        if (!json) return PointsTable.read(body, xcol, ycol, RULES);
        PointsJson.Body read = PointsJson.read(body);
        if (read.x() == null || read.y() == null) {
            throw new PointsTable.Refusal("points", 1, 0, "", "the body needs both \"x\" and \"y\": arrays of numbers of one length");
        }
        if (read.x().length != read.y().length) {
            throw new PointsTable.Refusal("y", 1, 0, Integer.toString(read.y().length), "x has " + read.x().length + " values but y has "
                + read.y().length + ": one y for each x");
        }
        if (read.x().length < Limits.MIN_POINTS) {
            throw new PointsTable.Refusal("points", 1, 0, Integer.toString(read.x().length), read.x().length + " point"
                + (read.x().length == 1 ? "" : "s") + ": a fit needs at least " + Limits.MIN_POINTS);
        }
        return new Dataset(read.x(), read.y());
    }

    private static boolean opensWithBrace(byte[] body) {
        for (int i = 0; i < body.length; i++) {
            int b = body[i] & 0xff;
            if (b == '{') return true;
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n' && !(i < 3 && (b == 0xef || b == 0xbb || b == 0xbf))) return false;
        }
        return false;
    }

    /** The body, or null after answering 413 when it is larger than {@link Limits#MAX_BODY_BYTES}. */
    static byte[] readBody(Context ctx, String endpoint) throws IOException {
        String tooLarge = "the body is larger than " + Limits.MAX_BODY_BYTES + " bytes (the limit for " + endpoint + ")";
        return RequestBody.read(ctx, () -> json(ctx, 413, PointsJson.error(tooLarge, "parameter", "points")));
    }

    static void json(Context ctx, int status, byte[] body) {
        ctx.status(status).contentType("application/json").result(body);
    }

    /** A body of a type that is not read here: 415. */
    static final class UnsupportedType extends IllegalArgumentException {
        UnsupportedType(String message) {
            super(message);
        }
    }
}
