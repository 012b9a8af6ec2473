package org.sgdplayground.autograd;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;

/**
 * The one place that knows how shapes stretch, NumPy style: two shapes combine when, per dimension, they are
 * equal or one of them is 1. The forward kernels read a stretched operand in place (nothing is expanded), and
 * {@link #accumulate} sums a gradient back down to an operand's own shape.
 *
 * <p>The common cases — same shape, or a scalar against a tensor — get tight loops the JIT can vectorise;
 * rows and columns stretching against each other take the general indexed path.
 */
final class Broadcast {
    private Broadcast() {}

    enum Op { ADD, SUB, MUL }

    /** The shape {@code a op b} has, or an error that names both shapes. */
    static DMatrixRMaj resultFor(DMatrixRMaj a, DMatrixRMaj b, String opName) {
        return new DMatrixRMaj(dim(a.numRows, b.numRows, a, b, opName), dim(a.numCols, b.numCols, a, b, opName));
    }

    private static int dim(int m, int n, DMatrixRMaj a, DMatrixRMaj b, String opName) {
        if (m == n || n == 1) return m;
        if (m == 1) return n;
        throw new IllegalArgumentException("cannot broadcast " + shape(a) + " " + opName + " " + shape(b));
    }

    static String shape(DMatrixRMaj m) {
        return m.numRows + "×" + m.numCols;
    }

    static boolean sameShape(DMatrixRMaj a, DMatrixRMaj b) {
        return a.numRows == b.numRows && a.numCols == b.numCols;
    }

    static boolean isScalar(DMatrixRMaj a) {
        return a.numRows == 1 && a.numCols == 1;
    }

    /** {@code out = a op b}, elementwise, with {@code a} and {@code b} stretched to {@code out}'s shape. */
    static void apply(Op op, DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj out) {
        double[] x = a.data, y = b.data, o = out.data;
        int n = out.getNumElements();
        if (sameShape(a, out) && sameShape(b, out)) {
            switch (op) {
                case ADD: for (int i = 0; i < n; i++) o[i] = x[i] + y[i]; return;
                case SUB: for (int i = 0; i < n; i++) o[i] = x[i] - y[i]; return;
                default:  for (int i = 0; i < n; i++) o[i] = x[i] * y[i]; return;
            }
        }
        if (sameShape(a, out) && isScalar(b)) {
            double s = y[0];
            switch (op) {
                case ADD: for (int i = 0; i < n; i++) o[i] = x[i] + s; return;
                case SUB: for (int i = 0; i < n; i++) o[i] = x[i] - s; return;
                default:  for (int i = 0; i < n; i++) o[i] = x[i] * s; return;
            }
        }
        if (isScalar(a) && sameShape(b, out)) {
            double s = x[0];
            switch (op) {
                case ADD: for (int i = 0; i < n; i++) o[i] = s + y[i]; return;
                case SUB: for (int i = 0; i < n; i++) o[i] = s - y[i]; return;
                default:  for (int i = 0; i < n; i++) o[i] = s * y[i]; return;
            }
        }
        for (int r = 0; r < out.numRows; r++) {
            for (int c = 0; c < out.numCols; c++) {
                double u = x[index(a, r, c)], v = y[index(b, r, c)];
                o[r * out.numCols + c] = op == Op.ADD ? u + v : op == Op.SUB ? u - v : u * v;
            }
        }
    }

    /** Where element {@code (r, c)} of the stretched {@code m} lives in {@code m.data}. */
    private static int index(DMatrixRMaj m, int r, int c) {
        return (m.numRows == 1 ? 0 : r) * m.numCols + (m.numCols == 1 ? 0 : c);
    }

    /**
     * {@code target += sumTo(sign · g ⊙ factor)}: the gradient {@code g}, of the output's shape, times an
     * optional {@code factor} (null means 1) stretched to that shape, summed over every dimension along which
     * {@code target} was stretched. {@code sign} is ±1, so scaling by it is exact.
     *
     * <p>With {@code overwrite}, {@code target} is first taken as zero whatever it holds — the first
     * contribution of a backward pass — so the pass needs no separate zero fill. Each element is then written
     * as {@code 0.0 + v}, which is exactly what adding {@code v} to a zeroed element gives (−0.0 included).
     * {@code scratch} is room for a reduction over {@code g}'s elements (see {@link Sums#scratch}).
     */
    static void accumulate(DMatrixRMaj g, DMatrixRMaj factor, double sign, DMatrixRMaj target, boolean overwrite, double[] scratch) {
        double[] gd = g.data, t = target.data;
        int n = g.getNumElements();
        if (sameShape(target, g)) {
            if (factor == null) {
                if (overwrite) for (int i = 0; i < n; i++) t[i] = 0.0 + sign * gd[i];
                else for (int i = 0; i < n; i++) t[i] += sign * gd[i];
            } else if (sameShape(factor, g)) {
                double[] f = factor.data;
                if (overwrite) for (int i = 0; i < n; i++) t[i] = 0.0 + sign * (gd[i] * f[i]);
                else for (int i = 0; i < n; i++) t[i] += sign * (gd[i] * f[i]);
            } else if (isScalar(factor)) {
                double s = factor.data[0];
                if (overwrite) for (int i = 0; i < n; i++) t[i] = 0.0 + sign * (gd[i] * s);
                else for (int i = 0; i < n; i++) t[i] += sign * (gd[i] * s);
            } else {
                generalAccumulate(g, factor, sign, target, overwrite);
            }
            return;
        }
        if (isScalar(target)) {
            double base = overwrite ? 0.0 : t[0];
            if (factor == null) {
                t[0] = base + sign * Sums.sum(gd, n, scratch);
                return;
            }
            if (sameShape(factor, g)) {
                t[0] = base + sign * Sums.dot(gd, factor.data, n, scratch);
                return;
            }
        }
        generalAccumulate(g, factor, sign, target, overwrite);
    }

    private static void generalAccumulate(DMatrixRMaj g, DMatrixRMaj factor, double sign, DMatrixRMaj target, boolean overwrite) {
        if (overwrite) Arrays.fill(target.data, 0, target.getNumElements(), 0.0);
        for (int r = 0; r < g.numRows; r++) {
            for (int c = 0; c < g.numCols; c++) {
                double v = g.data[r * g.numCols + c];
                if (factor != null) v *= factor.data[index(factor, r, c)];
                target.data[index(target, r, c)] += sign * v;
            }
        }
    }
}
