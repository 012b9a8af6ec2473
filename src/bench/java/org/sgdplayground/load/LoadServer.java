package org.sgdplayground.load;

import io.javalin.Javalin;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import org.sgdplayground.experiment.Experiment;
import org.sgdplayground.experiment.ExperimentCodec;
import org.sgdplayground.experiment.QueryStrings;
import org.sgdplayground.experiment.TrainingRun;
import org.sgdplayground.server.PlaygroundApp;

/**
 * A server under load, in its own JVM so its heap is its own: {@code LoadServer playground|bare QUERY} starts it
 * on a free port and prints {@code ready PORT}; then, on stdin, {@code heap} answers {@code heap BYTES} (used heap
 * after a full collection), {@code cpu} answers {@code cpu NANOS} (the process's CPU time so far), {@code plan QUERY}
 * answers {@code plan FRAMES PERIOD_NANOS} (the frames every session of that query must receive, and the interval
 * they are asked at: for a load client that cannot run the engine itself) and {@code quit} stops it.
 * {@code LoadServer plan QUERY} only prints that plan and exits, for a client measuring a server it did not start.
 */
public final class LoadServer {
    private LoadServer() {}

    public static void main(String[] args) throws Exception {
        String kind = args[0], query = args[1];
        if (kind.equals("plan")) {
            System.out.println("plan " + plan(query));
            return;
        }
        Javalin app = switch (kind) {
            case "playground" -> PlaygroundApp.create();
            case "bare" -> BareServer.create(query);
            default -> throw new IllegalArgumentException("kind must be playground or bare, not " + kind);
        };
        app.start(0);
        System.out.println("ready " + app.port());
        System.out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String command = line.trim();
            if (command.startsWith("plan ")) {
                try {
                    System.out.println("plan " + plan(command.substring("plan ".length()).trim()));
                } catch (RuntimeException e) {
                    System.out.println("plan error " + e.getMessage());
                }
                System.out.flush();
                continue;
            }
            switch (command) {
                case "heap" -> System.out.println("heap " + usedHeapAfterGc());
                case "cpu" -> System.out.println("cpu " + ((com.sun.management.OperatingSystemMXBean)
                    ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime());
                case "quit" -> {
                    app.stop();
                    System.out.println("bye");
                    System.exit(0);
                }
                default -> System.out.println("unknown " + line);
            }
            System.out.flush();
        }
        app.stop();
    }

    /** {@code FRAMES PERIOD_NANOS} for {@code query}: what LiveLoad computes for itself before a run. */
    static String plan(String query) {
        Experiment e = ExperimentCodec.decode(QueryStrings.parse(query));
        return new TrainingRun(e).all().size() + " " + 1e9 / e.speed();
    }

    /** Used heap once garbage is gone: two full collections, so what is left is what is reachable. */
    static long usedHeapAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        memory.gc();
        memory.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }
}
