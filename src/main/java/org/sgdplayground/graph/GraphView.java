package org.sgdplayground.graph;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ejml.data.DMatrixRMaj;
import org.sgdplayground.autograd.Pick;
import org.sgdplayground.autograd.Program;
import org.sgdplayground.autograd.Tensor;
import org.sgdplayground.model.MeanSquaredError;
import org.sgdplayground.model.Model;

/**
 * The loss's computation graph as the engine builds it (SPEC §9): the tensors {@link MeanSquaredError#of} makes for a
 * model, walked from the loss back to the leaves by their own parents and ops. Nothing here knows any model, so a new
 * model appears without new code; {@link #at} runs the graph forward and back at given parameters and reads every
 * tensor's value and gradient.
 *
 * <p>The graph is the trainer's, run op by op ({@link Program#interpret}) rather than fused, so that every tensor in
 * it holds its own values: the fused loops compute the same numbers but keep no inner tensors.
 */
public final class GraphView {
    /** What the known tensors are called; every other one is written as the expression it computes. */
    static final String X = "x", Y = "y", PARAMS = "p", PREDICTION = "ŷ", LOSS = "L";

    private final Tensor params;
    private final MeanSquaredError mse;
    private final List<Tensor> order;
    private final List<GraphNode> nodes;
    private final List<int[]> edges;
    private final Program program;
    private final int divisor;
    private final String formula;

    private GraphView(Model model, double[] xs, double[] ys, int divisor) {
        int rows = xs.length;
        Tensor x = Tensor.constant(rows, 1, xs), y = Tensor.constant(rows, 1, ys);
        this.params = Tensor.parameters(new double[model.parameterCount()]);
        this.mse = MeanSquaredError.of(model, x, y, params, divisor);
        this.order = topologicalOrder(mse.loss());
        this.program = Program.interpret(mse.loss());

        Map<Tensor, Integer> ids = new IdentityHashMap<>();
        Map<Tensor, Labels.Written> written = new IdentityHashMap<>();
        Set<Tensor> afterPrediction = Collections.newSetFromMap(new IdentityHashMap<>());
        Map<Tensor, String> names = new IdentityHashMap<>(Map.of(x, X, y, Y, params, PARAMS, mse.prediction(), PREDICTION, mse.loss(), LOSS));
        List<GraphNode> described = new ArrayList<>();
        List<int[]> links = new ArrayList<>();
        for (Tensor t : order) {
            int id = described.size();
            ids.put(t, id);
            List<Tensor> in = t.parents();
            Labels.Written[] parents = new Labels.Written[in.size()];
            boolean loss = false;
            for (int k = 0; k < parents.length; k++) {
                Tensor p = in.get(k);
                parents[k] = written.get(p);
                links.add(new int[] {ids.get(p), id});
                loss |= afterPrediction.contains(p) || p == mse.prediction() || p == y;
            }
            if (loss) afterPrediction.add(t);
            int param = t.op() instanceof Pick pick && in.get(0) == params ? pick.index() : -1;
            Labels.Written expression = param >= 0 ? Labels.atom(model.parameterNames().get(param))
                : t.isLeaf() ? Labels.atom(names.getOrDefault(t, leafName(t)))
                : Labels.of(t.op(), parents);
            // a named tensor is written by its name wherever it is used; the loss keeps its expression in the labels below it
            written.put(t, names.containsKey(t) && t != mse.loss() ? Labels.atom(names.get(t)) : expression);
            String label = names.containsKey(t) ? names.get(t) : expression.text();
            String stage = t.isLeaf() ? "leaf" : loss ? "loss" : "predict";
            described.add(new GraphNode(id, t.op().name(), label, t.rows(), t.cols(), stage, param));
        }
        this.divisor = divisor;
        this.formula = Labels.of(mse.prediction().op(), mse.prediction().parents().stream().map(written::get).toArray(Labels.Written[]::new)).text();
        this.nodes = List.copyOf(described);
        this.edges = List.copyOf(links);
    }

    /** The graph of {@code model}'s loss over the points {@code (xs, ys)}, divided by {@code divisor} (the batch size). */
    public static GraphView over(Model model, double[] xs, double[] ys, int divisor) {
        if (xs.length == 0 || xs.length != ys.length) throw new IllegalArgumentException("a graph needs as many y as x, at least one; got " + xs.length + " and " + ys.length);
        return new GraphView(model, xs, ys, divisor);
    }

    /** The graph's tensors, parents before children. */
    public List<GraphNode> nodes() {
        return nodes;
    }

    /** {@code [from, to]}: tensor {@code to} is computed from tensor {@code from}. */
    public List<int[]> edges() {
        return edges;
    }

    /** What the loss's sum is divided by: the batch size. */
    public int divisor() {
        return divisor;
    }

    /** The prediction written out from the graph, e.g. {@code x·p0 + p1}. */
    public String formula() {
        return formula;
    }

    /** The node labelled {@code label}. */
    public GraphNode node(String label) {
        return nodes.stream().filter(n -> n.label().equals(label)).findFirst().orElseThrow();
    }

    /** The node of the loss, the graph's last. */
    public GraphNode loss() {
        return nodes.get(nodes.size() - 1);
    }

    /** The node of the prediction ŷ. */
    public GraphNode prediction() {
        return node(PREDICTION);
    }

    /** Every tensor's value and gradient ({@code ∂L/∂tensor}) at the parameters {@code p}: one forward and one backward pass. */
    public Snapshot at(double[] p) {
        if (p.length != params.rows()) throw new IllegalArgumentException("the model has " + params.rows() + " parameters, got " + p.length);
        params.assign(new DMatrixRMaj(p.length, 1, true, p.clone()));
        params.zeroGrad();
        program.forward();
        program.backward();
        double[][] values = new double[order.size()][], grads = new double[order.size()][];
        for (int i = 0; i < order.size(); i++) {
            Tensor t = order.get(i);
            values[i] = t.values();
            grads[i] = t.requiresGrad() ? t.gradient() : null;
        }
        return new Snapshot(this, p.clone(), values, grads);
    }

    private static String leafName(Tensor t) {
        return t.rows() == 1 && t.cols() == 1 ? Labels.number(t.item()) : "c";
    }

    /** {@code result} and every tensor it depends on, each after its parents. */
    private static List<Tensor> topologicalOrder(Tensor result) {
        List<Tensor> order = new ArrayList<>();
        visit(result, Collections.newSetFromMap(new IdentityHashMap<>()), order);
        return order;
    }

    private static void visit(Tensor t, Set<Tensor> seen, List<Tensor> order) {
        if (!seen.add(t)) return;
        for (Tensor p : t.parents()) visit(p, seen, order); // a loss graph is a handful of tensors deep
        order.add(t);
    }

    /**
     * Every tensor's values and gradient at one set of parameters; {@code grads[i]} is null for a tensor that wants
     * no gradient (the points x and y).
     */
    public record Snapshot(GraphView view, double[] params, double[][] values, double[][] grads) {
        /** A scalar node's value. */
        public double value(GraphNode node) {
            return values[node.id()][0];
        }

        /** A node's gradient, or null when it wants none. */
        public double[] grad(GraphNode node) {
            return grads[node.id()];
        }
    }
}
