package org.sgdplayground.server.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.sgdplayground.data.Dataset;
import org.sgdplayground.experiment.Briefing;
import org.sgdplayground.experiment.Experiment;
import org.sgdplayground.experiment.ExperimentCodec;
import org.sgdplayground.experiment.Frame;
import org.sgdplayground.experiment.InvalidParameterException;
import org.sgdplayground.experiment.Limits;
import org.sgdplayground.experiment.Parameter;
import org.sgdplayground.experiment.PointLookup;
import org.sgdplayground.experiment.Presets;
import org.sgdplayground.experiment.Race;
import org.sgdplayground.experiment.TrainingRun;
import org.sgdplayground.json.Jackson;
import org.sgdplayground.server.json.Json;

/** {@code POST /api/train} and {@code GET /api/presets} (SPEC §3). One per app: it owns the threads that write answers. */
public final class TrainApi implements AutoCloseable {
    /**
     * Threads that write the briefings of answers, which do not depend on the run, while it trains: one a core, no
     * queue. A briefing no thread takes at once is no loss: the request's own thread writes it once training is done.
     * Idle threads end after a few seconds, so a quiet server holds none.
     */
    private final ThreadPoolExecutor partWriters = partWriters();
    private final PointLookup stored;

    /** The API, finding a body's or query's {@code points=ID} in {@code stored}. */
    public TrainApi(PointLookup stored) {
        this.stored = stored;
    }

    @Override
    public void close() {
        partWriters.shutdownNow();
    }

    /**
     * Trains the experiment in the query string and the JSON body (the body wins) and answers every kept frame; a race
     * answers each lane's ({@code lanes: [{lane, frames, outcome}]}, SPEC §8), each lane the experiment run alone.
     */
    public void train(Context ctx) throws IOException {
        Map<String, String> raw = new HashMap<>();
        ctx.queryParamMap().forEach((k, v) -> raw.put(k, v.isEmpty() ? "" : v.get(0)));
        byte[] body = readBody(ctx);
        if (body == null) return;
        double[] x = null, y = null;
        if (body.length > 0) {
            JsonNode json;
            try {
                json = Jackson.MAPPER.readTree(body);
            } catch (JsonProcessingException e) {
                fail(ctx, 400, "the body is not valid JSON: " + e.getOriginalMessage());
                return;
            }
            if (json != null && !json.isObject()) {
                fail(ctx, 400, "the body must be a JSON object of settings, e.g. {\"lr\": 0.1}");
                return;
            }
            if (json != null) {
                readSettings((ObjectNode) json, raw);
                x = numbers(json.get("x"), "x");
                y = numbers(json.get("y"), "y");
            }
        }
        Experiment experiment = ExperimentCodec.decode(raw, x, y, stored);
        int every = raw.containsKey("every") && !raw.get("every").isBlank()
            ? ((Long) Parameter.EVERY.parse(raw.get("every"))).intValue() : 1;
        List<Race.Entry> lanes = experiment.optimizer().isRace() ? Race.entries(experiment) : List.of();
        int kept = experiment.steps() / every + 1 + (experiment.steps() % every == 0 ? 0 : 1);
        int runs = Math.max(1, lanes.size());
        if ((long) kept * runs > Limits.MAX_RESPONSE_FRAMES) {
            throw new InvalidParameterException("every", Integer.toString(every), "at least "
                + (int) Math.ceil(experiment.steps() / (double) (Limits.MAX_RESPONSE_FRAMES / runs - 2))
                + " for " + experiment.steps() + " steps" + (runs > 1 ? " in each of " + runs + " lanes" : "")
                + " (an answer carries at most " + Limits.MAX_RESPONSE_FRAMES + " frames)");
        }

        Dataset points = experiment.dataset();
        // The briefing (settings, points, optimum, surface) does not depend on the run: another core works it out and
        // writes it while this one trains. If no core took it, this thread does so after training (run() below).
        FutureTask<TrainAnswerWriter> answer = new FutureTask<>(() -> TrainAnswerWriter.begin(Briefing.of(experiment, points), kept * runs));
        partWriters.execute(answer);
        if (lanes.isEmpty()) {
            TrainingRun run = new TrainingRun(experiment, points);
            List<Frame> frames = keptFrames(run, every, kept);
            answer.run(); // does nothing once a writer has started it
            send(ctx, joined(answer).finish(frames, run.outcome()));
            return;
        }
        List<TrainAnswerWriter.LaneResult> results = new ArrayList<>();
        for (Race.Entry lane : lanes) {
            TrainingRun run = new TrainingRun(lane.experiment(), points);
            results.add(new TrainAnswerWriter.LaneResult(lane.label(), keptFrames(run, every, kept), run.outcome()));
        }
        answer.run();
        send(ctx, joined(answer).finishLanes(results));
    }

    /** Every {@code every}-th frame of the run, and always its last. */
    private static List<Frame> keptFrames(TrainingRun run, int every, int kept) {
        List<Frame> frames = new ArrayList<>(kept);
        Frame previous = null;
        for (Frame f = run.next(); f != null; f = run.next()) {
            if (f.iter() % every == 0) frames.add(f);
            previous = f;
        }
        if (previous != null && previous.iter() % every != 0) frames.add(previous);
        return frames;
    }

    /**
     * Sends the answer, written whole before the first byte goes out. Through Javalin's stream, which compresses for a
     * client that asks; to one that does not, the length goes ahead (nothing to negotiate), so the answer goes out as
     * it is instead of in chunks.
     */
    private static void send(Context ctx, TrainAnswerWriter answer) throws IOException {
        ctx.contentType(ContentType.APPLICATION_JSON);
        String encodings = ctx.header("Accept-Encoding");
        if (encodings == null || encodings.isBlank()) ctx.res().setContentLengthLong(answer.size());
        answer.writeTo(ctx.outputStream());
    }

    private static ThreadPoolExecutor partWriters() {
        int threads = Runtime.getRuntime().availableProcessors();
        AtomicInteger count = new AtomicInteger();
        // a SynchronousQueue hands a part to an idle thread or to none; refused, the request's thread writes it itself
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 5, TimeUnit.SECONDS, new SynchronousQueue<>(),
            task -> {
                Thread t = new Thread(task, "answer-part-" + count.incrementAndGet());
                t.setDaemon(true);
                return t;
            }, new ThreadPoolExecutor.DiscardPolicy());
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    private static <T> T joined(FutureTask<T> task) throws IOException {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while writing the answer", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) throw io;
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw new IllegalStateException(e.getCause());
        }
    }

    /** The body, or null after answering 413 when it is larger than {@link Limits#MAX_BODY_BYTES}. */
    private static byte[] readBody(Context ctx) throws IOException {
        String tooLarge = "the body is larger than " + Limits.MAX_BODY_BYTES + " bytes (the limit for /api/train)";
        return RequestBody.read(ctx, () -> fail(ctx, 413, tooLarge));
    }

    /** Answers {@code {"error": message}} with {@code status}. */
    private static void fail(Context ctx, int status, String message) {
        ctx.status(status).contentType(ContentType.APPLICATION_JSON).result(Json.error(message));
    }

    /** Copies each known scalar setting of the body into {@code raw} as text; {@code init} may be an array. */
    private static void readSettings(ObjectNode json, Map<String, String> raw) {
        Iterator<Map.Entry<String, JsonNode>> fields = json.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = field.getKey();
            JsonNode value = field.getValue();
            if (Parameter.byKey(key).isEmpty() || value.isNull()) continue;
            if (value.isArray() && key.equals(Parameter.INIT.key())) {
                raw.put(key, String.join(",", textOf(value, key)));
            } else if (value.isValueNode()) {
                raw.put(key, value.asText());
            } else {
                throw new InvalidParameterException(key, value.toString(), Parameter.byKey(key).get().domain().allowed());
            }
        }
    }

    private static List<String> textOf(JsonNode array, String key) {
        List<String> out = new ArrayList<>();
        for (JsonNode item : array) {
            if (!item.isNumber()) throw new InvalidParameterException(key, array.toString(), Parameter.INIT.domain().allowed());
            out.add(item.asText());
        }
        return out;
    }

    private static double[] numbers(JsonNode node, String key) {
        if (node == null || node.isNull()) return null;
        if (!node.isArray()) throw new InvalidParameterException(key, node.toString(), "an array of numbers");
        if (node.size() > Limits.MAX_POINTS) {
            throw new InvalidParameterException(key, node.size() + " values", "at most " + Limits.MAX_POINTS + " points");
        }
        double[] out = new double[node.size()];
        for (int i = 0; i < out.length; i++) {
            JsonNode item = node.get(i);
            if (!item.isNumber()) throw new InvalidParameterException(key, key + "[" + i + "] = " + item, "an array of numbers");
            out[i] = item.asDouble();
        }
        return out;
    }

    public static void presets(Context ctx) {
        ctx.contentType(ContentType.APPLICATION_JSON).result(Json.presets(Presets.all()));
    }
}
