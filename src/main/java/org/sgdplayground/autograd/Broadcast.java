package org.sgdplayground.autograd;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.sgdplayground.autograd.elementwise.Elementwise;

/**
 * The one place that knows how shapes stretch, NumPy style: two shapes combine when, per dimension, they are
 * equal or one of them is 1. {@link #map} reads a stretched operand in place (nothing is expanded), and
 * {@link #accumulate} sums a gradient back down to an operand's own shape.
 *
 * <p>The common cases — same shape, or a scalar against a tensor — get loops of their own; rows and columns
 * stretching against each other take the general indexed path.
 */
public final class Broadcast {
    private Broadcast() {}

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

    /** Whether {@code a} and {@code b} have one shape. */
    public static boolean sameShape(Tensor a, Tensor b) {
        return sameShape(a.data, b.data);
    }

    /** Whether {@code t} is {@code 1 × 1}, which stretches to any shape. */
    public static boolean isScalar(Tensor t) {
        return isScalar(t.data);
    }

    /** {@code out = f(a, b)}, elementwise, with {@code a} and {@code b} stretched to {@code out}'s shape; {@code b} is null for a unary {@code f}. */
    static void map(Elementwise f, DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj out) {
        double[] x = a.data, o = out.data;
        int n = out.getNumElements();
        if (b == null) {
            for (int i = 0; i < n; i++) o[i] = f.apply(x[i], 0.0);
            return;
        }
        double[] y = b.data;
        if (sameShape(a, out) && sameShape(b, out)) {
            for (int i = 0; i < n; i++) o[i] = f.apply(x[i], y[i]);
        } else if (sameShape(a, out) && isScalar(b)) {
            double s = y[0];
            for (int i = 0; i < n; i++) o[i] = f.apply(x[i], s);
        } else if (isScalar(a) && sameShape(b, out)) {
            double s = x[0];
            for (int i = 0; i < n; i++) o[i] = f.apply(s, y[i]);
        } else {
            for (int r = 0; r < out.numRows; r++) {
                for (int c = 0; c < out.numCols; c++) o[r * out.numCols + c] = f.apply(x[index(a, r, c)], y[index(b, r, c)]);
            }
        }
    }

    /** Where element {@code (r, c)} of the stretched {@code m} lives in {@code m.data}. */
    private static int index(DMatrixRMaj m, int r, int c) {
        return (m.numRows == 1 ? 0 : r) * m.numCols + (m.numCols == 1 ? 0 : c);
    }

    /**
     * {@code target += sumTo(term)}, where {@code termᵢ = f.gradient(operand, gᵢ, aᵢ, bᵢ)} over the output's shape
     * ({@code g} is the output's gradient, {@code a} and {@code b} stretched to it; {@code b} null for a unary
     * {@code f}), summed over every dimension along which {@code target}, operand {@code operand}, was stretched.
     *
     * <p>With {@code overwrite}, {@code target} is first taken as zero whatever it holds — the first contribution of
     * a backward pass — so the pass needs no separate zero fill. Each element is then written as {@code 0.0 + v},
     * which is exactly what adding {@code v} to a zeroed element gives (−0.0 included). A scalar target gets the sum
     * of the terms in {@link Sums}'s order, computed in {@code scratch} (at least {@code g}'s length).
     */
    static void accumulate(Elementwise f, int operand, DMatrixRMaj g, DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj target,
                           boolean overwrite, double[] scratch) {
        double[] gd = g.data, x = a.data, t = target.data;
        int n = g.getNumElements();
        if (b == null) {
            for (int i = 0; i < n; i++) t[i] = (overwrite ? 0.0 : t[i]) + f.gradient(operand, gd[i], x[i], 0.0);
            return;
        }
        double[] y = b.data;
        boolean aFull = sameShape(a, g), bFull = sameShape(b, g);
        if (sameShape(target, g)) {
            if (aFull && bFull) {
                for (int i = 0; i < n; i++) t[i] = (overwrite ? 0.0 : t[i]) + f.gradient(operand, gd[i], x[i], y[i]);
            } else if (aFull && isScalar(b)) {
                double s = y[0];
                for (int i = 0; i < n; i++) t[i] = (overwrite ? 0.0 : t[i]) + f.gradient(operand, gd[i], x[i], s);
            } else if (isScalar(a) && bFull) {
                double s = x[0];
                for (int i = 0; i < n; i++) t[i] = (overwrite ? 0.0 : t[i]) + f.gradient(operand, gd[i], s, y[i]);
            } else {
                generalAccumulate(f, operand, g, a, b, target, overwrite);
            }
            return;
        }
        if (isScalar(target) && (aFull || bFull)) {
            // a scalar operand stretched over the other: its terms, then their sum in Sums's order
            double[] terms = scratch;
            if (bFull) {
                for (int i = 0; i < n; i++) terms[i] = f.gradient(operand, gd[i], x[0], y[i]);
            } else {
                for (int i = 0; i < n; i++) terms[i] = f.gradient(operand, gd[i], x[i], y[0]);
            }
            t[0] = (overwrite ? 0.0 : t[0]) + Sums.sum(terms, n, terms);
            return;
        }
        generalAccumulate(f, operand, g, a, b, target, overwrite);
    }

    private static void generalAccumulate(Elementwise f, int operand, DMatrixRMaj g, DMatrixRMaj a, DMatrixRMaj b,
                                          DMatrixRMaj target, boolean overwrite) {
        if (overwrite) Arrays.fill(target.data, 0, target.getNumElements(), 0.0);
        for (int r = 0; r < g.numRows; r++) {
            for (int c = 0; c < g.numCols; c++) {
                double term = f.gradient(operand, g.data[r * g.numCols + c], a.data[index(a, r, c)], b.data[index(b, r, c)]);
                target.data[index(target, r, c)] += term;
            }
        }
    }
}
