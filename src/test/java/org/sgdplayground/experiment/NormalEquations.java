package org.sgdplayground.experiment;

import org.sgdplayground.data.Dataset;

/**
 * Least squares the textbook way, for the tests: form {@code AᵀA p = Aᵀy} with the features typed out by hand
 * ({@link ReferenceSgd#features}) and solve it by Gaussian elimination with partial pivoting.
 */
public final class NormalEquations {
    private NormalEquations() {}

    /** {@code AᵀA / n}: the loss's curvature, {@code loss(p) = loss(p*) + (p − p*)ᵀ G (p − p*)}. */
    public static double[][] gram(String model, Dataset points) {
        int n = points.size(), k = ReferenceSgd.features(model, 0).length;
        double[][] g = new double[k][k];
        for (int i = 0; i < n; i++) {
            double[] phi = ReferenceSgd.features(model, points.x(i));
            for (int a = 0; a < k; a++) for (int b = 0; b < k; b++) g[a][b] += phi[a] * phi[b] / n;
        }
        return g;
    }

    /** The {@code p} that solves {@code AᵀA p = Aᵀy}. */
    public static double[] solve(String model, Dataset points) {
        int n = points.size(), k = ReferenceSgd.features(model, 0).length;
        double[][] m = new double[k][k + 1];
        for (int i = 0; i < n; i++) {
            double[] phi = ReferenceSgd.features(model, points.x(i));
            for (int a = 0; a < k; a++) {
                for (int b = 0; b < k; b++) m[a][b] += phi[a] * phi[b];
                m[a][k] += phi[a] * points.y(i);
            }
        }
        for (int col = 0; col < k; col++) {
            int pivot = col;
            for (int r = col + 1; r < k; r++) if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) pivot = r;
            double[] t = m[col];
            m[col] = m[pivot];
            m[pivot] = t;
            for (int r = col + 1; r < k; r++) {
                double f = m[r][col] / m[col][col];
                for (int c = col; c <= k; c++) m[r][c] -= f * m[col][c];
            }
        }
        double[] p = new double[k];
        for (int r = k - 1; r >= 0; r--) {
            double s = m[r][k];
            for (int c = r + 1; c < k; c++) s -= m[r][c] * p[c];
            p[r] = s / m[r][r];
        }
        return p;
    }

    /** {@code mean((Σⱼ pⱼφⱼ(x) − y)²)} by a plain loop. */
    public static double loss(String model, Dataset points, double[] p) {
        double sum = 0;
        for (int i = 0; i < points.size(); i++) {
            double[] phi = ReferenceSgd.features(model, points.x(i));
            double r = -points.y(i);
            for (int j = 0; j < p.length; j++) r += p[j] * phi[j];
            sum += r * r;
        }
        return sum / points.size();
    }
}
