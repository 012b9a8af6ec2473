package org.sgdplayground.autograd;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Java source of a fused region's {@link Kernel}: the region's ops written out for one element, inside the
 * loops of {@link Sums}.
 *
 * <p>Every expression is the one the op itself evaluates — the same operations on the same operands in the
 * same order, {@code 0.0 + v} where the op overwrites a gradient, {@code x·x} for a square — and every
 * reduction adds its elements into the partial sums of {@link Sums} in Sums's order. Java's floating point is
 * strict, so the kernel's results equal the interpreter's bit for bit (FusionTest holds them to it).
 *
 * <p>Backward recomputes each element's forward values rather than storing them, and writes no gradient array:
 * an inner tensor's gradient lives in a local, and what the region sends to a scalar is a sum, returned in
 * {@link #contributions} order for {@link Tensor#receiveSum} to add in the interpreter's order.
 *
 * @param text the source of class {@code GeneratedKernel} in this package
 * @param contributions for each sum {@link Kernel#backward} returns, the scalar it goes to and the sign it goes with
 */
record KernelSource(String text, List<Contribution> contributions) {
    /** One use of a scalar that wants a gradient: {@code target.grad += sign · Σ (what the use sends back)}. */
    record Contribution(Tensor target, double sign) {}

    static final String CLASS_NAME = "GeneratedKernel";

    static KernelSource write(Fusion.Region region) {
        return new Writer(region).write();
    }

    /** Writes one region's kernel. */
    private static final class Writer {
        private final Fusion.Region region;
        private final Map<Tensor, String> names = new IdentityHashMap<>();
        /** Per element, for backward: each scalar use's value (the consumer's gradient, or it times the factor). */
        private final List<String> sentToScalars = new ArrayList<>();
        private final List<Contribution> contributions = new ArrayList<>();

        Writer(Fusion.Region region) {
            this.region = region;
            for (int k = 0; k < region.streams().size(); k++) names.put(region.streams().get(k), "s" + k + "[i]");
            for (int k = 0; k < region.uniforms().size(); k++) names.put(region.uniforms().get(k), "u" + k);
            for (int j = 0; j < region.interior().size(); j++) names.put(region.interior().get(j), "f" + j);
        }

        KernelSource write() {
            String backwardBody = backwardElement(); // also fills sentToScalars and contributions
            StringBuilder src = new StringBuilder();
            src.append("package org.sgdplayground.autograd;\n\n");
            src.append("final class ").append(CLASS_NAME).append(" implements Kernel {\n");
            src.append("    @Override public double forward(double[][] s, double[] u, int n, double[] column) {\n");
            src.append(unpack());
            src.append(reductionLoops(forwardElement(), List.of("r"), "return ", ";\n"));
            src.append("    }\n\n");
            src.append("    @Override public void backward(double[][] s, double[] u, int n, double g, double[] column, double[] sums) {\n");
            if (!sentToScalars.isEmpty()) {
                src.append(unpack());
                List<String> values = new ArrayList<>();
                for (int k = 0; k < sentToScalars.size(); k++) values.add("c" + k);
                src.append(reductionLoops(backwardBody, values, "sums[%d] = ", ";\n"));
            }
            src.append("    }\n}\n");
            return new KernelSource(src.toString(), List.copyOf(contributions));
        }

        private String unpack() {
            StringBuilder b = new StringBuilder();
            for (int k = 0; k < region.streams().size(); k++) b.append("        final double[] s").append(k).append(" = s[").append(k).append("];\n");
            for (int k = 0; k < region.uniforms().size(); k++) b.append("        final double u").append(k).append(" = u[").append(k).append("];\n");
            return b.toString();
        }

        /**
         * Loops that add {@code values} (locals the element body defines) into partial sums, in the order of
         * {@link Sums}: a running column {@code a[i] = a[i − w] + term} in {@code column}, {@code w} = 64 from
         * {@link Sums#WIDE} elements on and 8 below, then Sums's own way of adding up the partials. One loop per
         * sum, each computing the element again: the JIT vectorises a loop that writes one column, not
         * two, and the sums take turns with the one column. Each
         * result is written with {@code prefix} (a {@code %d} in it takes the value's index) and {@code suffix}.
         */
        private String reductionLoops(String body, List<String> values, String prefix, String suffix) {
            StringBuilder b = new StringBuilder();
            b.append("        if (n >= Sums.WIDE) {\n");
            columns(b, body, values, "Sums.LANES", "Sums.tree", prefix, suffix);
            if (!prefix.startsWith("return")) b.append("            return;\n");
            b.append("        }\n");
            b.append("        {\n");
            columns(b, body, values, "8", "Sums.combineColumn", prefix, suffix);
            b.append("        }\n");
            return b.toString();
        }

        private void columns(StringBuilder b, String body, List<String> values, String width, String finish, String prefix, String suffix) {
            for (int k = 0; k < values.size(); k++) {
                b.append("            {\n                final double[] a = column;\n");
                b.append("                for (int i = 0; i < ").append(width).append(" && i < n; i++) {\n");
                b.append(indent(body, "                    "));
                b.append("                    a[i] = 0.0 + ").append(values.get(k)).append(";\n");
                b.append("                }\n");
                b.append("                for (int i = ").append(width).append("; i < n; i++) {\n");
                b.append(indent(body, "                    "));
                b.append("                    a[i] = a[i - ").append(width).append("] + ").append(values.get(k)).append(";\n");
                b.append("                }\n");
                b.append("                ").append(String.format(prefix, k)).append(finish).append("(a, n)").append(suffix);
                b.append("            }\n");
            }
        }

        /** One element forward: every inner value, then {@code r}, the reduction's term. */
        private String forwardElement() {
            Tensor[] in = region.reduction().inputs();
            if (region.reduction().kind() == Tensor.Kind.SUM) return innerValues() + "final double r = " + name(in[0]) + ";\n";
            // Sums.squaredDistance: d = a − b, then d·d
            return innerValues() + "final double d = " + name(in[0]) + " - " + name(in[1]) + ";\nfinal double r = d * d;\n";
        }

        private String innerValues() {
            StringBuilder b = new StringBuilder();
            for (Tensor t : region.interior()) b.append("final double ").append(names.get(t)).append(" = ").append(forward(t)).append(";\n");
            return b.toString();
        }

        /** The op's forward for one element, as {@link Tensor}'s ops and {@link Broadcast#apply} compute it. */
        private String forward(Tensor t) {
            Tensor[] in = t.inputs();
            switch (t.kind()) {
                case ADD: return name(in[0]) + " + " + name(in[1]);
                case SUB: return name(in[0]) + " - " + name(in[1]);
                case MUL: return name(in[0]) + " * " + name(in[1]);
                case NEG: return "-" + name(in[0]);
                case DIV: return name(in[0]) + " / " + literal(t.constant());
                case POW: return t.constant() == 2 ? name(in[0]) + " * " + name(in[0])
                    : "StrictMath.pow(" + name(in[0]) + ", " + literal(t.constant()) + ")";
                default: throw new IllegalStateException("not elementwise: " + t.kind());
            }
        }

        /**
         * One element backward: the inner values again, then each inner tensor's gradient {@code gJ} in the order
         * the interpreter's reverse pass completes them, and {@code cK} for each use of a scalar wanting a gradient.
         */
        private String backwardElement() {
            StringBuilder b = new StringBuilder(innerValues());
            Map<Tensor, Boolean> written = new IdentityHashMap<>();
            Tensor reduction = region.reduction();
            Tensor[] in = reduction.inputs();
            if (reduction.kind() == Tensor.Kind.SUM) {
                // ∂Σx/∂xᵢ = 1: first write 0.0 + g, then += g
                direct(b, written, in[0], "+", "g");
            } else {
                String term = "(g * (2.0 * (" + name(in[0]) + " - " + name(in[1]) + ")))";
                direct(b, written, in[0], "+", term);
                direct(b, written, in[1], "-", term);
            }
            List<Tensor> inner = region.interior();
            for (int j = inner.size() - 1; j >= 0; j--) {
                Tensor c = inner.get(j);
                if (!c.requiresGrad()) continue;
                String gc = gradName(c);
                Tensor[] p = c.inputs();
                switch (c.kind()) {
                    case ADD:
                        received(b, written, p[0], gc, null, 1);
                        received(b, written, p[1], gc, null, 1);
                        break;
                    case SUB:
                        received(b, written, p[0], gc, null, 1);
                        received(b, written, p[1], gc, null, -1);
                        break;
                    case MUL:
                        received(b, written, p[0], gc, p[1], 1);
                        received(b, written, p[1], gc, p[0], 1);
                        break;
                    case NEG:
                        received(b, written, p[0], gc, null, -1);
                        break;
                    case DIV:
                        direct(b, written, p[0], "+", "(" + gc + " / " + literal(c.constant()) + ")");
                        break;
                    case POW:
                        direct(b, written, p[0], "+", c.constant() == 2 ? "(" + gc + " * (2.0 * " + name(p[0]) + "))"
                            : "(" + gc + " * (" + literal(c.constant()) + " * StrictMath.pow(" + name(p[0]) + ", " + literal(c.constant() - 1) + ")))");
                        break;
                    default:
                        throw new IllegalStateException("not elementwise: " + c.kind());
                }
            }
            return b.toString();
        }

        /** An op that writes its operand's gradient itself: {@code 0.0 ± term} first, then {@code ± term}. */
        private void direct(StringBuilder b, Map<Tensor, Boolean> written, Tensor target, String sign, String term) {
            if (!target.requiresGrad()) return;
            if (!region.isInterior(target)) throw new IllegalStateException("a fused op sends gradient to a stream");
            String g = gradName(target);
            if (written.put(target, true) == null) b.append("double ").append(g).append(" = 0.0 ").append(sign).append(' ').append(term).append(";\n");
            else b.append(g).append(" = ").append(g).append(' ').append(sign).append(' ').append(term).append(";\n");
        }

        /**
         * An op that sends its gradient {@code gc} through {@link Tensor#receive} and {@link Broadcast#accumulate}:
         * {@code sign · gc ⊙ factor}, stretched back to the target. An inner target used once takes {@code gc}
         * itself where the interpreter shares the array; a scalar target gets the sum, added by the caller.
         */
        private void received(StringBuilder b, Map<Tensor, Boolean> written, Tensor target, String gc, Tensor factor, double sign) {
            if (!target.requiresGrad()) return;
            String s = sign == 1 ? "1.0" : "-1.0";
            if (!region.isInterior(target)) {
                if (!region.uniforms().contains(target)) throw new IllegalStateException("a fused op sends gradient to a stream");
                String value = factor == null ? gc : gc + " * " + name(factor);
                String local = "c" + sentToScalars.size();
                b.append("final double ").append(local).append(" = ").append(value).append(";\n");
                sentToScalars.add(local);
                contributions.add(new Contribution(target, sign));
                return;
            }
            String g = gradName(target);
            String term = factor == null ? "(" + s + " * " + gc + ")" : "(" + s + " * (" + gc + " * " + name(factor) + "))";
            if (written.put(target, true) == null) {
                boolean shared = region.usedOnce().contains(target) && factor == null && sign == 1;
                b.append("double ").append(g).append(" = ").append(shared ? gc : "0.0 + " + term).append(";\n");
            } else {
                b.append(g).append(" = ").append(g).append(" + ").append(term).append(";\n");
            }
        }

        private String name(Object t) {
            String n = t instanceof Tensor ? names.get(t) : null;
            if (n == null) throw new IllegalStateException("the region does not read " + t);
            return n;
        }

        private String gradName(Tensor t) {
            return "g" + names.get(t);
        }
    }

    /** {@code v} as Java source that evaluates to exactly {@code v}. */
    static String literal(double v) {
        if (Double.isNaN(v)) return "Double.NaN";
        if (Double.isInfinite(v)) return v > 0 ? "Double.POSITIVE_INFINITY" : "Double.NEGATIVE_INFINITY";
        return "Double.longBitsToDouble(0x" + Long.toHexString(Double.doubleToRawLongBits(v)) + "L)";
    }

    private static String indent(String lines, String by) {
        StringBuilder b = new StringBuilder();
        for (String line : lines.split("\n")) b.append(by).append(line).append('\n');
        return b.toString();
    }
}
