package org.sgdplayground.analysis;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;
import org.sgdplayground.autograd.Sums;
import org.sgdplayground.data.Dataset;
import org.sgdplayground.model.Model;

/**
 * The best the model can do on all the points: the least-squares parameters {@code p* = argmin ‖Ap − y‖²}, where
 * row {@code i} of {@code A} is the model's features at {@code x_i}, and the loss {@code mean((Ap* − y)²)} there.
 * Solved by QR with column pivoting, which copes with ill-conditioned and rank-deficient designs (then {@code p*}
 * is a minimiser, not the only one).
 */
public record Optimum(double[] params, double loss) {

    public static Optimum of(Model model, Dataset points) {
        int n = points.size(), k = model.parameterCount();
        DMatrixRMaj a = new DMatrixRMaj(n, k), y = new DMatrixRMaj(n, 1), p = new DMatrixRMaj(k, 1);
        for (int i = 0; i < n; i++) {
            double[] row = model.features(points.x(i));
            System.arraycopy(row, 0, a.data, i * k, k);
            y.data[i] = points.y(i);
        }
        LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.leastSquaresQrPivot(true, false);
        if (!solver.setA(a.copy())) throw new IllegalStateException("least squares failed for " + n + " points");
        solver.solve(y, p);
        double[] residualSquares = new double[n];
        for (int i = 0; i < n; i++) {
            double r = model.valueAt(points.x(i), p.data) - points.y(i);
            residualSquares[i] = r * r;
        }
        return new Optimum(p.data.clone(), Sums.sum(residualSquares, n) / n);
    }
}
