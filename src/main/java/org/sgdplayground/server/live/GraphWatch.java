package org.sgdplayground.server.live;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.sgdplayground.analysis.Standardisation;
import org.sgdplayground.data.Dataset;
import org.sgdplayground.experiment.Experiment;
import org.sgdplayground.graph.GradientMaths;
import org.sgdplayground.graph.GraphLimits;
import org.sgdplayground.graph.GraphView;
import org.sgdplayground.json.Jackson;
import org.sgdplayground.server.json.GraphJson;

/**
 * One session's open Graph panel over one run (SPEC §9): the graph's structure once, then the node values of the
 * frames it is shown. A session whose panel is closed has no watch and sends exactly the tape's bytes, so a thousand
 * viewers who never open it pay nothing.
 *
 * <p>Values are computed on request, not kept: the frame's own message gives its parameters (and its minibatch's
 * rows), and {@link GraphView} runs the loss forward and back there. The work is bounded: one pass over the batch per
 * frame shown (at most one frame in {@link GraphLimits#VALUES_INTERVAL} while playing, and a frame's snapshot is
 * reused while it stays on screen), and one pass over a single point for a hovered row. A run whose minibatches are
 * not listed in its frames (over {@code Frame.MAX_POINTS_FOR_BATCH_ROWS} points) shows the loss over all its points.
 * Not thread-safe: its session calls it under the session's lock.
 */
final class GraphWatch {
    private final Experiment experiment;
    private final Dataset points;
    private final long intervalNanos = GraphLimits.VALUES_INTERVAL.toNanos();
    private int row = -1;
    private long lastValuesAt;
    private boolean valuesSent = true;
    private byte[] lastFrame;
    private String snapshotKey;
    private GraphView.Snapshot snapshot;
    private GradientMaths maths;

    GraphWatch(Experiment experiment) {
        this.experiment = experiment;
        Dataset d = experiment.dataset();
        this.points = experiment.standardize() ? Standardisation.of(d).apply(d) : d;
    }

    /** How many points the run has: the rows a hover may ask for. */
    int pointCount() {
        return points.size();
    }

    /** Shows {@code row}'s values through every node from now on ({@code −1}: none). */
    void row(int row) {
        if (row < -1 || row >= points.size()) {
            throw new IllegalArgumentException("row must be a whole number from 0 to " + (points.size() - 1) + " (a point of this run), got " + row);
        }
        this.row = row;
    }

    /** The frame on screen when the panel opens: its values are owed. */
    void shown(byte[] frame) {
        lastFrame = frame;
        valuesSent = false;
    }

    /** The {@code data} message with the graph's structure in it, as {@code "graph"}. */
    byte[] withStructure(byte[] data) {
        return spliced(data, "graph", structure());
    }

    /** The structure on its own: {@code {"type":"graph","graph":{…}}}, for a panel opened during a run. */
    byte[] structureMessage() {
        return GraphJson.structureMessage(structureView());
    }

    /**
     * The frame message to send: with {@code "graph"} values when the panel is due some (not playing, the last frame,
     * or the interval has passed), else the tape's bytes as they are.
     */
    byte[] frame(byte[] frame, boolean playing, boolean last, long now) {
        lastFrame = frame;
        if (playing && !last && now - lastValuesAt < intervalNanos) {
            valuesSent = false;
            return frame;
        }
        lastValuesAt = now;
        valuesSent = true;
        return spliced(frame, "graph", values(frame));
    }

    /** A {@code {"type":"nodes", …values…}} message for the frame on screen when it has none yet (or {@code always}), else null. */
    byte[] valuesForShownFrame(boolean always) {
        if (lastFrame == null || (valuesSent && !always)) return null;
        valuesSent = true;
        byte[] values = values(lastFrame);
        return spliced("{\"type\":\"nodes\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8), "graph", values);
    }

    private GraphView structureView() {
        int rows = experiment.pointsPerStep();
        return GraphView.over(experiment.model(), new double[rows], new double[rows], rows);
    }

    private byte[] structure() {
        return GraphJson.structureBytes(structureView());
    }

    /** The values of every node at the frame in {@code frame}'s message. */
    private byte[] values(byte[] frame) {
        JsonNode f;
        try {
            f = Jackson.MAPPER.readTree(frame);
        } catch (IOException e) {
            throw new UncheckedIOException("reading back a frame this server wrote", e);
        }
        String key = f.path("iter").asInt() + ":" + f.path("params") + f.path("batch");
        if (!key.equals(snapshotKey)) {
            double[] p = doubles(f.path("params"));
            int[] batch = f.has("batch") ? ints(f.path("batch")) : null;
            double[] xs = points.xs(), ys = points.ys();
            if (batch != null) {
                double[] bx = new double[batch.length], by = new double[batch.length];
                for (int i = 0; i < batch.length; i++) {
                    bx[i] = xs[batch[i]];
                    by[i] = ys[batch[i]];
                }
                xs = bx;
                ys = by;
            }
            snapshot = GraphView.over(experiment.model(), xs, ys, xs.length).at(p);
            maths = GradientMaths.of(snapshot);
            snapshotKey = key;
        }
        GraphView.Snapshot one = row < 0 ? null
            : GraphView.over(experiment.model(), new double[] {points.x(row)}, new double[] {points.y(row)}, snapshot.view().divisor()).at(snapshot.params());
        int iter = f.path("iter").asInt();
        return GraphJson.valuesBytes(iter, snapshot, maths, row, one);
    }

    private static double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) out[i] = array.get(i).doubleValue();
        return out;
    }

    private static int[] ints(JsonNode array) {
        int[] out = new int[array.size()];
        for (int i = 0; i < out.length; i++) out[i] = array.get(i).intValue();
        return out;
    }

    /** {@code message} (a JSON object) with {@code ,"name":value} added before its closing brace. */
    static byte[] spliced(byte[] message, String name, byte[] value) {
        int end = message.length - 1;
        while (message[end] != '}') end--;
        byte[] field = (",\"" + name + "\":").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] out = Arrays.copyOf(message, end + field.length + value.length + 1);
        System.arraycopy(field, 0, out, end, field.length);
        System.arraycopy(value, 0, out, end + field.length, value.length);
        out[out.length - 1] = '}';
        return out;
    }
}
