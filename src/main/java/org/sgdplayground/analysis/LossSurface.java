package org.sgdplayground.analysis;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.sgdplayground.data.Dataset;
import org.sgdplayground.model.Model;

/**
 * The loss over all the points as an exact function of the parameters. Every model here is linear in its
 * parameters, so with the design matrix {@code A} (row {@code i} = the model's features at {@code x_i}):
 *
 * <pre>  L(p) = (1/n)·‖Ap − y‖² = L* + (p − p*)ᵀ G (p − p*),   G = AᵀA / n,   ∇L = 2G(p − p*),   H = 2G</pre>
 *
 * where {@code p*}, {@code L*} are the least-squares optimum. The centred form keeps the surface accurate near
 * the optimum, where {@code pᵀGp − 2bᵀp + c} would cancel.
 *
 * <p>From the Hessian's eigenvalues {@code λmin ≤ … ≤ λmax} follow the lessons of the teaching views: full-batch
 * gradient descent shrinks the error along each eigenvector by {@code |1 − lr·λ|} a step, so it diverges when
 * {@code lr > 2/λmax} (with momentum μ: {@code lr > 2(1+μ)/λmax}), and it is slow when the condition number
 * {@code λmax/λmin} is large: no single lr suits both the steepest and the flattest direction.
 */
public final class LossSurface {
    private final int k;
    private final double[] gram;      // G = AᵀA/n, k×k row-major
    private final double[] optimum;   // p*
    private final double optimumLoss; // L*
    private final double[] eigenvalues;

    private LossSurface(double[] gram, int k, Optimum best) {
        this.k = k;
        this.gram = gram;
        this.optimum = best.params();
        this.optimumLoss = best.loss();
        this.eigenvalues = hessianEigenvalues(gram, k);
    }

    public static LossSurface of(Model model, Dataset points) {
        return of(model, points, Optimum.of(model, points));
    }

    public static LossSurface of(Model model, Dataset points, Optimum best) {
        int k = model.parameterCount(), n = points.size();
        double[] gram = new double[k * k];
        for (int i = 0; i < n; i++) {
            double[] phi = model.features(points.x(i));
            for (int r = 0; r < k; r++) for (int c = 0; c < k; c++) gram[r * k + c] += phi[r] * phi[c];
        }
        for (int i = 0; i < gram.length; i++) gram[i] /= n;
        return new LossSurface(gram, k, best);
    }

    private static double[] hessianEigenvalues(double[] gram, int k) {
        DMatrixRMaj h = new DMatrixRMaj(k, k, true, gram.clone());
        CommonOps_DDRM.scale(2, h);
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(k, false, true);
        if (!eig.decompose(h)) throw new IllegalStateException("eigen-decomposition failed");
        double[] values = new double[k];
        for (int i = 0; i < k; i++) values[i] = Math.max(0, eig.getEigenvalue(i).getReal());
        java.util.Arrays.sort(values);
        return values;
    }

    /** {@code L(p)}. */
    public double loss(double[] p) {
        double q = 0;
        for (int r = 0; r < k; r++) {
            double row = 0;
            for (int c = 0; c < k; c++) row += gram[r * k + c] * (p[c] - optimum[c]);
            q += (p[r] - optimum[r]) * row;
        }
        return optimumLoss + q;
    }

    /** {@code ∇L(p) = 2G(p − p*)}. */
    public double[] gradient(double[] p) {
        double[] g = new double[k];
        for (int r = 0; r < k; r++) {
            for (int c = 0; c < k; c++) g[r] += 2 * gram[r * k + c] * (p[c] - optimum[c]);
        }
        return g;
    }

    /** The Hessian's eigenvalues, smallest first: the loss's curvature along its principal directions. */
    public double[] curvatures() {
        return eigenvalues.clone();
    }

    public double largestCurvature() {
        return eigenvalues[k - 1];
    }

    public double smallestCurvature() {
        return eigenvalues[0];
    }

    /** The largest learning rate at which full-batch SGD with momentum μ does not diverge: {@code 2(1+μ)/λmax}. */
    public double stabilityLimit(double momentum) {
        return 2 * (1 + momentum) / largestCurvature();
    }

    /** {@code λmax/λmin}; infinite when some direction is flat (the optimum is not unique). */
    public double conditionNumber() {
        return smallestCurvature() == 0 ? Double.POSITIVE_INFINITY : largestCurvature() / smallestCurvature();
    }

    /** The factor the slowest direction's error shrinks by each step at learning rate lr (no momentum). */
    public double slowestContraction(double learningRate) {
        double worst = 0;
        for (double lambda : eigenvalues) worst = Math.max(worst, Math.abs(1 - learningRate * lambda));
        return worst;
    }

    public double[] optimum() {
        return optimum.clone();
    }

    public double optimumLoss() {
        return optimumLoss;
    }

    /**
     * The loss on a {@code cols × rows} grid over parameters {@code i} (across) and {@code j} (down), the others
     * held at {@code through}. {@code values[r][c]} is at {@code p_i = iMin + c·(iMax−iMin)/(cols−1)},
     * {@code p_j = jMin + r·(jMax−jMin)/(rows−1)}.
     */
    public double[][] grid(int i, int j, double[] through, double iMin, double iMax, double jMin, double jMax, int cols, int rows) {
        if (i == j || i < 0 || j < 0 || i >= k || j >= k) throw new IllegalArgumentException("two different parameters of " + k + " please");
        if (cols < 2 || rows < 2) throw new IllegalArgumentException("a grid needs at least 2×2 cells");
        double[][] out = new double[rows][cols];
        double[] p = through.clone();
        for (int r = 0; r < rows; r++) {
            p[j] = jMin + r * (jMax - jMin) / (rows - 1);
            for (int c = 0; c < cols; c++) {
                p[i] = iMin + c * (iMax - iMin) / (cols - 1);
                out[r][c] = loss(p);
            }
        }
        return out;
    }

    /** {@code G = AᵀA/n}, row-major: with {@code p*} and {@code L*} it determines the surface (the page draws from it). */
    public double[] gram() {
        return gram.clone();
    }
}
