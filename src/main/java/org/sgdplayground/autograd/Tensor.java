package org.sgdplayground.autograd;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * A matrix of doubles that remembers how it was made, so that {@link #backward()} can send gradients back
 * to the tensors it came from (reverse-mode automatic differentiation, as in micrograd and PyTorch).
 *
 * <p>Every op builds its output eagerly and writes two closures side by side: {@code forward}, which
 * recomputes the output from its parents, and {@code backward}, which adds the output's gradient, times the
 * local derivative, into the parents' gradients. Gradients accumulate ({@code +=}), so a tensor used twice
 * receives the sum of both uses; a leaf's gradient grows until {@link #zeroGrad()}.
 *
 * <p>A graph can be run again: after a leaf changes ({@link #addInPlace}, {@link #assign}), {@link #recompute()}
 * refreshes every tensor below it in topological order, without building a new graph. The trainer builds the
 * loss once per session and then alternates {@code recompute}, {@code backward} and an SGD update, which keeps
 * a step free of allocation.
 *
 * <p>Shapes are {@code rows × cols}; {@link #add}, {@link #sub} and {@link #mul} broadcast (see
 * {@link Broadcast}).
 */
public final class Tensor {
    private DMatrixRMaj data;
    /** The gradient: {@code ownGrad}, or during and after a pass that let it through unchanged, the consumer's (see {@link #receive}). */
    private DMatrixRMaj grad, ownGrad;
    private final boolean requiresGrad;
    private final Tensor[] parents;
    private Runnable forward = () -> {};
    private Runnable backward = () -> {};
    /** During {@link #backward()}: no contribution has reached this computed tensor's gradient yet (see {@link #firstWrite}). */
    private boolean gradUnwritten;
    /** During {@link #backward()}: exactly one use of this computed tensor is in the graph being differentiated. */
    private boolean usedOnce;
    /** Cached per root: its graph in topological order; the computed tensors; the leaves and the computed tensors that want gradients. */
    private Tensor[] topologicalOrder, computed, leavesWantingGrad, computedWantingGrad;
    /** For each of {@code computedWantingGrad}: whether this graph uses it exactly once. */
    private boolean[] usedOnceInGraph;
    /** Room for this op's reductions (see {@link Sums#scratch}), made with the op so that running it allocates nothing; shared across a graph once it runs as one ({@link #shareScratch}). */
    private double[] scratch = NO_SCRATCH;
    private static final double[] NO_SCRATCH = new double[0];
    /** Which op made this tensor, and its constant (divisor, exponent, index): what {@link Fusion} reads to write a fused loop. */
    private Kind kind = Kind.LEAF;
    private double constant;
    /** Set by {@link #compile()}: this tensor lives inside a fused loop, which computes it without storing it. */
    private boolean absorbed;
    /** Set by {@link #compile()} on the reduction that ends a fused region: the loop that now runs the region. */
    private FusedLoop fusedLoop;

    /** The ops, as {@link Fusion} tells them apart. */
    enum Kind { LEAF, ADD, SUB, MUL, NEG, DIV, POW, SUM, SQUARED_DISTANCE_SUM, MATMUL, AT }

    private Tensor(DMatrixRMaj data, boolean requiresGrad, Tensor... parents) {
        this.data = data;
        this.parents = parents;
        this.requiresGrad = requiresGrad;
    }

    // ---- making leaves ------------------------------------------------------------------------------------

    /** A constant {@code rows × cols} tensor (no gradient) holding a copy of {@code values}, row by row. */
    public static Tensor constant(int rows, int cols, double... values) {
        return new Tensor(matrix(rows, cols, values), false);
    }

    /** A {@code rows × cols} leaf whose gradient {@link #backward()} fills: a model parameter. */
    public static Tensor variable(int rows, int cols, double... values) {
        return new Tensor(matrix(rows, cols, values), true);
    }

    /** A constant column vector ({@code n × 1}). */
    public static Tensor column(double... values) {
        return constant(values.length, 1, values);
    }

    /** A column vector of parameters ({@code k × 1}) that wants gradients. */
    public static Tensor parameters(double... values) {
        return variable(values.length, 1, values);
    }

    /** A constant {@code 1 × 1} tensor. */
    public static Tensor scalar(double value) {
        return constant(1, 1, value);
    }

    private static DMatrixRMaj matrix(int rows, int cols, double[] values) {
        if (rows < 1 || cols < 1) throw new IllegalArgumentException("shape must be at least 1×1, got " + rows + "×" + cols);
        if (values.length != rows * cols) {
            throw new IllegalArgumentException(rows + "×" + cols + " needs " + rows * cols + " values, got " + values.length);
        }
        return new DMatrixRMaj(rows, cols, true, values.clone());
    }

    private static Tensor op(DMatrixRMaj out, Tensor... parents) {
        boolean wantsGrad = false;
        for (Tensor p : parents) wantsGrad |= p.requiresGrad;
        return new Tensor(out, wantsGrad, parents);
    }

    // ---- ops: each forward beside its backward ------------------------------------------------------------

    /** {@code this + other}, broadcasting. */
    public Tensor add(Tensor other) {
        return binary(Broadcast.Op.ADD, other, "+");
    }

    /** {@code this − other}, broadcasting. */
    public Tensor sub(Tensor other) {
        return binary(Broadcast.Op.SUB, other, "−");
    }

    /** {@code this ⊙ other}, elementwise, broadcasting. */
    public Tensor mul(Tensor other) {
        return binary(Broadcast.Op.MUL, other, "⊙");
    }

    private Tensor binary(Broadcast.Op kind, Tensor other, String symbol) {
        Tensor a = this, b = other;
        Tensor out = op(Broadcast.resultFor(a.data, b.data, symbol), a, b);
        out.kind = kind == Broadcast.Op.ADD ? Kind.ADD : kind == Broadcast.Op.SUB ? Kind.SUB : Kind.MUL;
        out.scratch = Sums.scratch(out.data.getNumElements());
        out.forward = () -> Broadcast.apply(kind, a.data, b.data, out.data);
        out.backward = () -> {
            // d(a+b) = da + db;  d(a−b) = da − db;  d(a⊙b) = b⊙da + a⊙db
            if (a.requiresGrad) a.receive(out.grad, kind == Broadcast.Op.MUL ? b.data : null, 1, out.scratch);
            if (b.requiresGrad) b.receive(out.grad, kind == Broadcast.Op.MUL ? a.data : null, kind == Broadcast.Op.SUB ? -1 : 1, out.scratch);
        };
        out.forward.run();
        return out;
    }

    /** {@code −this}. */
    public Tensor neg() {
        Tensor a = this;
        Tensor out = op(new DMatrixRMaj(a.data.numRows, a.data.numCols), a);
        out.kind = Kind.NEG;
        out.forward = () -> {
            for (int i = 0; i < a.data.data.length; i++) out.data.data[i] = -a.data.data[i];
        };
        out.backward = () -> {
            if (a.requiresGrad) a.receive(out.grad, null, -1, out.scratch);
        };
        out.forward.run();
        return out;
    }

    /** {@code this / divisor} for a constant divisor, elementwise. */
    public Tensor div(double divisor) {
        Tensor a = this;
        Tensor out = op(new DMatrixRMaj(a.data.numRows, a.data.numCols), a);
        out.kind = Kind.DIV;
        out.constant = divisor;
        out.forward = () -> {
            double[] x = a.data.data, o = out.data.data;
            for (int i = 0; i < o.length; i++) o[i] = x[i] / divisor;
        };
        out.backward = () -> {
            if (!a.requiresGrad) return;
            double[] g = out.grad.data, t = a.grad.data;
            if (a.firstWrite()) for (int i = 0; i < t.length; i++) t[i] = 0.0 + g[i] / divisor;
            else for (int i = 0; i < t.length; i++) t[i] += g[i] / divisor;
        };
        out.forward.run();
        return out;
    }

    /** {@code thisᵉ} elementwise for a constant exponent; {@code e = 2} is computed as {@code x·x}, exactly. */
    public Tensor pow(double exponent) {
        Tensor a = this;
        Tensor out = op(new DMatrixRMaj(a.data.numRows, a.data.numCols), a);
        out.kind = Kind.POW;
        out.constant = exponent;
        out.forward = () -> {
            double[] x = a.data.data, o = out.data.data;
            if (exponent == 2) {
                for (int i = 0; i < o.length; i++) o[i] = x[i] * x[i];
            } else {
                for (int i = 0; i < o.length; i++) o[i] = StrictMath.pow(x[i], exponent);
            }
        };
        out.backward = () -> {
            if (!a.requiresGrad) return;
            // d(xᵉ) = e·xᵉ⁻¹ dx
            double[] x = a.data.data, g = out.grad.data, t = a.grad.data;
            boolean first = a.firstWrite();
            if (exponent == 2) {
                if (first) for (int i = 0; i < t.length; i++) t[i] = 0.0 + g[i] * (2 * x[i]);
                else for (int i = 0; i < t.length; i++) t[i] += g[i] * (2 * x[i]);
            } else {
                if (first) Arrays.fill(t, 0.0);
                for (int i = 0; i < t.length; i++) t[i] += g[i] * (exponent * StrictMath.pow(x[i], exponent - 1));
            }
        };
        out.forward.run();
        return out;
    }

    /** {@code Σ this}, a {@code 1 × 1} tensor. */
    public Tensor sum() {
        Tensor a = this;
        Tensor out = op(new DMatrixRMaj(1, 1), a);
        out.kind = Kind.SUM;
        out.scratch = Sums.scratch(a.data.getNumElements());
        out.forward = () -> out.data.data[0] = Sums.sum(a.data.data, a.data.getNumElements(), out.scratch);
        out.backward = () -> {
            if (!a.requiresGrad) return;
            // ∂Σx/∂xᵢ = 1: every element gets the output's gradient
            double g = out.grad.data[0];
            double[] t = a.grad.data;
            if (a.firstWrite()) Arrays.fill(t, 0.0 + g);
            else for (int i = 0; i < t.length; i++) t[i] += g;
        };
        out.forward.run();
        return out;
    }

    /**
     * {@code Σ (this − other)²}, a {@code 1 × 1} tensor, for two tensors of the same shape: the sum of squared
     * errors in one op, as PyTorch has {@code F.mse_loss} beside its elementwise ops. It gives exactly what
     * {@code this.sub(other).pow(2).sum()} gives, value and gradients, with one pass over memory forward and
     * one back instead of three each.
     */
    public Tensor squaredDistanceSum(Tensor other) {
        Tensor a = this, b = other;
        if (!Broadcast.sameShape(a.data, b.data)) {
            throw new IllegalArgumentException("squaredDistanceSum needs two tensors of one shape, got "
                + Broadcast.shape(a.data) + " and " + Broadcast.shape(b.data));
        }
        Tensor out = op(new DMatrixRMaj(1, 1), a, b);
        out.kind = Kind.SQUARED_DISTANCE_SUM;
        out.scratch = Sums.scratch(a.data.getNumElements());
        out.forward = () -> out.data.data[0] = Sums.squaredDistance(a.data.data, b.data.data, a.data.getNumElements(), out.scratch);
        out.backward = () -> {
            // ∂Σ(aᵢ − bᵢ)²/∂aᵢ = 2(aᵢ − bᵢ), and ∂/∂bᵢ = −2(aᵢ − bᵢ)
            double g = out.grad.data[0];
            double[] x = a.data.data, y = b.data.data;
            int n = a.data.getNumElements();
            if (a.requiresGrad) {
                double[] t = a.grad.data;
                if (a.firstWrite()) for (int i = 0; i < n; i++) t[i] = 0.0 + g * (2 * (x[i] - y[i]));
                else for (int i = 0; i < n; i++) t[i] += g * (2 * (x[i] - y[i]));
            }
            if (b.requiresGrad) {
                double[] t = b.grad.data;
                if (b.firstWrite()) for (int i = 0; i < n; i++) t[i] = 0.0 - g * (2 * (x[i] - y[i]));
                else for (int i = 0; i < n; i++) t[i] -= g * (2 * (x[i] - y[i]));
            }
        };
        out.forward.run();
        return out;
    }

    /** The mean of all elements, computed as {@code Σ this / count}. */
    public Tensor mean() {
        return sum().div(data.getNumElements());
    }

    /** The matrix product {@code this · other}. */
    public Tensor matmul(Tensor other) {
        Tensor a = this, b = other;
        if (a.data.numCols != b.data.numRows) {
            throw new IllegalArgumentException("cannot multiply " + Broadcast.shape(a.data) + " · " + Broadcast.shape(b.data));
        }
        Tensor out = op(new DMatrixRMaj(a.data.numRows, b.data.numCols), a, b);
        out.kind = Kind.MATMUL;
        out.forward = () -> CommonOps_DDRM.mult(a.data, b.data, out.data);
        out.backward = () -> {
            // d(AB) = dA·B + A·dB, so ∂L/∂A = G·Bᵀ and ∂L/∂B = Aᵀ·G
            if (a.requiresGrad) CommonOps_DDRM.multAddTransB(out.grad, b.data, zeroedIfFirst(a));
            if (b.requiresGrad) CommonOps_DDRM.multAddTransA(a.data, out.grad, zeroedIfFirst(b));
        };
        out.forward.run();
        return out;
    }

    /** Element {@code i} (row-major) as a {@code 1 × 1} tensor; its gradient flows back to that element only. */
    public Tensor at(int i) {
        Tensor a = this;
        if (i < 0 || i >= a.data.getNumElements()) {
            throw new IndexOutOfBoundsException("index " + i + " outside " + Broadcast.shape(a.data));
        }
        Tensor out = op(new DMatrixRMaj(1, 1), a);
        out.kind = Kind.AT;
        out.constant = i;
        out.forward = () -> out.data.data[0] = a.data.data[i];
        out.backward = () -> {
            if (a.requiresGrad) zeroedIfFirst(a).data[i] += out.grad.data[0];
        };
        out.forward.run();
        return out;
    }

    // ---- running the graph --------------------------------------------------------------------------------

    /**
     * Fills the gradient of every tensor this one depends on with {@code ∂this/∂tensor}, by a reverse pass
     * over the graph in topological order. This tensor must be a scalar. Leaves accumulate; the gradients of
     * intermediate tensors belong to this pass and start from zero.
     *
     * <p>"Start from zero" costs no pass over memory: an intermediate's first contribution overwrites what
     * the last pass left, and later ones add to it ({@link #firstWrite}).
     */
    public void backward() {
        if (data.getNumElements() != 1) {
            throw new IllegalStateException("backward() needs a 1×1 tensor, this is " + Broadcast.shape(data));
        }
        topologicalOrder();
        for (Tensor leaf : leavesWantingGrad) {
            if (leaf.grad == null) leaf.grad = leaf.ownGrad = new DMatrixRMaj(leaf.data.numRows, leaf.data.numCols);
        }
        Tensor[] order = computedWantingGrad;
        for (int i = 0; i < order.length; i++) order[i].beginBackwardPass(usedOnceInGraph[i]);
        if (!requiresGrad) return;
        grad.data[0] = (firstWrite() ? 0.0 : grad.data[0]) + 1;
        for (int i = order.length - 1; i >= 0; i--) order[i].runBackwardStep();
    }

    /** Readies this computed tensor's gradient for a backward pass in which it is used once or more. */
    void beginBackwardPass(boolean usedOnceInThisGraph) {
        if (ownGrad == null) ownGrad = new DMatrixRMaj(data.numRows, data.numCols);
        grad = ownGrad;
        gradUnwritten = true;
        usedOnce = usedOnceInThisGraph;
    }

    /** Sends this tensor's gradient, complete by now, to its parents. */
    void runBackwardStep() {
        // Every consumer has run by now; one that no path reached still holds the last pass's values.
        if (gradUnwritten) zeroedIfFirst(this);
        backward.run();
    }

    /**
     * {@code grad += sign · sum} for a {@code 1 × 1} tensor: what {@link #receive} does when a stretched use of
     * this scalar sends back a gradient whose sum (or dot product with the factor) is {@code sum}, computed elsewhere.
     */
    void receiveSum(double sign, double sum) {
        double base = firstWrite() ? 0.0 : grad.data[0];
        grad.data[0] = base + sign * sum;
    }

    /**
     * {@code grad += sumTo(sign · g ⊙ factor)} (see {@link Broadcast#accumulate}), where {@code g} is the gradient
     * of a tensor computed from this one and {@code scratch} that tensor's room for reductions.
     *
     * <p>When that use is this tensor's only one and passes {@code g} through unchanged (as {@code +} does, and
     * {@code −} to its left side), this tensor's gradient <em>is</em> {@code g}: it shares the array instead of
     * copying it. Nothing writes to either afterwards in the pass — the consumer's gradient is complete before
     * its backward runs, and this tensor has no other consumer — so both read the same values a copy would hold.
     */
    private void receive(DMatrixRMaj g, DMatrixRMaj factor, double sign, double[] scratch) {
        boolean first = firstWrite();
        if (first && usedOnce && factor == null && sign == 1 && Broadcast.sameShape(g, grad)) {
            grad = g;
            return;
        }
        Broadcast.accumulate(g, factor, sign, grad, first, scratch);
    }

    /**
     * True exactly once per backward pass for a computed tensor — when the first contribution to its
     * gradient is about to be written, which must then overwrite rather than add. Always false for a leaf,
     * whose gradient accumulates across passes.
     */
    private boolean firstWrite() {
        boolean first = gradUnwritten;
        gradUnwritten = false;
        return first;
    }

    /** {@code t}'s gradient, zeroed first if this is the pass's first write to it: for ops that only know how to add. */
    private static DMatrixRMaj zeroedIfFirst(Tensor t) {
        if (t.firstWrite()) Arrays.fill(t.grad.data, 0, t.grad.getNumElements(), 0.0);
        return t.grad;
    }

    /** Recomputes every tensor in this one's graph from the current leaves, parents before children. */
    public void recompute() {
        topologicalOrder();
        for (Tensor t : computed) t.forward.run();
    }

    /**
     * This tensor and everything it depends on, each after all of its parents; also caches the computed
     * (non-leaf) tensors and the tensors that want gradients, in that order. Cached: a graph only grows downstream.
     */
    private Tensor[] topologicalOrder() {
        if (topologicalOrder != null) return topologicalOrder;
        List<Tensor> order = new ArrayList<>();
        Map<Tensor, Boolean> seen = new IdentityHashMap<>();
        Deque<Tensor> stack = new ArrayDeque<>();
        Deque<Integer> nextParent = new ArrayDeque<>();
        stack.push(this);
        nextParent.push(0);
        seen.put(this, true);
        while (!stack.isEmpty()) {
            Tensor t = stack.peek();
            int k = nextParent.pop();
            if (k < t.parents.length) {
                nextParent.push(k + 1);
                Tensor p = t.parents[k];
                if (seen.put(p, true) == null) {
                    stack.push(p);
                    nextParent.push(0);
                }
            } else {
                order.add(stack.pop());
            }
        }
        Map<Tensor, Integer> uses = new IdentityHashMap<>();
        for (Tensor t : order) for (Tensor p : t.parents) uses.merge(p, 1, Integer::sum);
        computed = order.stream().filter(t -> !t.isLeaf() && !t.absorbed).toArray(Tensor[]::new);
        leavesWantingGrad = order.stream().filter(t -> t.isLeaf() && t.requiresGrad).toArray(Tensor[]::new);
        computedWantingGrad = order.stream().filter(t -> !t.isLeaf() && !t.absorbed && t.requiresGrad).toArray(Tensor[]::new);
        usedOnceInGraph = new boolean[computedWantingGrad.length];
        for (int i = 0; i < computedWantingGrad.length; i++) usedOnceInGraph[i] = uses.getOrDefault(computedWantingGrad[i], 0) == 1;
        shareScratch();
        topologicalOrder = order.toArray(new Tensor[0]);
        return topologicalOrder;
    }

    /**
     * Gives every op of this graph one scratch array, the longest any of them needs: the graph runs one op at a
     * time, and a reduction uses its scratch only while it runs. One array instead of one per op keeps the
     * working set of a pass small enough to stay in the core's nearest cache.
     */
    private void shareScratch() {
        int longest = 0;
        for (Tensor t : computed) longest = Math.max(longest, t.scratch.length);
        if (longest == 0) return;
        double[] shared = new double[longest];
        for (Tensor t : computed) if (t.scratch.length > 0) t.scratch = shared;
    }

    // ---- compiling ----------------------------------------------------------------------------------------

    /**
     * Fuses the elementwise regions of this tensor's graph, as {@code torch.compile} does: each chain of
     * elementwise ops ({@code + − ⊙}, {@code neg}, {@code /c}, {@code ^c}) over tensors of one shape and
     * {@code 1 × 1} scalars that ends in a {@link #sum} or {@link #squaredDistanceSum} becomes one loop forward
     * and one loop back, written as Java from the ops' own forward and backward rules and compiled in the
     * background (see {@link Fusion}). Until a region's loops are compiled it runs op by op as before; the loops
     * compute exactly what the ops compute, bit for bit, so the moment they take over changes nothing but speed.
     *
     * <p>A fused region's inner tensors are no longer stored: after {@code compile()}, read the values and
     * gradients of the tensors a region reads and of its result, not of the tensors in between. Compile the
     * tensor you then {@link #recompute()} and call {@link #backward()} on.
     */
    public Tensor compile() {
        return compileWith(KernelCompiler::kernelFor);
    }

    /** {@link #compile()} with kernels from {@code kernels} (source to kernel), for tests. */
    Tensor compileWith(Function<String, CompletableFuture<Kernel>> kernels) {
        Fusion.fuse(topologicalOrder(), kernels);
        topologicalOrder = null; // the lists to run are rebuilt without the absorbed tensors
        return this;
    }

    /**
     * Waits up to {@code timeout} for this graph's fused loops to be compiled: true when every region now runs
     * compiled, false when time ran out or this runtime cannot compile (a JRE without {@code javax.tools}).
     */
    public boolean awaitCompiled(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Tensor t : topologicalOrder()) {
            if (t.fusedLoop != null && !t.fusedLoop.awaitKernel(deadline)) return false;
        }
        return true;
    }

    /** Whether any region of this graph has been fused by {@link #compile()}. */
    boolean hasFusedRegions() {
        for (Tensor t : topologicalOrder()) if (t.fusedLoop != null) return true;
        return false;
    }

    // ---- what Fusion reads and sets ---------------------------------------------------------------------------

    Kind kind() {
        return kind;
    }

    double constant() {
        return constant;
    }

    Tensor[] inputs() {
        return parents;
    }

    DMatrixRMaj data() {
        return data;
    }

    DMatrixRMaj grad() {
        return grad;
    }

    boolean isAbsorbed() {
        return absorbed;
    }

    boolean isFused() {
        return fusedLoop != null;
    }

    Runnable forwardStep() {
        return forward;
    }

    Runnable backwardStep() {
        return backward;
    }

    /** Makes this reduction the end of a fused region: {@code loop} now runs it forward and back. */
    void fuseInto(FusedLoop loop) {
        fusedLoop = loop;
        forward = loop::forward;
        backward = loop::backward;
    }

    /** Marks this tensor as computed inside a fused loop, never on its own. */
    void absorb() {
        absorbed = true;
    }

    // ---- named mutations of leaves ------------------------------------------------------------------------

    /** Sets this leaf's gradient to zero, as {@code tensor.grad.zero_()} does. */
    public void zeroGrad() {
        requireLeaf("zeroGrad");
        if (grad != null) Arrays.fill(grad.data, 0, grad.getNumElements(), 0.0);
    }

    /** {@code this += alpha · delta}, in place, outside the graph (PyTorch's {@code add_} under {@code no_grad}). */
    public void addInPlace(double alpha, double[] delta) {
        requireLeaf("addInPlace");
        if (delta.length != data.getNumElements()) {
            throw new IllegalArgumentException("delta has " + delta.length + " values, tensor has " + data.getNumElements());
        }
        double[] d = data.data;
        for (int i = 0; i < delta.length; i++) d[i] += alpha * delta[i];
    }

    /** Points this leaf at new values of the same shape (no copy: the caller must not change them afterwards). */
    public void assign(DMatrixRMaj values) {
        requireLeaf("assign");
        if (values.numRows != data.numRows || values.numCols != data.numCols) {
            throw new IllegalArgumentException("cannot assign " + Broadcast.shape(values) + " to " + Broadcast.shape(data));
        }
        data = values;
    }

    private void requireLeaf(String what) {
        if (!isLeaf()) throw new IllegalStateException(what + " is for leaves; this tensor is computed from others");
    }

    // ---- reading ------------------------------------------------------------------------------------------

    /** True for a tensor made by {@link #constant} or {@link #variable}, not computed from others. */
    public boolean isLeaf() {
        return parents.length == 0;
    }

    public boolean requiresGrad() {
        return requiresGrad;
    }

    public int rows() {
        return data.numRows;
    }

    public int cols() {
        return data.numCols;
    }

    /** The single value of a {@code 1 × 1} tensor. */
    public double item() {
        if (data.getNumElements() != 1) throw new IllegalStateException("item() needs a 1×1 tensor, this is " + Broadcast.shape(data));
        return data.data[0];
    }

    /** A copy of the values, row by row. */
    public double[] values() {
        return Arrays.copyOf(data.data, data.getNumElements());
    }

    /** A copy of the gradient, row by row; zeros before any {@link #backward()} has reached this tensor. */
    public double[] gradient() {
        return grad == null ? new double[data.getNumElements()] : Arrays.copyOf(grad.data, grad.getNumElements());
    }

    /** Copies the gradient, row by row, into {@code out} (zeros before any {@link #backward()} has reached this tensor): {@link #gradient()} without the allocation. */
    public void gradientInto(double[] out) {
        if (out.length != data.getNumElements()) {
            throw new IllegalArgumentException("out has " + out.length + " values, tensor has " + data.getNumElements());
        }
        if (grad == null) Arrays.fill(out, 0.0);
        else System.arraycopy(grad.data, 0, out, 0, out.length);
    }

    /** The tensors this one was computed from, for tests and tools that walk the graph. */
    public List<Tensor> parents() {
        return Collections.unmodifiableList(Arrays.asList(parents));
    }

    @Override
    public String toString() {
        return "Tensor" + Broadcast.shape(data) + Arrays.toString(values()) + (requiresGrad ? " (grad)" : "");
    }
}
