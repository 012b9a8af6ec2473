package org.sgdplayground.server.api;

import org.sgdplayground.server.PlaygroundApp;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sgdplayground.data.Dataset;
import org.sgdplayground.experiment.Briefing;
import org.sgdplayground.experiment.Experiment;
import org.sgdplayground.experiment.ExperimentCodec;
import org.sgdplayground.experiment.Frame;
import org.sgdplayground.experiment.TrainingRun;
import org.sgdplayground.json.Jackson;

/**
 * Times {@code POST /api/train} for 200 full-batch steps on 10 000 points, end to end over loopback HTTP with a
 * minimal keep-alive client (see {@link LoopbackClient})
 * (generating the points, training, the closed-form optimum, ~0.4 MB of JSON), and compares it with
 * TensorFlow.js doing the 200 steps alone. The issue's target: at least 50× faster.
 *
 * <p>Then the same job stage by stage in this JVM, with the server's own code, to show where the time goes.
 * (It lives in the server.api package, under {@code src/bench}, to reach the package-private {@link TrainAnswerWriter}.)
 *
 * <p>Arguments: {@code --warmup K} rounds first (default 20), then {@code --reps R} timed ones (default 15), each round a request and the stages for every case;
 * {@code --tfjs linear=4.7,quadratic=6.1} gives TensorFlow.js's ms a step measured in the same run (see
 * {@code bench/run-all}); without it the issue's figure, 6 ms a step, stands in.
 */
public final class ApiTrainBench {
    private ApiTrainBench() {}

    static final int N = 10_000, STEPS = 200;
    static final double TARGET_SPEEDUP = 50, ISSUE_TFJS_MS_PER_STEP = 6.0;

    public static void main(String[] args) throws Exception {
        int warmup = intArg(args, "--warmup", 20), reps = intArg(args, "--reps", 15);
        Map<String, Double> tfjs = tfjsArg(args);
        // the same settings as bench/tfjs/train.js: the lesson-2 line, lr 0.1, full batch
        Map<String, Map<String, String>> cases = new LinkedHashMap<>();
        cases.put("linear", Map.of("preset", "fastai-sgd", "n", "" + N, "steps", "" + STEPS, "init", "0.5,0.75"));
        cases.put("quadratic", Map.of("preset", "fastai-sgd", "model", "quadratic", "n", "" + N, "steps", "" + STEPS,
            "init", "0.5,0.75,-0.25"));

        StringBuilder requests = new StringBuilder(), stages = new StringBuilder();
        requests.append(String.format("%-9s  %11s  %8s  %9s  %16s  %9s  %s%n", "model", "request ms", "ms/step", "answer KB",
            "TF.js ms/step", "speed-up", "target"));
        stages.append(String.format("%-9s  %8s  %8s  %8s  %8s  %8s  %8s%n", "model", "data", "train", "head", "JSON", "sum",
            "HTTP"));
        List<String> names = List.copyOf(cases.keySet());
        double[][] requestMs = new double[names.size()][reps];
        double[][][] stageMs = new double[names.size()][4][reps];
        int[] answerBytes = new int[names.size()];
        Javalin app = PlaygroundApp.create().start("127.0.0.1", 0);
        try {
            HttpClient client = HttpClient.newHttpClient();
            URI uri = URI.create("http://127.0.0.1:" + app.port() + "/api/train");
            HttpRequest[] posts = new HttpRequest[names.size()];
            String[] bodies = new String[names.size()];
            for (int c = 0; c < names.size(); c++) {
                bodies[c] = Jackson.MAPPER.writeValueAsString(cases.get(names.get(c)));
                posts[c] = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(bodies[c])).build();
                answerBytes[c] = checkedPost(client, posts[c]);
            }
            LoopbackClient loopback = new LoopbackClient(app.port());
            // Warm every path up first, then take the cases in turn, so that noise from the machine falls on all alike.
            for (int round = -warmup; round < reps; round++) {
                for (int c = 0; c < names.size(); c++) {
                    long start = System.nanoTime();
                    byte[] answer = loopback.post("/api/train", bodies[c]);
                    double ms = (System.nanoTime() - start) / 1e6;
                    if (answer.length != answerBytes[c]) throw new IllegalStateException(answer.length + " bytes, expected " + answerBytes[c]);
                    double[] stage = stages(cases.get(names.get(c)));
                    if (round < 0) continue;
                    requestMs[c][round] = ms;
                    for (int s = 0; s < 4; s++) stageMs[c][s][round] = stage[s];
                }
            }
            loopback.close();
        } finally {
            app.stop();
        }
        for (int c = 0; c < names.size(); c++) {
            String name = names.get(c);
            double request = median(requestMs[c]);
            boolean measured = tfjs.containsKey(name);
            double tfjsPerStep = measured ? tfjs.get(name) : ISSUE_TFJS_MS_PER_STEP;
            double speedup = tfjsPerStep * STEPS / request;
            requests.append(String.format("%-9s  %11.2f  %8.4f  %9.0f  %16s  %8.0f×  %s%n", name, request, request / STEPS,
                answerBytes[c] / 1024.0, String.format("%.3f %s", tfjsPerStep, measured ? "(this run)" : "(issue)"), speedup,
                (speedup >= TARGET_SPEEDUP ? "≥ " : "< ") + (int) TARGET_SPEEDUP + "× " + (speedup >= TARGET_SPEEDUP ? "met" : "MISSED")));
            double[] stage = new double[4];
            for (int s = 0; s < 4; s++) stage[s] = median(stageMs[c][s]);
            double sum = stage[0] + stage[1] + stage[2] + stage[3];
            stages.append(String.format("%-9s  %8.2f  %8.2f  %8.2f  %8.2f  %8.2f  %8.2f%n", name, stage[0], stage[1], stage[2],
                stage[3], sum, request - sum));
        }
        System.out.println();
        System.out.printf("POST /api/train, n = %d, %d full-batch steps: median of %d requests after %d warm-up, over loopback%n",
            N, STEPS, reps, warmup);
        System.out.print(requests);
        System.out.println();
        System.out.println("The same job stage by stage in this JVM, median ms: data = decode + generate the points, train = the "
            + (STEPS + 1) + " frames, head = the briefing: settings, optimum and surface (Briefing.of), JSON = write the answer"
            + " (TrainAnswerWriter, into memory); HTTP = request − sum (Javalin, Jetty, loopback, client, less the part of head + JSON the"
            + " server overlaps with training on the other core)");
        System.out.print(stages);
    }

    /**
     * The leanest HTTP/1.1 client that can time the server: one kept-alive socket, the request written in one go,
     * the body read by its {@code Content-Length} into one array — as {@code curl} does. The JDK's HttpClient
     * (used above to check the answer's content) hands each body through its own threads and 16 KB buffers, which
     * adds milliseconds of the client's own work to a 0.4 MB answer.
     */
    private static final class LoopbackClient implements AutoCloseable {
        private final java.net.Socket socket;
        private final java.io.InputStream in;
        private final java.io.OutputStream out;
        private final int port;

        LoopbackClient(int port) throws java.io.IOException {
            this.port = port;
            socket = new java.net.Socket("127.0.0.1", port);
            socket.setTcpNoDelay(true);
            in = new java.io.BufferedInputStream(socket.getInputStream(), 1 << 16);
            out = socket.getOutputStream();
        }

        byte[] post(String path, String json) throws java.io.IOException {
            byte[] body = json.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            String head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + body.length + "\r\n\r\n";
            byte[] h = head.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            byte[] request = Arrays.copyOf(h, h.length + body.length);
            System.arraycopy(body, 0, request, h.length, body.length);
            out.write(request);
            out.flush();
            int status = -1;
            long length = -1;
            for (String line = readLine(); !line.isEmpty(); line = readLine()) {
                if (status < 0) status = Integer.parseInt(line.split(" ")[1]);
                else if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) length = Long.parseLong(line.substring(15).trim());
            }
            if (status != 200 || length < 0) throw new IllegalStateException("HTTP " + status + ", Content-Length " + length);
            byte[] answer = new byte[(int) length];
            for (int read = 0; read < answer.length; ) {
                int r = in.read(answer, read, answer.length - read);
                if (r < 0) throw new java.io.EOFException("the answer ended after " + read + " of " + length + " bytes");
                read += r;
            }
            return answer;
        }

        private String readLine() throws java.io.IOException {
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) throw new java.io.EOFException("the connection closed in the headers");
                if (c != '\r') line.append((char) c);
            }
            return line.toString();
        }

        @Override
        public void close() throws java.io.IOException {
            socket.close();
        }
    }

    /** Posts once and checks the answer really holds every frame, so the timing is of the whole job; returns its size. */
    private static int checkedPost(HttpClient client, HttpRequest request) throws Exception {
        HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + response.statusCode() + ": " + new String(response.body()));
        }
        JsonNode json = Jackson.MAPPER.readTree(response.body());
        if (json.get("frames").size() != STEPS + 1 || json.get("points").get("x").size() != N) {
            throw new IllegalStateException("expected " + (STEPS + 1) + " frames over " + N + " points");
        }
        return response.body().length;
    }

    /** The ms of each stage of what {@code TrainApi.train} does, once: data, train, head (settings, optimum, surface), JSON. */
    private static double[] stages(Map<String, String> settings) throws Exception {
        long t0 = System.nanoTime();
        Experiment experiment = ExperimentCodec.decode(new HashMap<>(settings));
        Dataset points = experiment.dataset();
        long t1 = System.nanoTime();
        TrainingRun run = new TrainingRun(experiment, points);
        List<Frame> frames = run.all();
        long t2 = System.nanoTime();
        Briefing briefing = Briefing.of(experiment, points);
        long t3 = System.nanoTime();
        int bytes = TrainAnswerWriter.begin(briefing, frames.size()).finish(frames, run.outcome()).size();
        long t4 = System.nanoTime();
        if (frames.size() != STEPS + 1 || bytes == 0) throw new IllegalStateException(frames.size() + " frames");
        return new double[] {(t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6, (t4 - t3) / 1e6};
    }

    static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static int intArg(String[] args, String name, int fallback) {
        for (int i = 0; i + 1 < args.length; i++) if (args[i].equals(name)) return Integer.parseInt(args[i + 1]);
        return fallback;
    }

    /** {@code --tfjs linear=4.7,quadratic=6.1} → ms a step by model. */
    private static Map<String, Double> tfjsArg(String[] args) {
        Map<String, Double> out = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i++) {
            if (!args[i].equals("--tfjs")) continue;
            for (String pair : args[i + 1].split(",")) {
                String[] kv = pair.split("=");
                if (kv.length == 2 && !kv[1].isBlank()) out.put(kv[0].trim(), Double.parseDouble(kv[1]));
            }
        }
        return out;
    }
}
