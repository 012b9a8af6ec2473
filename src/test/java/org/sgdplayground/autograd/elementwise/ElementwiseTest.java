package org.sgdplayground.autograd.elementwise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sgdplayground.autograd.compile.KernelCompiler;

/**
 * Every elementwise op: its Java against its own source text, compiled as the fused loops compile it, on many
 * values bit for bit (so the interpreter and the fused loops cannot drift apart), and its gradient against
 * central differences. A new op needs one sample here; the first test fails until it has one.
 */
class ElementwiseTest {
    /** An op and where its derivative is smooth enough for central differences. */
    record Sample(Elementwise op, double low, double high) {
        @Override
        public String toString() {
            return op.getClass().getSimpleName() + " " + op.name();
        }
    }

    static List<Sample> samples() {
        return List.of(
            new Sample(Add.OP, -2, 2), new Sample(Sub.OP, -2, 2), new Sample(Mul.OP, -2, 2), new Sample(Neg.OP, -2, 2),
            new Sample(new Div(3), -2, 2), new Sample(new Div(-0.5), -2, 2), new Sample(Square.OP, -2, 2),
            new Sample(new Power(3), -2, 2), new Sample(new Power(1.5), 0.5, 2), new Sample(new Power(-1), 0.5, 2),
            new Sample(Identity.OP, -2, 2), new Sample(SquaredDifference.OP, -2, 2));
    }

    /** Each sample's apply (which 0) and gradients (which 1 and 2) compiled from its source: {@code v = {sample, which, g, a, b}}. */
    private static ToDoubleFunction<double[]> compiled;

    @BeforeAll
    static void compileEverySamplesSource() {
        StringBuilder src = new StringBuilder("package org.sgdplayground.autograd.compile;\n\n");
        src.append("final class CompiledOps implements java.util.function.ToDoubleFunction<double[]> {\n");
        src.append("    @Override public double applyAsDouble(double[] v) {\n");
        src.append("        final double g = v[2], a = v[3], b = v[4];\n");
        src.append("        switch ((int) v[0] * 3 + (int) v[1]) {\n");
        List<Sample> samples = samples();
        for (int s = 0; s < samples.size(); s++) {
            Elementwise op = samples.get(s).op();
            src.append("            case ").append(s * 3).append(": return ").append(op.applySource("a", "b")).append(";\n");
            for (int k = 0; k < op.arity(); k++) {
                src.append("            case ").append(s * 3 + 1 + k).append(": return ").append(op.gradientSource(k, "g", "a", "b")).append(";\n");
            }
        }
        src.append("            default: throw new IllegalArgumentException();\n        }\n    }\n}\n");
        @SuppressWarnings("unchecked")
        ToDoubleFunction<double[]> ops = KernelCompiler.instantiate("CompiledOps", src.toString(), ToDoubleFunction.class);
        compiled = ops;
    }

    @Test
    void every_elementwise_op_has_a_sample_here() {
        Set<Class<?>> sampled = samples().stream().map(s -> s.op().getClass()).collect(Collectors.toSet());
        for (Class<?> op : Elementwise.class.getPermittedSubclasses()) {
            assertTrue(sampled.contains(op), op.getSimpleName() + " needs a sample in ElementwiseTest.samples()");
        }
    }

    /** Values that catch a different operation or order: signed zeros, infinities, NaN, the extremes, and a spread of magnitudes. */
    private static List<double[]> operands() {
        double[] special = {0.0, -0.0, 1, -1, 0.5, 2, 3, 0.1, -7.25, Double.MIN_VALUE, -Double.MIN_NORMAL, Double.MAX_VALUE,
            -Double.MAX_VALUE, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN, 1e-300, 1e300};
        List<double[]> out = new ArrayList<>();
        for (double a : special) for (double b : special) out.add(new double[] {0.75, a, b});
        Random random = new Random(11);
        for (int i = 0; i < 5000; i++) {
            double scale = Math.pow(10, random.nextInt(41) - 20);
            out.add(new double[] {random.nextGaussian() * scale, random.nextGaussian() * scale, random.nextGaussian() * scale});
            out.add(new double[] {Double.longBitsToDouble(random.nextLong()), Double.longBitsToDouble(random.nextLong()),
                Double.longBitsToDouble(random.nextLong())});
        }
        return out;
    }

    static Stream<Integer> sampleIndices() {
        return Stream.iterate(0, i -> i + 1).limit(samples().size());
    }

    @ParameterizedTest
    @MethodSource("sampleIndices")
    void the_java_an_op_runs_and_the_source_it_writes_give_the_same_bits(int index) {
        Sample sample = samples().get(index);
        Elementwise op = sample.op();
        for (double[] gab : operands()) {
            double g = gab[0], a = gab[1], b = gab[2];
            // any NaN counts as one: the JIT may pick either operand's NaN payload
            assertEquals(Double.doubleToLongBits(op.apply(a, b)), Double.doubleToLongBits(compiled.applyAsDouble(new double[] {index, 0, g, a, b})),
                () -> sample + ": apply(" + a + ", " + b + ")");
            for (int k = 0; k < op.arity(); k++) {
                int operand = k;
                assertEquals(Double.doubleToLongBits(op.gradient(k, g, a, b)),
                    Double.doubleToLongBits(compiled.applyAsDouble(new double[] {index, 1 + k, g, a, b})),
                    () -> sample + ": gradient(" + operand + ", " + g + ", " + a + ", " + b + ")");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("sampleIndices")
    void an_op_that_passes_the_gradient_through_gives_g_itself(int index) {
        Elementwise op = samples().get(index).op();
        for (int k = 0; k < op.arity(); k++) {
            if (!op.passesGradient(k)) continue;
            for (double[] gab : operands()) {
                assertEquals(Double.doubleToRawLongBits(gab[0]), Double.doubleToRawLongBits(op.gradient(k, gab[0], gab[1], gab[2])), op.name());
            }
        }
    }

    /**
     * {@code gradient(k, g, a, b) ≈ g · (f(…, x + h, …) − f(…, x − h, …)) / 2h} at random points of the sample's range,
     * with {@code h = 2⁻¹⁷} and the tolerance of {@code CentralDifferences}: the ops here have third derivatives of
     * at most ~30 on their ranges, so truncation stays under 10⁻⁸.
     */
    @ParameterizedTest
    @MethodSource("sampleIndices")
    void its_gradient_matches_central_differences(int index) {
        Sample sample = samples().get(index);
        Elementwise op = sample.op();
        double h = 0x1p-17;
        Random random = new Random(index);
        for (int i = 0; i < 200; i++) {
            double a = sample.low() + (sample.high() - sample.low()) * random.nextDouble();
            double b = sample.low() + (sample.high() - sample.low()) * random.nextDouble();
            double g = 0.25 + random.nextDouble();
            for (int k = 0; k < op.arity(); k++) {
                double numeric = k == 0 ? (op.apply(a + h, b) - op.apply(a - h, b)) / (2 * h) : (op.apply(a, b + h) - op.apply(a, b - h)) / (2 * h);
                double analytic = op.gradient(k, g, a, b);
                assertEquals(g * numeric, analytic, 1e-6 * (1 + Math.abs(analytic)), sample + ", operand " + k + " at (" + a + ", " + b + ")");
            }
        }
    }
}
