package org.sgdplayground.autograd;

/** A tensor made from values, not computed: its values change only by name ({@link Tensor#assign}, {@link Tensor#addInPlace}). */
public final class Leaf extends Op {
    static final Leaf OP = new Leaf();

    private Leaf() {}

    @Override
    public String name() {
        return "leaf";
    }

    @Override
    void forward(Tensor out, double[] scratch) {
        // nothing to recompute: a leaf is its values
    }

    @Override
    void backward(Tensor out, double[] scratch) {
        // nothing to send back to: a leaf keeps the gradient it receives
    }
}
