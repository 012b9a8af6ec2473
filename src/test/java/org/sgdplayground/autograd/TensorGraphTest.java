package org.sgdplayground.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sgdplayground.autograd.CentralDifferences.assertGradientsMatch;
import static org.sgdplayground.autograd.CentralDifferences.uniform;

import java.util.function.BinaryOperator;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.sgdplayground.autograd.CentralDifferences.Input;

/** How {@link Tensor#backward()} and {@link Tensor#recompute()} treat a whole graph, and the errors they give. */
class TensorGraphTest {
    private static final double EPS = Math.ulp(1.0);

    @Test
    void backward_of_a_tensor_used_twice_sums_both_uses() {
        double[] x = {0.75, -1.25, 2};
        Tensor t = Tensor.variable(3, 1, x);
        t.mul(t).sum().backward();
        double[] expected = new double[3];
        for (int i = 0; i < 3; i++) expected[i] = 2 * x[i];  // x·x' + x'·x: both uses, each x, summed exactly
        assertArrayEquals(expected, t.gradient(), 0.0);

        Tensor u = Tensor.variable(3, 1, x);
        u.add(u).sum().backward();
        assertArrayEquals(new double[] {2, 2, 2}, u.gradient(), 0.0);

        assertGradientsMatch(v -> v[0].mul(v[0]).sum(), new Input(3, 1, x));
    }

    @Test
    void backward_sums_the_gradients_of_an_intermediate_used_in_two_branches() {
        // u = c·x;  f = Σ (u² + d·u);  ∂f/∂x = c·(2u + d)
        double[] x = {0.5, -1.5, 1.25}, c = {2, -1, 0.5}, d = {1, 3, -2};
        Tensor leaf = Tensor.variable(3, 1, x);
        Tensor u = leaf.mul(Tensor.column(c));
        u.pow(2).add(u.mul(Tensor.column(d))).sum().backward();
        double[] expected = new double[3];
        for (int i = 0; i < 3; i++) expected[i] = c[i] * (2 * (c[i] * x[i]) + d[i]);
        assertArrayEquals(expected, leaf.gradient(), 4 * EPS * 10);
        assertGradientsMatch(v -> {
            Tensor w = v[0].mul(Tensor.column(c));
            return w.pow(2).add(w.mul(Tensor.column(d))).sum();
        }, new Input(3, 1, x));
    }

    @Test
    void leaf_gradients_accumulate_across_backward_calls_until_zero_grad() {
        Tensor p = Tensor.parameters(0.5, -2);
        Tensor loss = p.pow(2).mul(Tensor.column(3, 5)).sum();  // ∂/∂p = (6·p0, 10·p1) = (3, −20)
        loss.backward();
        assertArrayEquals(new double[] {3, -20}, p.gradient(), 0.0);
        loss.backward();
        assertArrayEquals(new double[] {6, -40}, p.gradient(), 0.0);
        p.zeroGrad();
        assertArrayEquals(new double[] {0, 0}, p.gradient(), 0.0);
        loss.backward();
        assertArrayEquals(new double[] {3, -20}, p.gradient(), 0.0);
    }

    @Test
    void gradient_into_copies_what_gradient_gives_into_the_callers_array_and_refuses_a_wrong_length() {
        Tensor p = Tensor.parameters(0.5, -2);
        double[] out = {7, 7};
        p.gradientInto(out);
        assertArrayEquals(new double[] {0, 0}, out, 0.0, "zeros before any backward pass");
        p.pow(2).mul(Tensor.column(3, 5)).sum().backward();
        p.gradientInto(out);
        assertArrayEquals(p.gradient(), out, 0.0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> p.gradientInto(new double[3]));
        assertTrue(e.getMessage().contains("3") && e.getMessage().contains("2"), e.getMessage());
    }

    @Test
    void a_leaf_shared_by_two_losses_collects_both_gradients() {
        Tensor p = Tensor.parameters(1.5, -0.5);
        Tensor first = p.sum();                         // ∂/∂p = (1, 1)
        Tensor second = p.mul(Tensor.column(4, 2)).sum(); // ∂/∂p = (4, 2)
        first.backward();
        second.backward();
        assertArrayEquals(new double[] {5, 3}, p.gradient(), 0.0);
    }

    @Test
    void an_intermediate_gradient_belongs_to_one_pass_and_starts_from_zero_in_the_next() {
        Tensor p = Tensor.parameters(1, 2);
        Tensor doubled = p.mul(Tensor.scalar(2));
        Tensor loss = doubled.pow(2).sum();  // ∂loss/∂doubled = 2·doubled = (4, 8)
        loss.backward();
        loss.backward();
        assertArrayEquals(new double[] {4, 8}, doubled.gradient(), 0.0);
        assertArrayEquals(new double[] {16, 32}, p.gradient(), 0.0, "the leaf holds both passes: 2 · 2 · (4, 8)");
    }

    @Test
    void backward_of_a_non_scalar_is_refused_with_its_shape() {
        Tensor p = Tensor.parameters(1, 2, 3);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> p.mul(p).backward());
        assertTrue(e.getMessage().contains("3×1"), e.getMessage());
    }

    @Test
    void recompute_after_add_in_place_gives_the_values_and_gradients_of_a_fresh_graph() {
        double[] x = {-1, -0.25, 0.5, 2}, y = {1, 0.5, 2.25, 7.5};
        Tensor p = Tensor.parameters(0.5, 0.75, -1);
        Tensor loss = quadraticLoss(Tensor.column(x), Tensor.column(y), p);
        loss.backward();

        p.addInPlace(-0.1, p.gradient());
        p.zeroGrad();
        loss.recompute();
        loss.backward();

        Tensor freshP = Tensor.parameters(p.values());
        Tensor fresh = quadraticLoss(Tensor.column(x), Tensor.column(y), freshP);
        fresh.backward();
        assertEquals(fresh.item(), loss.item(), 0.0);
        assertArrayEquals(freshP.gradient(), p.gradient(), 0.0);
    }

    @Test
    void recompute_after_assign_gives_the_values_and_gradients_of_a_fresh_graph() {
        Tensor x = Tensor.column(0, 0, 0), y = Tensor.column(0, 0, 0);
        Tensor p = Tensor.parameters(2, -1, 0.5);
        Tensor loss = quadraticLoss(x, y, p);
        double[] newX = {1.5, -0.5, 0.25}, newY = {3, 1, -2};
        x.assign(DMatrixRMaj.wrap(3, 1, newX.clone()));
        y.assign(DMatrixRMaj.wrap(3, 1, newY.clone()));
        loss.recompute();
        loss.backward();

        Tensor freshP = Tensor.parameters(2, -1, 0.5);
        Tensor fresh = quadraticLoss(Tensor.column(newX), Tensor.column(newY), freshP);
        fresh.backward();
        assertEquals(fresh.item(), loss.item(), 0.0);
        assertArrayEquals(freshP.gradient(), p.gradient(), 0.0);
        assertTrue(fresh.item() > 0, "the new points moved the loss off the all-zero start");
    }

    /** mean((p0·x² + p1·x + p2 − y)²), as a model would write it. */
    private static Tensor quadraticLoss(Tensor x, Tensor y, Tensor p) {
        return x.pow(2).mul(p.at(0)).add(x.mul(p.at(1))).add(p.at(2)).sub(y).pow(2).mean();
    }

    @Test
    void broadcast_errors_name_both_shapes() {
        Tensor a = Tensor.variable(2, 3, new double[6]);
        for (BinaryOperator<Tensor> op : java.util.List.<BinaryOperator<Tensor>>of(Tensor::add, Tensor::sub, Tensor::mul)) {
            for (int[] shape : new int[][] {{3, 2}, {2, 2}, {3, 3}, {1, 2}}) {
                Tensor b = Tensor.constant(shape[0], shape[1], new double[shape[0] * shape[1]]);
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> op.apply(a, b));
                assertTrue(e.getMessage().contains("2×3") && e.getMessage().contains(shape[0] + "×" + shape[1]), e.getMessage());
                IllegalArgumentException flipped = assertThrows(IllegalArgumentException.class, () -> op.apply(b, a));
                assertTrue(flipped.getMessage().contains("2×3") && flipped.getMessage().contains(shape[0] + "×" + shape[1]), flipped.getMessage());
            }
        }
    }

    @Test
    void squared_distance_sum_of_two_shapes_refuses_naming_both_even_where_broadcasting_would_stretch() {
        Tensor a = Tensor.variable(3, 1, new double[3]);
        for (int[] shape : new int[][] {{1, 1}, {1, 3}, {2, 1}}) {
            Tensor b = Tensor.constant(shape[0], shape[1], new double[shape[0] * shape[1]]);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> a.squaredDistanceSum(b));
            assertTrue(e.getMessage().contains("3×1") && e.getMessage().contains(shape[0] + "×" + shape[1]), e.getMessage());
        }
    }

    @Test
    void matmul_of_mismatched_shapes_names_both() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> Tensor.variable(2, 3, new double[6]).matmul(Tensor.constant(2, 3, new double[6])));
        assertTrue(e.getMessage().contains("2×3 · 2×3"), e.getMessage());
    }

    @Test
    void leaf_mutations_are_refused_on_computed_tensors_and_on_wrong_shapes() {
        Tensor p = Tensor.parameters(1, 2);
        Tensor computed = p.mul(p);
        assertThrows(IllegalStateException.class, () -> computed.addInPlace(1, new double[] {1, 1}));
        assertThrows(IllegalStateException.class, () -> computed.assign(new DMatrixRMaj(2, 1)));
        assertThrows(IllegalStateException.class, computed::zeroGrad);
        IllegalArgumentException shape = assertThrows(IllegalArgumentException.class, () -> p.assign(new DMatrixRMaj(1, 2)));
        assertTrue(shape.getMessage().contains("1×2") && shape.getMessage().contains("2×1"), shape.getMessage());
        assertThrows(IllegalArgumentException.class, () -> p.addInPlace(1, new double[3]));
    }

    @Test
    void malformed_leaves_and_indices_are_refused() {
        assertThrows(IllegalArgumentException.class, () -> Tensor.constant(2, 2, 1, 2, 3));
        assertThrows(IllegalArgumentException.class, () -> Tensor.constant(0, 1));
        assertThrows(IndexOutOfBoundsException.class, () -> Tensor.parameters(1, 2).at(2));
        assertThrows(IndexOutOfBoundsException.class, () -> Tensor.parameters(1, 2).at(-1));
        assertThrows(IllegalStateException.class, () -> Tensor.parameters(1, 2).item());
    }

    @Test
    void a_leaf_copies_its_values_so_the_caller_cannot_change_it_later() {
        double[] values = {1, 2};
        Tensor t = Tensor.parameters(values);
        values[0] = 99;
        t.values()[1] = 99;
        assertArrayEquals(new double[] {1, 2}, t.values(), 0.0);
    }

    @Test
    void long_graphs_whose_reductions_share_one_scratch_give_each_reduction_its_own_result() {
        // three reductions over 600 elements in one graph (the wide order, with a scratch each op would otherwise own)
        int n = Sums.WIDE + 88;
        double[] x = new double[n], y = new double[n];
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < n; i++) {
            x[i] = 3 * random.nextDouble() - 1.5;
            y[i] = 3 * random.nextDouble() - 1.5;
        }
        Tensor p = Tensor.parameters(0.5, -0.25);
        Tensor loss = Tensor.column(x).mul(p.at(0)).add(p.at(1)).squaredDistanceSum(Tensor.column(y));
        loss.recompute();
        loss.backward();
        // the same sums, each on its own: Σ(p0·x + p1 − y)², and ∂/∂p0 = Σ 2e·x, ∂/∂p1 = Σ 2e, each term computed as the graph does
        double[] f = new double[n], e2 = new double[n];
        for (int i = 0; i < n; i++) {
            f[i] = x[i] * 0.5 + -0.25;
            e2[i] = 0.0 + 1.0 * (2 * (f[i] - y[i]));
        }
        assertEquals(Sums.squaredDistance(f, y, n), loss.item(), 0.0);
        assertArrayEquals(new double[] {Sums.dot(e2, x, n), Sums.sum(e2, n)}, p.gradient(), 0.0);
        assertGradientsMatch(v -> v[0].mul(v[1].at(0)).add(v[1].at(1)).squaredDistanceSum(Tensor.column(y)),
            new Input(n, 1, x), new Input(2, 1, new double[] {0.5, -0.25}));
    }
}
