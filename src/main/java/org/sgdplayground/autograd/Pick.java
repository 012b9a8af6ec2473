package org.sgdplayground.autograd;

/** Element {@code i} (row-major) of a tensor, as a {@code 1 × 1} tensor; its gradient goes back to that element only. */
public final class Pick extends Op {
    private final int index;

    Pick(int index) {
        this.index = index;
    }

    public int index() {
        return index;
    }

    @Override
    public String name() {
        return "[" + index + "]";
    }

    @Override
    void forward(Tensor out, double[] scratch) {
        out.data.data[0] = out.parents[0].data.data[index];
    }

    @Override
    void backward(Tensor out, double[] scratch) {
        Tensor a = out.parents[0];
        if (a.requiresGrad) a.gradToAddInto().data[index] += out.grad.data[0];
    }
}
