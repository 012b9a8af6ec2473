package org.sgdplayground.autograd;

/**
 * What made a tensor, and how to make it again: {@link #forward} recomputes the output from its parents, and
 * {@link #backward} adds the output's gradient, times the local derivative, into the parents' gradients. Each
 * op's two directions sit side by side in one class, as minitorch's {@code Function} has them.
 *
 * <p>An op holds no graph state; {@code scratch} is room a {@link Program} shares among all its ops (see
 * {@link #scratchLength}), since a graph runs one op at a time.
 */
public abstract sealed class Op permits Leaf, Pointwise, Reduction, MatMul, Pick {
    Op() {}

    /** How the op is written, for a graph view and messages. */
    public abstract String name();

    /** {@code out = op(out's parents)}. */
    abstract void forward(Tensor out, double[] scratch);

    /** {@code parent.grad += ∂out/∂parent · out.grad} for every parent that wants a gradient; {@code out.grad} is complete. */
    abstract void backward(Tensor out, double[] scratch);

    /** How long the {@code scratch} that {@link #forward} and {@link #backward} are given must be for {@code out}. */
    int scratchLength(Tensor out) {
        return 0;
    }

    @Override
    public String toString() {
        return name();
    }
}
