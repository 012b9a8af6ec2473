package org.sgdplayground.autograd;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.sgdplayground.autograd.elementwise.Add;
import org.sgdplayground.autograd.elementwise.Div;
import org.sgdplayground.autograd.elementwise.Elementwise;
import org.sgdplayground.autograd.elementwise.Mul;
import org.sgdplayground.autograd.elementwise.Neg;
import org.sgdplayground.autograd.elementwise.Power;
import org.sgdplayground.autograd.elementwise.Square;
import org.sgdplayground.autograd.elementwise.Sub;

/**
 * A matrix of doubles that remembers how it was made — its {@link Op} and its parents — so that
 * {@link #backward()} can send gradients back to the tensors it came from (reverse-mode automatic
 * differentiation, as in micrograd and PyTorch). An op computes its output when it is built; its object holds
 * forward and backward side by side. Gradients accumulate ({@code +=}), so a tensor used twice receives the sum
 * of both uses; a leaf's gradient grows until {@link #zeroGrad()}.
 *
 * <p>A graph can be run again after a leaf changes ({@link #addInPlace}, {@link #assign}): the trainer compiles
 * its loss once ({@link #compile()}) and then alternates the {@link Program}'s passes with an SGD update, which
 * keeps a step free of allocation. Shapes are {@code rows × cols}; {@link #add}, {@link #sub} and {@link #mul}
 * broadcast (see {@link Broadcast}).
 */
public final class Tensor {
    DMatrixRMaj data;
    /** The gradient: {@code ownGrad}, or during and after a pass that let it through unchanged, the consumer's (see {@link #receive}). */
    DMatrixRMaj grad;
    private DMatrixRMaj ownGrad;
    final boolean requiresGrad;
    final Tensor[] parents;
    final Op op;
    /** During a backward pass: no contribution has reached this computed tensor's gradient yet (see {@link #firstWrite}). */
    private boolean gradUnwritten;
    /** During a backward pass: exactly one use of this computed tensor is in the graph being differentiated. */
    private boolean usedOnce;

    private Tensor(DMatrixRMaj data, boolean requiresGrad, Op op, Tensor... parents) {
        this.data = data;
        this.requiresGrad = requiresGrad;
        this.op = op;
        this.parents = parents;
        // a leaf's gradient accumulates across passes, so it exists from the start
        if (requiresGrad && parents.length == 0) grad = ownGrad = new DMatrixRMaj(data.numRows, data.numCols);
    }

    // ---- making leaves ------------------------------------------------------------------------------------

    /** A constant {@code rows × cols} tensor (no gradient) holding a copy of {@code values}, row by row. */
    public static Tensor constant(int rows, int cols, double... values) {
        return new Tensor(matrix(rows, cols, values), false, Leaf.OP);
    }

    /** A {@code rows × cols} leaf whose gradient {@link #backward()} fills: a model parameter. */
    public static Tensor variable(int rows, int cols, double... values) {
        return new Tensor(matrix(rows, cols, values), true, Leaf.OP);
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

    /** The tensor {@code op} makes from {@code parents}, into {@code out}, computed now. */
    private static Tensor op(Op op, DMatrixRMaj out, Tensor... parents) {
        boolean wantsGrad = false;
        for (Tensor p : parents) wantsGrad |= p.requiresGrad;
        Tensor t = new Tensor(out, wantsGrad, op, parents);
        op.forward(t, new double[op.scratchLength(t)]);
        return t;
    }

    // ---- ops (each op's forward and backward live in its Op) ----------------------------------------------

    /** {@code this + other}, broadcasting. */
    public Tensor add(Tensor other) {
        return binary(Add.OP, other);
    }

    /** {@code this − other}, broadcasting. */
    public Tensor sub(Tensor other) {
        return binary(Sub.OP, other);
    }

    /** {@code this ⊙ other}, elementwise, broadcasting. */
    public Tensor mul(Tensor other) {
        return binary(Mul.OP, other);
    }

    private Tensor binary(Elementwise f, Tensor other) {
        return op(new Pointwise(f), Broadcast.resultFor(data, other.data, f.name()), this, other);
    }

    /** {@code −this}. */
    public Tensor neg() {
        return unary(Neg.OP);
    }

    /** {@code this / divisor} for a constant divisor, elementwise. */
    public Tensor div(double divisor) {
        return unary(new Div(divisor));
    }

    /** {@code thisᵉ} elementwise for a constant exponent; {@code e = 2} is computed as {@code x·x}, exactly. */
    public Tensor pow(double exponent) {
        return unary(exponent == 2 ? Square.OP : new Power(exponent));
    }

    private Tensor unary(Elementwise f) {
        return op(new Pointwise(f), new DMatrixRMaj(data.numRows, data.numCols), this);
    }

    /** {@code Σ this}, a {@code 1 × 1} tensor. */
    public Tensor sum() {
        return op(Reduction.SUM, new DMatrixRMaj(1, 1), this);
    }

    /**
     * {@code Σ (this − other)²}, a {@code 1 × 1} tensor, for two tensors of the same shape: the sum of squared
     * errors in one op, as PyTorch has {@code F.mse_loss} beside its elementwise ops. It gives exactly what
     * {@code this.sub(other).pow(2).sum()} gives, value and gradients, with one pass over memory forward and
     * one back instead of three each.
     */
    public Tensor squaredDistanceSum(Tensor other) {
        if (!Broadcast.sameShape(data, other.data)) {
            throw new IllegalArgumentException("squaredDistanceSum needs two tensors of one shape, got "
                + Broadcast.shape(data) + " and " + Broadcast.shape(other.data));
        }
        return op(Reduction.SQUARED_DISTANCE_SUM, new DMatrixRMaj(1, 1), this, other);
    }

    /** The mean of all elements, computed as {@code Σ this / count}. */
    public Tensor mean() {
        return sum().div(data.getNumElements());
    }

    /** The matrix product {@code this · other}. */
    public Tensor matmul(Tensor other) {
        if (data.numCols != other.data.numRows) {
            throw new IllegalArgumentException("cannot multiply " + Broadcast.shape(data) + " · " + Broadcast.shape(other.data));
        }
        return op(MatMul.OP, new DMatrixRMaj(data.numRows, other.data.numCols), this, other);
    }

    /** Element {@code i} (row-major) as a {@code 1 × 1} tensor; its gradient flows back to that element only. */
    public Tensor at(int i) {
        if (i < 0 || i >= data.getNumElements()) throw new IndexOutOfBoundsException("index " + i + " outside " + Broadcast.shape(data));
        return op(new Pick(i), new DMatrixRMaj(1, 1), this);
    }

    // ---- running the graph --------------------------------------------------------------------------------

    /**
     * Fills the gradient of every tensor this scalar depends on with {@code ∂this/∂tensor}, op by op (see
     * {@link Program#backward}). Finds the graph's order each time: a loop compiles its graph once instead.
     */
    public void backward() {
        Program.interpret(this).backward();
    }

    /** Recomputes every tensor in this one's graph from the current leaves, parents before children, op by op. */
    public void recompute() {
        Program.interpret(this).forward();
    }

    /** This tensor's graph as a {@link Program} to run again and again, its elementwise regions fused; run it through that from then on. */
    public Program compile() {
        return Program.compile(this);
    }

    // ---- the engine's side: what Program, FusedLoop and the ops call -----------------------------------------

    /** Readies this computed tensor's gradient for a backward pass in which it is used once or more. */
    void beginBackwardPass(boolean usedOnceInThisGraph) {
        if (ownGrad == null) ownGrad = new DMatrixRMaj(data.numRows, data.numCols);
        grad = ownGrad;
        gradUnwritten = true;
        usedOnce = usedOnceInThisGraph;
    }

    /** Zeroes this computed tensor's gradient if no path of this pass reached it (it holds the last pass's values). */
    void completeGradient() {
        if (gradUnwritten) gradToAddInto();
    }

    /** {@code grad += sum} for a {@code 1 × 1} tensor, the sum of what a stretched use sent back, computed elsewhere. */
    void receiveSum(double sum) {
        double base = firstWrite() ? 0.0 : grad.data[0];
        grad.data[0] = base + sum;
    }

    /**
     * {@code grad += sumTo(f's gradient for operand)} from {@code out}, computed from this tensor by {@code f}
     * (see {@link Broadcast#accumulate}).
     *
     * <p>When that use is this tensor's only one and passes {@code out}'s gradient through unchanged (as {@code +}
     * does, and {@code −} to its left side), this tensor's gradient <em>is</em> {@code out}'s: it shares the array
     * instead of copying it. Nothing writes to either afterwards in the pass — the consumer's gradient is complete
     * before its backward runs, and this tensor has no other consumer — so both read the values a copy would hold.
     */
    void receive(Elementwise f, int operand, Tensor out, double[] scratch) {
        boolean first = firstWrite();
        if (first && usedOnce && f.passesGradient(operand) && Broadcast.sameShape(out.grad, grad)) {
            grad = out.grad;
            return;
        }
        Tensor[] in = out.parents;
        Broadcast.accumulate(f, operand, out.grad, in[0].data, in.length > 1 ? in[1].data : null, grad, first, scratch);
    }

    /**
     * True exactly once per backward pass for a computed tensor — when the first contribution to its gradient is
     * about to be written, which must then overwrite rather than add. Always false for a leaf, whose gradient
     * accumulates across passes.
     */
    boolean firstWrite() {
        boolean first = gradUnwritten;
        gradUnwritten = false;
        return first;
    }

    /** This tensor's gradient, zeroed first if this is the pass's first write to it: for ops that only know how to add. */
    DMatrixRMaj gradToAddInto() {
        if (firstWrite()) Arrays.fill(grad.data, 0, grad.getNumElements(), 0.0);
        return grad;
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

    /** The op that made this tensor ({@link Leaf} for a leaf). */
    public Op op() {
        return op;
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

    /** The tensors this one was computed from, for tools that walk the graph. */
    public List<Tensor> parents() {
        return Collections.unmodifiableList(Arrays.asList(parents));
    }

    @Override
    public String toString() {
        return "Tensor" + Broadcast.shape(data) + Arrays.toString(values()) + (requiresGrad ? " (grad)" : "");
    }
}
