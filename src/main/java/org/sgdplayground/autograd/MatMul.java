package org.sgdplayground.autograd;

import org.ejml.dense.row.CommonOps_DDRM;

/** The matrix product {@code A·B}. */
public final class MatMul extends Op {
    static final MatMul OP = new MatMul();

    private MatMul() {}

    @Override
    public String name() {
        return "·";
    }

    @Override
    void forward(Tensor out, double[] scratch) {
        CommonOps_DDRM.mult(out.parents[0].data, out.parents[1].data, out.data);
    }

    @Override
    void backward(Tensor out, double[] scratch) {
        // d(AB) = dA·B + A·dB, so ∂L/∂A = G·Bᵀ and ∂L/∂B = Aᵀ·G
        Tensor a = out.parents[0], b = out.parents[1];
        if (a.requiresGrad) CommonOps_DDRM.multAddTransB(out.grad, b.data, a.gradToAddInto());
        if (b.requiresGrad) CommonOps_DDRM.multAddTransA(a.data, out.grad, b.gradToAddInto());
    }
}
