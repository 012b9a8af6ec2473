package org.sgdplayground.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sgdplayground.autograd.Tensor;
import org.sgdplayground.data.Dataset;
import org.sgdplayground.experiment.Experiment;
import org.sgdplayground.experiment.ExperimentCodec;
import org.sgdplayground.experiment.Frame;
import org.sgdplayground.experiment.QueryStrings;
import org.sgdplayground.experiment.TrainingRun;
import org.sgdplayground.model.Model;
import org.sgdplayground.model.Models;

/**
 * {@link GraphView} against the engine's own graph, walked here by hand, and its numbers against plain arithmetic:
 * values by the model's features, gradients by central differences, the parameters' by the trainer's frames.
 */
class GraphViewTest {
    /** Central differences on sums of a few dozen terms of size ~10: truncation is 0 (quadratics), rounding ~10⁻⁹. */
    private static final double H = 0x1p-20, TOLERANCE = 1e-6;

    static Stream<Model> models() {
        return Models.all().stream();
    }

    private static Dataset points(int n) {
        double[] x = new double[n], y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = -1 + 2.0 * i / (n - 1);
            y[i] = 3 * x[i] + 2 + Math.sin(7 * i);
        }
        return new Dataset(x, y);
    }

    private static double[] start(Model m) {
        double[] p = new double[m.parameterCount()];
        for (int j = 0; j < p.length; j++) p[j] = 0.5 - 0.75 * j;
        return p;
    }

    @ParameterizedTest
    @MethodSource("models")
    void the_description_lists_every_tensor_of_the_engines_loss_graph_with_its_op_shape_and_parents(Model model) {
        Dataset d = points(12);
        GraphView view = GraphView.over(model, d.xs(), d.ys(), 12);

        // the same loss built the way the trainer builds it, walked through the engine's public parents and ops
        Tensor x = Tensor.column(d.xs()), y = Tensor.column(d.ys()), p = Tensor.parameters(start(model));
        Tensor loss = model.predict(x, p).squaredDistanceSum(y).div(12);
        List<Tensor> order = new ArrayList<>();
        walk(loss, Collections.newSetFromMap(new IdentityHashMap<>()), order);
        Map<Tensor, Integer> index = new IdentityHashMap<>();
        for (int i = 0; i < order.size(); i++) index.put(order.get(i), i);

        assertEquals(order.size(), view.nodes().size(), "one node a tensor");
        List<List<Integer>> expectedEdges = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            Tensor t = order.get(i);
            GraphNode n = view.nodes().get(i);
            assertEquals(i, n.id());
            assertEquals(t.op().name(), n.op(), "node " + i + "'s op");
            assertEquals(t.rows(), n.rows(), "node " + i + "'s rows");
            assertEquals(t.cols(), n.cols(), "node " + i + "'s cols");
            for (Tensor parent : t.parents()) expectedEdges.add(List.of(index.get(parent), i));
        }
        assertEquals(expectedEdges, view.edges().stream().map(e -> List.of(e[0], e[1])).toList());
        assertEquals("L", view.loss().label());
        assertEquals(12, view.prediction().rows());
    }

    private static void walk(Tensor t, Set<Tensor> seen, List<Tensor> order) {
        if (!seen.add(t)) return;
        for (Tensor p : t.parents()) walk(p, seen, order);
        order.add(t);
    }

    @ParameterizedTest
    @MethodSource("models")
    void leaves_are_named_each_parameter_has_its_own_node_and_stages_split_at_the_prediction(Model model) {
        Dataset d = points(5);
        GraphView view = GraphView.over(model, d.xs(), d.ys(), 5);

        assertEquals(model.parameterNames(), view.nodes().stream().filter(n -> n.param() >= 0).map(GraphNode::label).toList());
        assertEquals(List.of("x", "p", "y"), view.nodes().stream().filter(n -> n.stage().equals("leaf")).map(GraphNode::label).sorted((a, b) -> order(a) - order(b)).toList());
        assertEquals(List.of("Σ(ŷ − y)²", "L"), view.nodes().stream().filter(n -> n.stage().equals("loss")).map(GraphNode::label).toList());
        assertEquals("predict", view.prediction().stage());
        // the model's formula, its terms in the order the model's code multiplies them
        assertEquals(model.formula().replace("p0·x²", "x²·p0").replace("p0·x", "x·p0").replace("p1·x", "x·p1"), view.formula());
    }

    private static int order(String leaf) {
        return List.of("x", "p", "y").indexOf(leaf);
    }

    @ParameterizedTest
    @MethodSource("models")
    void every_value_is_what_plain_arithmetic_gives_and_vectors_have_no_single_number(Model model) {
        Dataset d = points(9);
        double[] p = start(model);
        GraphView.Snapshot s = GraphView.over(model, d.xs(), d.ys(), 9).at(p);
        GraphView view = s.view();

        double[] predicted = s.values()[view.prediction().id()];
        double sse = 0;
        for (int i = 0; i < 9; i++) {
            assertEquals(model.valueAt(d.x(i), p), predicted[i], 1e-12, "ŷ at row " + i);
            sse += (model.valueAt(d.x(i), p) - d.y(i)) * (model.valueAt(d.x(i), p) - d.y(i));
        }
        assertEquals(sse, s.value(view.node("Σ(ŷ − y)²")), 1e-12 * sse);
        assertEquals(sse / 9, s.value(view.loss()), 1e-12 * sse);
        for (GraphNode n : view.nodes()) if (n.param() >= 0) assertEquals(p[n.param()], s.value(n));
        assertNull(s.grad(view.node("x")), "the points want no gradient");
    }

    @ParameterizedTest
    @MethodSource("models")
    void gradients_match_central_differences_for_the_parameters_the_prediction_and_the_sum(Model model) {
        Dataset d = points(9);
        double[] p = start(model);
        GraphView.Snapshot s = GraphView.over(model, d.xs(), d.ys(), 9).at(p);
        GraphView view = s.view();

        ToDoubleFunction<double[]> lossOfParams = q -> {
            double sum = 0;
            for (int i = 0; i < d.size(); i++) sum += Math.pow(model.valueAt(d.x(i), q) - d.y(i), 2);
            return sum / d.size();
        };
        double[] numeric = centralDifferences(lossOfParams, p);
        assertArrayEquals(numeric, s.grad(view.node("p")), TOLERANCE, "the parameters' vector");
        for (GraphNode n : view.nodes()) {
            if (n.param() >= 0) assertEquals(numeric[n.param()], s.grad(n)[0], TOLERANCE, n.label());
        }

        double[] predicted = s.values()[view.prediction().id()];
        ToDoubleFunction<double[]> lossOfPrediction = yhat -> {
            double sum = 0;
            for (int i = 0; i < d.size(); i++) sum += (yhat[i] - d.y(i)) * (yhat[i] - d.y(i));
            return sum / d.size();
        };
        assertArrayEquals(centralDifferences(lossOfPrediction, predicted), s.grad(view.prediction()), TOLERANCE, "ŷ");
        assertEquals(1.0 / 9, s.grad(view.node("Σ(ŷ − y)²"))[0], 1e-15, "∂(S/n)/∂S");
        assertEquals(1.0, s.grad(view.loss())[0]);
    }

    private static double[] centralDifferences(ToDoubleFunction<double[]> f, double[] at) {
        double[] g = new double[at.length];
        for (int k = 0; k < at.length; k++) {
            double[] up = at.clone(), down = at.clone();
            up[k] += H;
            down[k] -= H;
            g[k] = (f.applyAsDouble(up) - f.applyAsDouble(down)) / (2 * H);
        }
        return g;
    }

    @ParameterizedTest
    @MethodSource("models")
    void the_written_gradient_adds_up_to_the_parameters_nodes_gradient(Model model) {
        Dataset d = points(30);
        GraphView.Snapshot s = GraphView.over(model, d.xs(), d.ys(), 30).at(start(model));
        GradientMaths maths = GradientMaths.of(s);

        assertEquals(model.parameterCount(), maths.terms().size(), "a term for each parameter");
        for (GradientMaths.Term t : maths.terms()) {
            double fromGraph = s.grad(s.view().nodes().stream().filter(n -> n.param() == t.param()).findFirst().orElseThrow())[0];
            assertEquals(fromGraph, t.value(), 1e-12 * (1 + Math.abs(fromGraph)), t.name());
            // the factor that multiplies the parameter is its feature, as the model states it
            double[] phi = new double[d.size()];
            for (int i = 0; i < d.size(); i++) phi[i] = model.features(d.x(i))[t.param()];
            double sum = 0;
            for (int i = 0; i < d.size(); i++) sum += (model.valueAt(d.x(i), start(model)) - d.y(i)) * phi[i];
            assertEquals(sum, t.sum(), 1e-9 * (1 + Math.abs(sum)), t.name() + "'s sum");
        }
        List<String> factors = maths.terms().stream().map(GradientMaths.Term::factor).toList();
        assertEquals(model == Models.LINEAR ? List.of("x", "1") : List.of("x²", "x", "1"), factors, "φ read off the graph");
    }

    @Test
    void at_a_frames_parameters_the_graph_gives_the_trainers_loss_and_gradient_bit_for_bit() {
        for (String query : List.of("preset=fastai-sgd", "preset=roller-coaster")) {
            Experiment e = ExperimentCodec.decode(QueryStrings.parse(query));
            TrainingRun run = new TrainingRun(e);
            Dataset d = run.points();
            GraphView view = GraphView.over(e.model(), d.xs(), d.ys(), e.pointsPerStep());
            for (Frame f : run.all().subList(0, 4)) {
                GraphView.Snapshot s = view.at(f.params());
                assertEquals(f.loss(), s.value(view.loss()), query + " frame " + f.iter() + "'s loss");
                assertArrayEquals(f.grad(), s.grad(view.node("p")), query + " frame " + f.iter() + "'s gradient");
                for (GraphNode n : view.nodes()) if (n.param() >= 0) assertEquals(f.grad()[n.param()], s.grad(n)[0]);
            }
        }
    }

    @Test
    void a_graph_needs_points_and_as_many_parameters_as_the_model_has() {
        assertTrue(assertThrowsMessage(() -> GraphView.over(Models.LINEAR, new double[0], new double[0], 1)).contains("at least one"));
        GraphView view = GraphView.over(Models.LINEAR, new double[] {1}, new double[] {2}, 1);
        assertTrue(assertThrowsMessage(() -> view.at(new double[] {1, 2, 3})).contains("2 parameters"));
    }

    private static String assertThrowsMessage(Runnable r) {
        return org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }
}
