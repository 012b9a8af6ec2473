package org.sgdplayground.server.json;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;
import org.sgdplayground.graph.GradientMaths;
import org.sgdplayground.graph.GraphLimits;
import org.sgdplayground.graph.GraphNode;
import org.sgdplayground.graph.GraphView;

/**
 * The graph view on the socket (SPEC §9): its structure ({@code nodes}, {@code edges}) once per run, and one frame's
 * node values. Maps fields to names; what the numbers are is {@link GraphView}'s and {@link GradientMaths}'s.
 */
public final class GraphJson {
    private GraphJson() {}

    /** {@code {"nodes":[{id, op, label, shape, stage[, param]}], "edges":[[from, to], …], "formula":…}}. */
    public static void structure(JsonGenerator g, GraphView view) throws IOException {
        g.writeStartObject();
        g.writeArrayFieldStart("nodes");
        for (GraphNode n : view.nodes()) {
            g.writeStartObject();
            g.writeNumberField("id", n.id());
            g.writeStringField("op", n.op());
            g.writeStringField("label", n.label());
            g.writeFieldName("shape");
            g.writeArray(new int[] {n.rows(), n.cols()}, 0, 2);
            g.writeStringField("stage", n.stage());
            if (n.param() >= 0) g.writeNumberField("param", n.param());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("edges");
        for (int[] e : view.edges()) g.writeArray(e, 0, 2);
        g.writeEndArray();
        g.writeStringField("formula", view.formula());
        g.writeEndObject();
    }

    /** {@link #structure} as UTF-8 bytes. */
    public static byte[] structureBytes(GraphView view) {
        return Json.written(2048, g -> structure(g, view));
    }

    /** {@link #values} as UTF-8 bytes. */
    public static byte[] valuesBytes(int iter, GraphView.Snapshot s, GradientMaths maths, int rowIndex, GraphView.Snapshot row) {
        return Json.written(1024, g -> values(g, iter, s, maths, rowIndex, row));
    }

    /** {@code {"type":"graph", …the structure…}}: for a panel opened during a run. */
    public static byte[] structureMessage(GraphView view) {
        return Json.written(2048, g -> {
            g.writeStartObject();
            g.writeStringField("type", "graph");
            g.writeFieldName("graph");
            structure(g, view);
            g.writeEndObject();
        });
    }

    /**
     * One frame's node values: {@code {"iter", "rows", "values":[…], "grads":[…], "spark":{id:[…]}, "maths":{…}[, "row":{…}]}}
     * where {@code values[id]} and {@code grads[id]} are numbers for scalar nodes and null for vectors (and for a
     * node that wants no gradient); a vector's sparkline is {@link GraphLimits#SPARKLINE_POINTS} of its values; the
     * row, when one was asked for, is each vector node's value and gradient at that point.
     */
    public static void values(JsonGenerator g, int iter, GraphView.Snapshot s, GradientMaths maths, int rowIndex, GraphView.Snapshot row)
            throws IOException {
        List<GraphNode> nodes = s.view().nodes();
        g.writeStartObject();
        g.writeNumberField("iter", iter);
        g.writeNumberField("rows", s.view().prediction().rows());
        g.writeArrayFieldStart("values");
        for (GraphNode n : nodes) number(g, n.isScalar() ? s.values()[n.id()][0] : null);
        g.writeEndArray();
        g.writeArrayFieldStart("grads");
        for (GraphNode n : nodes) number(g, n.isScalar() && s.grads()[n.id()] != null ? s.grads()[n.id()][0] : null);
        g.writeEndArray();
        g.writeObjectFieldStart("spark");
        for (GraphNode n : nodes) {
            if (n.isScalar()) continue;
            g.writeArrayFieldStart(Integer.toString(n.id()));
            double[] v = s.values()[n.id()];
            int count = Math.min(v.length, GraphLimits.SPARKLINE_POINTS);
            for (int k = 0; k < count; k++) number(g, v[count == 1 ? 0 : (int) ((long) k * (v.length - 1) / (count - 1))]);
            g.writeEndArray();
        }
        g.writeEndObject();
        g.writeObjectFieldStart("maths");
        g.writeStringField("formula", maths.formula());
        g.writeNumberField("n", maths.divisor());
        g.writeArrayFieldStart("terms");
        for (GradientMaths.Term t : maths.terms()) {
            g.writeStartObject();
            g.writeNumberField("param", t.param());
            g.writeStringField("name", t.name());
            g.writeStringField("factor", t.factor());
            g.writeFieldName("sum");
            number(g, t.sum());
            g.writeFieldName("value");
            number(g, t.value());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
        if (row != null) {
            g.writeObjectFieldStart("row");
            g.writeNumberField("index", rowIndex);
            g.writeArrayFieldStart("values");
            for (GraphNode n : nodes) number(g, n.isScalar() ? null : row.values()[n.id()][0]);
            g.writeEndArray();
            g.writeArrayFieldStart("grads");
            for (GraphNode n : nodes) number(g, n.isScalar() || row.grads()[n.id()] == null ? null : row.grads()[n.id()][0]);
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    /** A finite number, or null: JSON has no NaN, and a view never shows one. */
    private static void number(JsonGenerator g, Double v) throws IOException {
        if (v == null || !Double.isFinite(v)) g.writeNull();
        else g.writeNumber(v);
    }
}
