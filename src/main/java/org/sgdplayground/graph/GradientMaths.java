package org.sgdplayground.graph;

import java.util.ArrayList;
import java.util.List;

/**
 * The gradient written out with its numbers in: for a model linear in its parameters, {@code ŷ = Σⱼ pⱼ·φⱼ(x)}, the
 * chain rule through {@code L = Σ(ŷ − y)²/n} gives {@code ∂L/∂pⱼ = (2/n)·Σᵢ (ŷᵢ − yᵢ)·φᵢⱼ}. The factor {@code φⱼ} is
 * read off the graph, not from the model: it is what multiplies {@code pⱼ}'s node ({@code 1} where {@code pⱼ} is
 * added), on a path of sums to ŷ. The sum is then added up here, row by row, from the graph's own values, apart from
 * the backward pass, so that the written maths is a check on the engine and not a copy of it.
 *
 * @param formula the prediction written out, e.g. {@code x·p0 + p1}
 * @param divisor the {@code n} of {@code 2/n}: the batch size
 * @param terms   one per parameter the rule applies to, in parameter order
 */
public record GradientMaths(String formula, int divisor, List<Term> terms) {

    /**
     * {@code ∂L/∂pⱼ = (2/n)·sum}, with {@code sum = Σᵢ (ŷᵢ − yᵢ)·φᵢ}.
     *
     * @param param  the parameter's index
     * @param name   its name, {@code p0} …
     * @param factor {@code φ}'s label: {@code x²}, {@code x}, or {@code 1}
     * @param sum    {@code Σᵢ (ŷᵢ − yᵢ)·φᵢ} at this snapshot
     * @param value  {@code 2·sum/n}
     */
    public record Term(int param, String name, String factor, double sum, double value) {}

    /** The maths for {@code s}'s parameters; a parameter that is not simply scaled and added into ŷ has no term. */
    public static GradientMaths of(GraphView.Snapshot s) {
        GraphView view = s.view();
        double[] predicted = s.values()[view.prediction().id()], targets = s.values()[view.node(GraphView.Y).id()];
        List<Term> terms = new ArrayList<>();
        for (GraphNode p : view.nodes()) {
            if (p.param() < 0) continue;
            List<GraphNode> uses = consumers(view, p);
            if (uses.size() != 1 || !reachesPredictionBySums(view, uses.get(0))) continue;
            GraphNode use = uses.get(0);
            double[] phi;
            String factor;
            if (use.op().equals("+")) {
                phi = null;
                factor = "1";
            } else if (use.op().equals("⊙")) {
                GraphNode other = otherParent(view, use, p);
                if (other == null || dependsOnParameters(view, other)) continue;
                phi = s.values()[other.id()];
                factor = other.label();
            } else {
                continue;
            }
            double sum = 0;
            for (int i = 0; i < predicted.length; i++) sum += (predicted[i] - targets[i]) * (phi == null ? 1 : phi[phi.length == 1 ? 0 : i]);
            terms.add(new Term(p.param(), p.label(), factor, sum, 2 * sum / view.divisor()));
        }
        return new GradientMaths(view.formula(), view.divisor(), List.copyOf(terms));
    }

    private static List<GraphNode> consumers(GraphView view, GraphNode node) {
        List<GraphNode> out = new ArrayList<>();
        for (int[] e : view.edges()) if (e[0] == node.id()) out.add(view.nodes().get(e[1]));
        return out;
    }

    private static GraphNode otherParent(GraphView view, GraphNode of, GraphNode known) {
        List<GraphNode> parents = new ArrayList<>();
        for (int[] e : view.edges()) if (e[1] == of.id()) parents.add(view.nodes().get(e[0]));
        if (parents.size() != 2) return null;
        if (parents.get(0).id() == known.id() && parents.get(1).id() != known.id()) return parents.get(1);
        if (parents.get(1).id() == known.id() && parents.get(0).id() != known.id()) return parents.get(0);
        return null;
    }

    /** Whether {@code node} flows into ŷ through additions alone, so ŷ's derivative by it is 1. */
    private static boolean reachesPredictionBySums(GraphView view, GraphNode node) {
        GraphNode at = node;
        while (at.id() != view.prediction().id()) {
            List<GraphNode> next = consumers(view, at);
            if (next.size() != 1 || !next.get(0).op().equals("+")) return false;
            at = next.get(0);
        }
        return true;
    }

    private static boolean dependsOnParameters(GraphView view, GraphNode node) {
        if (node.label().equals(GraphView.PARAMS) || node.param() >= 0) return true;
        for (int[] e : view.edges()) if (e[1] == node.id() && dependsOnParameters(view, view.nodes().get(e[0]))) return true;
        return false;
    }
}
