package org.sgdplayground.autograd.compile;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.sgdplayground.autograd.Pointwise;
import org.sgdplayground.autograd.Reduction;
import org.sgdplayground.autograd.Sums;
import org.sgdplayground.autograd.Tensor;
import org.sgdplayground.autograd.elementwise.Elementwise;

/**
 * The Java source of a fused region's {@link Kernel}: the region's ops written out for one element, inside the
 * loops of {@link Sums}.
 *
 * <p>Every expression is the source text of the op object the interpreter runs ({@link Elementwise}: the same
 * operations on the same operands in the same order), {@code 0.0 + v} where the interpreter overwrites a
 * gradient, and every reduction adds its elements into the partial sums of {@link Sums} in Sums's order. Java's
 * floating point is strict, so the kernel's results equal the interpreter's bit for bit (FusionTest holds them to
 * it, ElementwiseTest each op's source to its Java).
 *
 * <p>Backward recomputes each element's forward values rather than storing them, and writes no gradient array:
 * an inner tensor's gradient lives in a local, and what the region sends to a scalar is a sum, returned in
 * {@link #contributions} order for the scalar to add in the interpreter's order.
 *
 * @param text the source of class {@code GeneratedKernel} in this package
 * @param contributions for each sum {@link Kernel#backward} returns, the scalar it goes to
 */
public record KernelSource(String text, List<Tensor> contributions) {
    static final String CLASS_NAME = "GeneratedKernel";

    /** The kernel that runs {@code region}. */
    public static KernelSource write(Region region) {
        return new Writer(region).write();
    }

    /** Writes one region's kernel. */
    private static final class Writer {
        private final Region region;
        private final Map<Tensor, String> names = new IdentityHashMap<>();
        /** Per element, for backward: each scalar use's value (what the use sends back). */
        private final List<String> sentToScalars = new ArrayList<>();
        private final List<Tensor> contributions = new ArrayList<>();

        Writer(Region region) {
            this.region = region;
            for (int k = 0; k < region.streams().size(); k++) names.put(region.streams().get(k), "s" + k + "[i]");
            for (int k = 0; k < region.uniforms().size(); k++) names.put(region.uniforms().get(k), "u" + k);
            for (int j = 0; j < region.interior().size(); j++) names.put(region.interior().get(j), "f" + j);
        }

        KernelSource write() {
            String backwardBody = backwardElement(); // also fills sentToScalars and contributions
            StringBuilder src = new StringBuilder();
            src.append("package org.sgdplayground.autograd.compile;\n\n");
            src.append("import org.sgdplayground.autograd.Sums;\n\n");
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
            return innerValues() + "final double r = " + apply(term(region.reduction()), region.reduction()) + ";\n";
        }

        private String innerValues() {
            StringBuilder b = new StringBuilder();
            for (Tensor t : region.interior()) {
                b.append("final double ").append(names.get(t)).append(" = ").append(apply(function(t), t)).append(";\n");
            }
            return b.toString();
        }

        /** {@code f} over {@code t}'s operands (a unary op's second operand is its first, which it ignores). */
        private String apply(Elementwise f, Tensor t) {
            List<Tensor> in = t.parents();
            return f.applySource(name(in.get(0)), name(in.get(in.size() - 1)));
        }

        /**
         * One element backward: the inner values again, then each inner tensor's gradient {@code gJ} in the order
         * the interpreter's reverse pass completes them, and {@code cK} for each use of a scalar wanting a gradient.
         */
        private String backwardElement() {
            StringBuilder b = new StringBuilder(innerValues());
            Map<Tensor, Boolean> written = new IdentityHashMap<>();
            // the reduction writes its operands' gradients itself, never sharing g (a scalar) with them
            send(b, written, region.reduction(), term(region.reduction()), "g", false);
            List<Tensor> inner = region.interior();
            for (int j = inner.size() - 1; j >= 0; j--) {
                Tensor c = inner.get(j);
                if (c.requiresGrad()) send(b, written, c, function(c), gradName(c), true);
            }
            return b.toString();
        }

        /**
         * What {@code c}, computed by {@code f}, sends to each operand that wants a gradient, given its own gradient
         * {@code gc}: an inner operand's {@code gJ} starts at {@code 0.0 + term} and adds later terms — or, used
         * only here and passed {@code gc} unchanged, is {@code gc} itself, where the interpreter shares the array
         * (when {@code mayShare}); a scalar operand gets the term as a value to sum, added by the caller.
         */
        private void send(StringBuilder b, Map<Tensor, Boolean> written, Tensor c, Elementwise f, String gc, boolean mayShare) {
            List<Tensor> in = c.parents();
            for (int operand = 0; operand < in.size(); operand++) {
                Tensor target = in.get(operand);
                if (!target.requiresGrad()) continue;
                String term = f.gradientSource(operand, gc, name(in.get(0)), name(in.get(in.size() - 1)));
                if (!region.isInterior(target)) {
                    if (!region.uniforms().contains(target)) throw new IllegalStateException("a fused op sends gradient to a stream");
                    String local = "c" + sentToScalars.size();
                    b.append("final double ").append(local).append(" = ").append(term).append(";\n");
                    sentToScalars.add(local);
                    contributions.add(target);
                    continue;
                }
                String g = gradName(target);
                if (written.put(target, true) == null) {
                    boolean shared = mayShare && region.usedOnce().contains(target) && f.passesGradient(operand);
                    b.append("double ").append(g).append(" = ").append(shared ? term : "0.0 + (" + term + ")").append(";\n");
                } else {
                    b.append(g).append(" = ").append(g).append(" + (").append(term).append(");\n");
                }
            }
        }

        private static Elementwise function(Tensor t) {
            return ((Pointwise) t.op()).function();
        }

        private static Elementwise term(Tensor reduction) {
            return ((Reduction) reduction.op()).term();
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

    private static String indent(String lines, String by) {
        StringBuilder b = new StringBuilder();
        for (String line : lines.split("\n")) b.append(by).append(line).append('\n');
        return b.toString();
    }
}
