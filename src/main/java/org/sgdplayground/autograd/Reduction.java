package org.sgdplayground.autograd;

import org.sgdplayground.autograd.elementwise.Elementwise;
import org.sgdplayground.autograd.elementwise.Identity;
import org.sgdplayground.autograd.elementwise.SquaredDifference;

/**
 * {@code Σᵢ term(aᵢ, bᵢ)}, a {@code 1 × 1} tensor, added up in the fixed order of {@link Sums}: {@link #SUM} and
 * {@link #SQUARED_DISTANCE_SUM}. The term is an {@link Elementwise} op, so the fused loops write a reduction's
 * element from the same object; {@code ReductionTest} holds each reduction's sum to its term's.
 */
public final class Reduction extends Op {
    /** {@code Σ a}. */
    static final Reduction SUM = new Reduction("Σ", Identity.OP, (a, b, n, scratch) -> Sums.sum(a, n, scratch));
    /** {@code Σ (a − b)²}, as PyTorch has {@code F.mse_loss} beside its elementwise ops. */
    static final Reduction SQUARED_DISTANCE_SUM = new Reduction("Σ(a − b)²", SquaredDifference.OP, Sums::squaredDistance);

    /** The interpreter's sum of the terms over {@code [0, n)}: one of {@link Sums}'s. */
    interface Summation {
        double of(double[] a, double[] b, int n, double[] scratch);
    }

    private final String name;
    private final Elementwise term;
    private final Summation summation;

    private Reduction(String name, Elementwise term, Summation summation) {
        this.name = name;
        this.term = term;
        this.summation = summation;
    }

    /** What is summed, element by element. */
    public Elementwise term() {
        return term;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    void forward(Tensor out, double[] scratch) {
        Tensor[] in = out.parents;
        out.data.data[0] = summation.of(in[0].data.data, in[in.length - 1].data.data, in[0].data.getNumElements(), scratch);
    }

    @Override
    void backward(Tensor out, double[] scratch) {
        // ∂Σ term(aᵢ, bᵢ)/∂aᵢ is the term's own derivative at element i: one pass per operand that wants it
        Tensor[] in = out.parents;
        double[] a = in[0].data.data, b = in[in.length - 1].data.data; // a unary term ignores b
        int n = in[0].data.getNumElements();
        double g = out.grad.data[0];
        for (int operand = 0; operand < in.length; operand++) {
            if (!in[operand].requiresGrad) continue;
            boolean first = in[operand].firstWrite();
            double[] t = in[operand].grad.data;
            for (int i = 0; i < n; i++) t[i] = (first ? 0.0 : t[i]) + term.gradient(operand, g, a[i], b[i]);
        }
    }

    @Override
    int scratchLength(Tensor out) {
        return Sums.scratchLength(out.parents[0].data.getNumElements());
    }
}
