package org.sgdplayground.autograd;

import org.sgdplayground.autograd.elementwise.Elementwise;

/** One {@link Elementwise} op applied element by element to its one or two operands, broadcasting ({@link Broadcast}). */
public final class Pointwise extends Op {
    private final Elementwise function;

    Pointwise(Elementwise function) {
        this.function = function;
    }

    /** The op applied to each element: what the interpreter runs and the fused loops are written from. */
    public Elementwise function() {
        return function;
    }

    @Override
    public String name() {
        return function.name();
    }

    @Override
    void forward(Tensor out, double[] scratch) {
        Tensor[] in = out.parents;
        Broadcast.map(function, in[0].data, in.length > 1 ? in[1].data : null, out.data);
    }

    @Override
    void backward(Tensor out, double[] scratch) {
        Tensor[] in = out.parents;
        for (int operand = 0; operand < in.length; operand++) {
            if (in[operand].requiresGrad) in[operand].receive(function, operand, out, scratch);
        }
    }

    /** Room for the terms a scalar operand stretched over the output sums its gradient from (see {@link Broadcast#accumulate}). */
    @Override
    int scratchLength(Tensor out) {
        for (Tensor in : out.parents) {
            if (in.requiresGrad && Broadcast.isScalar(in.data) && !Broadcast.isScalar(out.data)) return out.data.getNumElements();
        }
        return 0;
    }
}
