package org.sgdplayground.data;

import java.util.Arrays;

/** Points {@code (x[i], y[i])}. Immutable: the arrays are copied in and out. */
public final class Dataset {
    private final double[] x;
    private final double[] y;

    public Dataset(double[] x, double[] y) {
        if (x.length != y.length) throw new IllegalArgumentException("x has " + x.length + " values but y has " + y.length);
        this.x = x.clone();
        this.y = y.clone();
    }

    public int size() {
        return x.length;
    }

    public double x(int i) {
        return x[i];
    }

    public double y(int i) {
        return y[i];
    }

    public double[] xs() {
        return x.clone();
    }

    public double[] ys() {
        return y.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Dataset d && Arrays.equals(x, d.x) && Arrays.equals(y, d.y);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(x) + Arrays.hashCode(y);
    }
}
