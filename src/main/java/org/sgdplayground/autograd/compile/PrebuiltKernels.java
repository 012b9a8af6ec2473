package org.sgdplayground.autograd.compile;

import org.sgdplayground.autograd.Sums;

/**
 * The kernels of the models' loss graphs, compiled with the server rather than by javac at every start (issue #14:
 * javac took about 0.8 s and 1.5 s of CPU of a start, and the JIT's queues while the first viewers came). Written by
 * PrebuiltKernelsTest from what KernelSource writes for each model, which it checks on every build: do not edit by
 * hand. A source not here (another graph) is compiled by javac as before.
 */
final class PrebuiltKernels {
    private PrebuiltKernels() {}

    /** The kernel compiled from {@code source} if it is one of these (by the SHA-256 of its text), else null. */
    static Kernel forSource(String source) {
        return switch (KernelCompiler.sha256(source)) {
            case "d0e99232e75e384744fa58ade2f57dc223efb8021df0ed0390e42db577a53f0b" -> new LinearLoss0();
            case "9fb3c4ad74e91704d5d8664b938c08110ff2e7755c932c6b45419ccc97e39aa7" -> new QuadraticLoss0();
            default -> null;
        };
    }

    /** Written by KernelSource for LinearLoss0. */
    static final class LinearLoss0 implements Kernel {
        @Override public double forward(double[][] s, double[] u, int n, double[] column) {
            final double[] s0 = s[0];
            final double[] s1 = s[1];
            final double u0 = u[0];
            final double u1 = u[1];
            if (n >= Sums.WIDE) {
                {
                    final double[] a = column;
                    for (int i = 0; i < Sums.LANES && i < n; i++) {
                        final double f0 = s0[i] * u0;
                        final double f1 = f0 + u1;
                        final double r = (f1 - s1[i]) * (f1 - s1[i]);
                        a[i] = 0.0 + r;
                    }
                    for (int i = Sums.LANES; i < n; i++) {
                        final double f0 = s0[i] * u0;
                        final double f1 = f0 + u1;
                        final double r = (f1 - s1[i]) * (f1 - s1[i]);
                        a[i] = a[i - Sums.LANES] + r;
                    }
                    return Sums.tree(a, n);
                }
            }
            {
                {
                    final double[] a = column;
                    for (int i = 0; i < 8 && i < n; i++) {
                        final double f0 = s0[i] * u0;
                        final double f1 = f0 + u1;
                        final double r = (f1 - s1[i]) * (f1 - s1[i]);
                        a[i] = 0.0 + r;
                    }
                    for (int i = 8; i < n; i++) {
                        final double f0 = s0[i] * u0;
                        final double f1 = f0 + u1;
                        final double r = (f1 - s1[i]) * (f1 - s1[i]);
                        a[i] = a[i - 8] + r;
                    }
                    return Sums.combineColumn(a, n);
                }
            }
        }

        @Override public void backward(double[][] s, double[] u, int n, double g, double[] column, double[] sums) {
            final double[] s0 = s[0];
            final double[] s1 = s[1];
            final double u0 = u[0];
            final double u1 = u[1];
            if (n >= Sums.WIDE) {
                {
                    final double[] a = column;
                    for (int i = 0; i < Sums.LANES && i < n; i++) {
                        final double f0 = s0[i] * u0;
                        final double f1 = f0 + u1;
                        double gf1 = 0.0 + (g * (2.0 * (f1 - s1[i])));
                        double gf0 = gf1;
                        final double c0 = gf1;
                        final double c1 = gf0 * s0[i];
                        a[i] = 0.0 + c0;
                    }
                    for (int i = Sums.LANES; i < n; i++) {
                        final double f0 = s0[i] * u0;
                        final double f1 = f0 + u1;
                        double gf1 = 0.0 + (g * (2.0 * (f1 - s1[i])));
                        double gf0 = gf1;
                        final double c0 = gf1;
                        final double c1 = gf0 * s0[i];
                        a[i] = a[i - Sums.LANES] + c0;
                    }
                    sums[0] = Sums.tree(a, n);
                }
                {
                    final double[] a = column;
                    for (int i = 0; i < Sums.LANES && i < n; i++) {
                        final double f0 = s0[i] * u0;
                        final double f1 = f0 + u1;
                        double gf1 = 0.0 + (g * (2.0 * (f1 - s1[i])));
                        double gf0 = gf1;
                        final double c0 = gf1;
                        final double c1 = gf0 * s0[i];
                        a[i] = 0.0 + c1;
                    }
                    for (int i = Sums.LANES; i < n; i++) {
                        final double f0 = s0[i] * u0;
                        final double f1 = f0 + u1;
                        double gf1 = 0.0 + (g * (2.0 * (f1 - s1[i])));
                        double gf0 = gf1;
                        final double c0 = gf1;
                        final double c1 = gf0 * s0[i];
                        a[i] = a[i - Sums.LANES] + c1;
                    }
                    sums[1] = Sums.tree(a, n);
                }
                return;
            }
            {
                {
                    final double[] a = column;
                    for (int i = 0; i < 8 && i < n; i++) {
                        final double f0 = s0[i] * u0;
                        final double f1 = f0 + u1;
                        double gf1 = 0.0 + (g * (2.0 * (f1 - s1[i])));
                        double gf0 = gf1;
                        final double c0 = gf1;
                        final double c1 = gf0 * s0[i];
                        a[i] = 0.0 + c0;
                    }
                    for (int i = 8; i < n; i++) {
                        final double f0 = s0[i] * u0;
                        final double f1 = f0 + u1;
                        double gf1 = 0.0 + (g * (2.0 * (f1 - s1[i])));
                        double gf0 = gf1;
                        final double c0 = gf1;
                        final double c1 = gf0 * s0[i];
                        a[i] = a[i - 8] + c0;
                    }
                    sums[0] = Sums.combineColumn(a, n);
                }
                {
                    final double[] a = column;
                    for (int i = 0; i < 8 && i < n; i++) {
                        final double f0 = s0[i] * u0;
                        final double f1 = f0 + u1;
                        double gf1 = 0.0 + (g * (2.0 * (f1 - s1[i])));
                        double gf0 = gf1;
                        final double c0 = gf1;
                        final double c1 = gf0 * s0[i];
                        a[i] = 0.0 + c1;
                    }
                    for (int i = 8; i < n; i++) {
                        final double f0 = s0[i] * u0;
                        final double f1 = f0 + u1;
                        double gf1 = 0.0 + (g * (2.0 * (f1 - s1[i])));
                        double gf0 = gf1;
                        final double c0 = gf1;
                        final double c1 = gf0 * s0[i];
                        a[i] = a[i - 8] + c1;
                    }
                    sums[1] = Sums.combineColumn(a, n);
                }
            }
        }
    }

    /** Written by KernelSource for QuadraticLoss0. */
    static final class QuadraticLoss0 implements Kernel {
        @Override public double forward(double[][] s, double[] u, int n, double[] column) {
            final double[] s0 = s[0];
            final double[] s1 = s[1];
            final double u0 = u[0];
            final double u1 = u[1];
            final double u2 = u[2];
            if (n >= Sums.WIDE) {
                {
                    final double[] a = column;
                    for (int i = 0; i < Sums.LANES && i < n; i++) {
                        final double f0 = s0[i] * s0[i];
                        final double f1 = f0 * u0;
                        final double f2 = s0[i] * u1;
                        final double f3 = f1 + f2;
                        final double f4 = f3 + u2;
                        final double r = (f4 - s1[i]) * (f4 - s1[i]);
                        a[i] = 0.0 + r;
                    }
                    for (int i = Sums.LANES; i < n; i++) {
                        final double f0 = s0[i] * s0[i];
                        final double f1 = f0 * u0;
                        final double f2 = s0[i] * u1;
                        final double f3 = f1 + f2;
                        final double f4 = f3 + u2;
                        final double r = (f4 - s1[i]) * (f4 - s1[i]);
                        a[i] = a[i - Sums.LANES] + r;
                    }
                    return Sums.tree(a, n);
                }
            }
            {
                {
                    final double[] a = column;
                    for (int i = 0; i < 8 && i < n; i++) {
                        final double f0 = s0[i] * s0[i];
                        final double f1 = f0 * u0;
                        final double f2 = s0[i] * u1;
                        final double f3 = f1 + f2;
                        final double f4 = f3 + u2;
                        final double r = (f4 - s1[i]) * (f4 - s1[i]);
                        a[i] = 0.0 + r;
                    }
                    for (int i = 8; i < n; i++) {
                        final double f0 = s0[i] * s0[i];
                        final double f1 = f0 * u0;
                        final double f2 = s0[i] * u1;
                        final double f3 = f1 + f2;
                        final double f4 = f3 + u2;
                        final double r = (f4 - s1[i]) * (f4 - s1[i]);
                        a[i] = a[i - 8] + r;
                    }
                    return Sums.combineColumn(a, n);
                }
            }
        }

        @Override public void backward(double[][] s, double[] u, int n, double g, double[] column, double[] sums) {
            final double[] s0 = s[0];
            final double[] s1 = s[1];
            final double u0 = u[0];
            final double u1 = u[1];
            final double u2 = u[2];
            if (n >= Sums.WIDE) {
                {
                    final double[] a = column;
                    for (int i = 0; i < Sums.LANES && i < n; i++) {
                        final double f0 = s0[i] * s0[i];
                        final double f1 = f0 * u0;
                        final double f2 = s0[i] * u1;
                        final double f3 = f1 + f2;
                        final double f4 = f3 + u2;
                        double gf4 = 0.0 + (g * (2.0 * (f4 - s1[i])));
                        double gf3 = gf4;
                        final double c0 = gf4;
                        double gf1 = gf3;
                        double gf2 = gf3;
                        final double c1 = gf2 * s0[i];
                        final double c2 = gf1 * f0;
                        a[i] = 0.0 + c0;
                    }
                    for (int i = Sums.LANES; i < n; i++) {
                        final double f0 = s0[i] * s0[i];
                        final double f1 = f0 * u0;
                        final double f2 = s0[i] * u1;
                        final double f3 = f1 + f2;
                        final double f4 = f3 + u2;
                        double gf4 = 0.0 + (g * (2.0 * (f4 - s1[i])));
                        double gf3 = gf4;
                        final double c0 = gf4;
                        double gf1 = gf3;
                        double gf2 = gf3;
                        final double c1 = gf2 * s0[i];
                        final double c2 = gf1 * f0;
                        a[i] = a[i - Sums.LANES] + c0;
                    }
                    sums[0] = Sums.tree(a, n);
                }
                {
                    final double[] a = column;
                    for (int i = 0; i < Sums.LANES && i < n; i++) {
                        final double f0 = s0[i] * s0[i];
                        final double f1 = f0 * u0;
                        final double f2 = s0[i] * u1;
                        final double f3 = f1 + f2;
                        final double f4 = f3 + u2;
                        double gf4 = 0.0 + (g * (2.0 * (f4 - s1[i])));
                        double gf3 = gf4;
                        final double c0 = gf4;
                        double gf1 = gf3;
                        double gf2 = gf3;
                        final double c1 = gf2 * s0[i];
                        final double c2 = gf1 * f0;
                        a[i] = 0.0 + c1;
                    }
                    for (int i = Sums.LANES; i < n; i++) {
                        final double f0 = s0[i] * s0[i];
                        final double f1 = f0 * u0;
                        final double f2 = s0[i] * u1;
                        final double f3 = f1 + f2;
                        final double f4 = f3 + u2;
                        double gf4 = 0.0 + (g * (2.0 * (f4 - s1[i])));
                        double gf3 = gf4;
                        final double c0 = gf4;
                        double gf1 = gf3;
                        double gf2 = gf3;
                        final double c1 = gf2 * s0[i];
                        final double c2 = gf1 * f0;
                        a[i] = a[i - Sums.LANES] + c1;
                    }
                    sums[1] = Sums.tree(a, n);
                }
                {
                    final double[] a = column;
                    for (int i = 0; i < Sums.LANES && i < n; i++) {
                        final double f0 = s0[i] * s0[i];
                        final double f1 = f0 * u0;
                        final double f2 = s0[i] * u1;
                        final double f3 = f1 + f2;
                        final double f4 = f3 + u2;
                        double gf4 = 0.0 + (g * (2.0 * (f4 - s1[i])));
                        double gf3 = gf4;
                        final double c0 = gf4;
                        double gf1 = gf3;
                        double gf2 = gf3;
                        final double c1 = gf2 * s0[i];
                        final double c2 = gf1 * f0;
                        a[i] = 0.0 + c2;
                    }
                    for (int i = Sums.LANES; i < n; i++) {
                        final double f0 = s0[i] * s0[i];
                        final double f1 = f0 * u0;
                        final double f2 = s0[i] * u1;
                        final double f3 = f1 + f2;
                        final double f4 = f3 + u2;
                        double gf4 = 0.0 + (g * (2.0 * (f4 - s1[i])));
                        double gf3 = gf4;
                        final double c0 = gf4;
                        double gf1 = gf3;
                        double gf2 = gf3;
                        final double c1 = gf2 * s0[i];
                        final double c2 = gf1 * f0;
                        a[i] = a[i - Sums.LANES] + c2;
                    }
                    sums[2] = Sums.tree(a, n);
                }
                return;
            }
            {
                {
                    final double[] a = column;
                    for (int i = 0; i < 8 && i < n; i++) {
                        final double f0 = s0[i] * s0[i];
                        final double f1 = f0 * u0;
                        final double f2 = s0[i] * u1;
                        final double f3 = f1 + f2;
                        final double f4 = f3 + u2;
                        double gf4 = 0.0 + (g * (2.0 * (f4 - s1[i])));
                        double gf3 = gf4;
                        final double c0 = gf4;
                        double gf1 = gf3;
                        double gf2 = gf3;
                        final double c1 = gf2 * s0[i];
                        final double c2 = gf1 * f0;
                        a[i] = 0.0 + c0;
                    }
                    for (int i = 8; i < n; i++) {
                        final double f0 = s0[i] * s0[i];
                        final double f1 = f0 * u0;
                        final double f2 = s0[i] * u1;
                        final double f3 = f1 + f2;
                        final double f4 = f3 + u2;
                        double gf4 = 0.0 + (g * (2.0 * (f4 - s1[i])));
                        double gf3 = gf4;
                        final double c0 = gf4;
                        double gf1 = gf3;
                        double gf2 = gf3;
                        final double c1 = gf2 * s0[i];
                        final double c2 = gf1 * f0;
                        a[i] = a[i - 8] + c0;
                    }
                    sums[0] = Sums.combineColumn(a, n);
                }
                {
                    final double[] a = column;
                    for (int i = 0; i < 8 && i < n; i++) {
                        final double f0 = s0[i] * s0[i];
                        final double f1 = f0 * u0;
                        final double f2 = s0[i] * u1;
                        final double f3 = f1 + f2;
                        final double f4 = f3 + u2;
                        double gf4 = 0.0 + (g * (2.0 * (f4 - s1[i])));
                        double gf3 = gf4;
                        final double c0 = gf4;
                        double gf1 = gf3;
                        double gf2 = gf3;
                        final double c1 = gf2 * s0[i];
                        final double c2 = gf1 * f0;
                        a[i] = 0.0 + c1;
                    }
                    for (int i = 8; i < n; i++) {
                        final double f0 = s0[i] * s0[i];
                        final double f1 = f0 * u0;
                        final double f2 = s0[i] * u1;
                        final double f3 = f1 + f2;
                        final double f4 = f3 + u2;
                        double gf4 = 0.0 + (g * (2.0 * (f4 - s1[i])));
                        double gf3 = gf4;
                        final double c0 = gf4;
                        double gf1 = gf3;
                        double gf2 = gf3;
                        final double c1 = gf2 * s0[i];
                        final double c2 = gf1 * f0;
                        a[i] = a[i - 8] + c1;
                    }
                    sums[1] = Sums.combineColumn(a, n);
                }
                {
                    final double[] a = column;
                    for (int i = 0; i < 8 && i < n; i++) {
                        final double f0 = s0[i] * s0[i];
                        final double f1 = f0 * u0;
                        final double f2 = s0[i] * u1;
                        final double f3 = f1 + f2;
                        final double f4 = f3 + u2;
                        double gf4 = 0.0 + (g * (2.0 * (f4 - s1[i])));
                        double gf3 = gf4;
                        final double c0 = gf4;
                        double gf1 = gf3;
                        double gf2 = gf3;
                        final double c1 = gf2 * s0[i];
                        final double c2 = gf1 * f0;
                        a[i] = 0.0 + c2;
                    }
                    for (int i = 8; i < n; i++) {
                        final double f0 = s0[i] * s0[i];
                        final double f1 = f0 * u0;
                        final double f2 = s0[i] * u1;
                        final double f3 = f1 + f2;
                        final double f4 = f3 + u2;
                        double gf4 = 0.0 + (g * (2.0 * (f4 - s1[i])));
                        double gf3 = gf4;
                        final double c0 = gf4;
                        double gf1 = gf3;
                        double gf2 = gf3;
                        final double c1 = gf2 * s0[i];
                        final double c2 = gf1 * f0;
                        a[i] = a[i - 8] + c2;
                    }
                    sums[2] = Sums.combineColumn(a, n);
                }
            }
        }
    }
}
