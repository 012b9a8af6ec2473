package org.sgdplayground.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.websocket.api.Callback;
import org.sgdplayground.data.Dataset;
import org.sgdplayground.experiment.Experiment;
import org.sgdplayground.experiment.ExperimentCodec;
import org.sgdplayground.experiment.Frame;
import org.sgdplayground.experiment.QueryStrings;
import org.sgdplayground.experiment.TrainingRun;
import org.sgdplayground.server.PlaygroundApp;
import org.sgdplayground.server.live.LiveLimits;

/**
 * The baseline the playground is measured against: the least a Javalin socket server must do to stream one run.
 * Every message of the one experiment it serves is built once, as a string, at start-up; each session then gets
 * the data message, and a fixed-rate task on a two-thread scheduler sends the next pre-built frame, skipping a
 * frame when four are already in flight. No parsing beyond a session's {@code steps} (so that warm-up rounds of a
 * few steps are as short as the playground's), no engine, no controls, no limits.
 */
final class BareServer {
    private BareServer() {}

    private static final int MAX_IN_FLIGHT = 4;

    static Javalin create(String query) {
        Experiment e = ExperimentCodec.decode(QueryStrings.parse(query));
        String data = dataMessage(e);
        List<String> messages = new ArrayList<>();
        TrainingRun run = new TrainingRun(e);
        for (Frame f = run.next(); f != null; f = run.next()) messages.add(frameMessage(f));
        messages.add("{\"type\":\"" + run.outcome().kind().wireName() + "\",\"iter\":" + run.outcome().iter() + "}");
        String[] fullTape = messages.toArray(new String[0]);
        long periodNanos = (long) (1e9 / e.speed());

        AtomicInteger threads = new AtomicInteger();
        ScheduledThreadPoolExecutor ticker = new ScheduledThreadPoolExecutor(2, r -> {
            Thread t = new Thread(r, "bare-ticker-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        ticker.setRemoveOnCancelPolicy(true);
        String futureKey = "future";
        return Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            // the same listen backlog as the playground: a kernel setting, not a design, so no one is measured on it
            cfg.jetty.modifyServer(server -> PlaygroundApp.acceptBacklog(server, LiveLimits.ACCEPT_BACKLOG));
            cfg.routes.get("/healthz", ctx -> ctx.result("ok"));
            cfg.routes.ws("/ws", ws -> {
                ws.onConnect(ctx -> {
                    String[] tape = shortened(fullTape, ctx.queryParam("steps"), e.steps());
                    AtomicInteger inFlight = new AtomicInteger();
                    AtomicInteger next = new AtomicInteger(1);
                    Callback written = Callback.from(inFlight::decrementAndGet, x -> inFlight.decrementAndGet());
                    ctx.session.sendText(data, Callback.NOOP);
                    ctx.session.sendText(tape[0], Callback.NOOP);
                    ScheduledFuture<?>[] self = new ScheduledFuture<?>[1];
                    self[0] = ticker.scheduleAtFixedRate(() -> {
                        int i = next.getAndIncrement();
                        if (i >= tape.length) {
                            self[0].cancel(false);
                            return;
                        }
                        if (inFlight.get() >= MAX_IN_FLIGHT && i < tape.length - 1) return; // skip: coalesce
                        inFlight.incrementAndGet();
                        ctx.session.sendText(tape[i], written);
                    }, periodNanos, periodNanos, TimeUnit.NANOSECONDS);
                    ctx.attribute(futureKey, self);
                });
                ws.onClose(ctx -> cancel(ctx.attribute(futureKey)));
                ws.onError(ctx -> cancel(ctx.attribute(futureKey)));
            });
            cfg.events.serverStopped(ticker::shutdownNow);
        });
    }

    /**
     * The tape cut to a session's own {@code steps} when it asks for fewer (the load generator's warm-up rounds do):
     * frames 0 … steps, then {@code done}. Anything else gets the whole run; the baseline validates nothing.
     */
    private static String[] shortened(String[] tape, String steps, int allSteps) {
        int asked;
        try {
            asked = steps == null ? allSteps : Integer.parseInt(steps);
        } catch (NumberFormatException notANumber) {
            asked = allSteps;
        }
        if (asked < 0 || asked >= allSteps || asked + 1 >= tape.length - 1) return tape;
        String[] own = Arrays.copyOf(tape, asked + 2);
        own[asked + 1] = "{\"type\":\"done\",\"iter\":" + asked + "}";
        return own;
    }

    private static void cancel(ScheduledFuture<?>[] self) {
        if (self != null && self[0] != null) self[0].cancel(false);
    }

    private static String dataMessage(Experiment e) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode out = mapper.createObjectNode().put("type", "data").put("query", ExperimentCodec.encode(e));
        ObjectNode settings = out.putObject("experiment");
        ExperimentCodec.settingsByKey(e).forEach(settings::put);
        Dataset points = e.dataset();
        var xs = out.putObject("points").putArray("x");
        var ys = ((ObjectNode) out.get("points")).putArray("y");
        for (int i = 0; i < points.size(); i++) {
            xs.add(points.x(i));
            ys.add(points.y(i));
        }
        out.put("steps", e.steps()).put("speed", e.speed()).put("running", true);
        return out.toString();
    }

    private static String frameMessage(Frame f) {
        StringBuilder s = new StringBuilder(128);
        s.append("{\"type\":\"frame\",\"iter\":").append(f.iter()).append(",\"loss\":").append(f.loss()).append(",\"params\":[");
        for (int i = 0; i < f.params().length; i++) s.append(i > 0 ? "," : "").append(f.params()[i]);
        s.append("],\"grad\":[");
        for (int i = 0; i < f.grad().length; i++) s.append(i > 0 ? "," : "").append(f.grad()[i]);
        return s.append("]}").toString();
    }
}
