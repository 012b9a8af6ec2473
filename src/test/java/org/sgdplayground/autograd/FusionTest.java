package org.sgdplayground.autograd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.sgdplayground.autograd.compile.Kernel;
import org.sgdplayground.autograd.compile.KernelCompiler;
import org.sgdplayground.autograd.elementwise.Elementwise;

class FusionTest {
    private static final Duration COMPILE_TIME = Duration.ofSeconds(60);

    /** The leaves a loss is built from: data columns {@code x}, {@code y}, parameters {@code p}, a scalar {@code w}. */
    private record Leaves(Tensor x, Tensor y, Tensor p, Tensor w) {
        static Leaves of(int n, long seed) {
            Random random = new Random(seed);
            double[] x = new double[n], y = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = -2 + 4 * random.nextDouble();
                y[i] = -2 + 4 * random.nextDouble();
            }
            return new Leaves(Tensor.column(x), Tensor.column(y), Tensor.parameters(0.5, -0.75, 0.25), Tensor.variable(1, 1, 0.3));
        }
    }

    private static Tensor linearLoss(Leaves l) {
        return l.x().mul(l.p().at(0)).add(l.p().at(1)).squaredDistanceSum(l.y()).div(l.x().rows());
    }

    private static Tensor quadraticLoss(Leaves l) {
        Tensor x = l.x(), p = l.p();
        return x.pow(2).mul(p.at(0)).add(x.mul(p.at(1))).add(p.at(2)).squaredDistanceSum(l.y()).div(x.rows());
    }

    /**
     * Runs the same loss op by op and compiled for a few steps — each moving the parameters by their gradient —
     * and asserts that every loss and every gradient has the same bits both ways.
     */
    private static void assertSameBitsCompiled(Function<Leaves, Tensor> loss, int n, long seed) {
        Leaves plain = Leaves.of(n, seed), fused = Leaves.of(n, seed);
        Program interpreted = Program.interpret(loss.apply(plain));
        Program compiled = loss.apply(fused).compile();
        assertTrue(compiled.hasFusedRegions(), "the loss has a region to fuse");
        assertTrue(compiled.awaitCompiled(COMPILE_TIME), "the kernels compile on a JDK");
        for (int step = 0; step < 4; step++) {
            List<double[]> a = run(interpreted, plain), b = run(compiled, fused);
            for (int k = 0; k < a.size(); k++) {
                for (int e = 0; e < a.get(k).length; e++) {
                    assertEquals(Double.doubleToRawLongBits(a.get(k)[e]), Double.doubleToRawLongBits(b.get(k)[e]),
                        "n = " + n + ", step " + step + ", output " + k + "[" + e + "]: op by op " + a.get(k)[e] + ", compiled " + b.get(k)[e]);
                }
            }
        }
    }

    /** One step: forward, backward, then {@code p −= 0.01·∇p}, {@code w −= 0.01·∇w}; returns loss, ∇p and ∇w. */
    private static List<double[]> run(Program loss, Leaves l) {
        l.p().zeroGrad();
        l.w().zeroGrad();
        loss.forward();
        loss.backward();
        List<double[]> out = List.of(new double[] {loss.result().item()}, l.p().gradient(), l.w().gradient());
        l.p().addInPlace(-0.01, l.p().gradient());
        l.w().addInPlace(-0.01, l.w().gradient());
        return out;
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 7, 8, 9, 100, 511, 512, 513, 577, 2048})
    void the_compiled_linear_loss_gives_the_same_bits_as_its_ops(int n) {
        assertSameBitsCompiled(FusionTest::linearLoss, n, n);
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 7, 8, 9, 100, 511, 512, 513, 577, 2048})
    void the_compiled_quadratic_loss_gives_the_same_bits_as_its_ops(int n) {
        assertSameBitsCompiled(FusionTest::quadraticLoss, n, 1000 + n);
    }

    /**
     * A random elementwise expression over {@code x}, {@code y} and the scalars {@code p0..p2} and {@code w}: inner
     * tensors used twice, a scalar used twice, every op, ending in either reduction, with scalar arithmetic after
     * for even seeds.
     */
    private static Function<Leaves, Tensor> randomLoss(long seed) {
        return l -> {
            Random random = new Random(seed);
            List<Tensor> streams = new ArrayList<>(List.of(l.x(), l.y()));
            List<Tensor> scalars = new ArrayList<>(List.of(l.p().at(0), l.p().at(1), l.p().at(2), l.w()));
            int ops = 2 + random.nextInt(7);
            for (int k = 0; k < ops; k++) {
                Tensor a = streams.get(random.nextInt(streams.size()));
                Tensor b = random.nextBoolean() ? streams.get(random.nextInt(streams.size())) : scalars.get(random.nextInt(scalars.size()));
                boolean swap = random.nextBoolean();
                Tensor t;
                switch (random.nextInt(7)) {
                    case 0: t = swap ? b.add(a) : a.add(b); break;
                    case 1: t = swap ? b.sub(a) : a.sub(b); break;
                    case 2: t = swap ? b.mul(a) : a.mul(b); break;
                    case 3: t = a.neg(); break;
                    case 4: t = a.div(random.nextBoolean() ? 3 : -0.5); break;
                    case 5: t = a.pow(2); break;
                    default: t = a.pow(3).div(4); break;
                }
                streams.add(t);
            }
            Tensor last = streams.get(streams.size() - 1);
            Tensor reduced = random.nextBoolean() ? last.sum() : last.squaredDistanceSum(streams.get(random.nextInt(streams.size())));
            Tensor loss = reduced.div(l.x().rows());
            // half the time p is also used outside the region, so the region must leave its picks p.at(i) running
            return seed % 2 == 0 ? loss.add(l.p().at(0).mul(l.p().at(0))) : loss;
        };
    }

    @ParameterizedTest
    @ValueSource(ints = {5, 64, 300, 700})
    void random_elementwise_losses_give_the_same_bits_compiled_and_op_by_op(int n) {
        int fused = 0;
        for (long seed = 0; seed < 40; seed++) {
            Function<Leaves, Tensor> loss = randomLoss(seed);
            Program probe = loss.apply(Leaves.of(n, seed)).compile();
            if (!probe.hasFusedRegions()) continue; // e.g. a reduction straight over x and y: nothing to fuse
            fused++;
            assertSameBitsCompiled(loss, n, seed);
        }
        assertTrue(fused >= 30, "most random losses have a region to fuse, got " + fused + " of 40");
    }

    @Test
    void a_region_over_matrices_gives_the_same_bits_as_its_ops() {
        // 300×3 = 900 elements: the wide order, over a shape that is not a column
        Random random = new Random(21);
        double[] a = new double[900], b = new double[900];
        for (int i = 0; i < a.length; i++) {
            a[i] = random.nextGaussian();
            b[i] = random.nextGaussian();
        }
        Function<Tensor[], Tensor> loss = s -> Tensor.constant(300, 3, a).mul(s[0]).sub(Tensor.constant(300, 3, b).pow(2))
            .add(s[1]).squaredDistanceSum(Tensor.constant(300, 3, b)).div(900);
        Tensor[] plain = {Tensor.variable(1, 1, 0.7), Tensor.variable(1, 1, -0.2)};
        Tensor[] fused = {Tensor.variable(1, 1, 0.7), Tensor.variable(1, 1, -0.2)};
        Program interpreted = Program.interpret(loss.apply(plain)), compiled = loss.apply(fused).compile();
        assertTrue(compiled.hasFusedRegions());
        assertTrue(compiled.awaitCompiled(COMPILE_TIME));
        for (Program t : new Program[] {interpreted, compiled}) {
            t.forward();
            t.backward();
        }
        assertEquals(Double.doubleToRawLongBits(interpreted.result().item()), Double.doubleToRawLongBits(compiled.result().item()));
        for (int k = 0; k < 2; k++) assertEquals(Double.doubleToRawLongBits(plain[k].gradient()[0]), Double.doubleToRawLongBits(fused[k].gradient()[0]));
    }

    @Test
    void compiled_gradients_match_central_differences() {
        int n = 600;
        Leaves data = Leaves.of(n, 7);
        for (long seed = 0; seed < 10; seed++) {
            Function<Leaves, Tensor> loss = randomLoss(seed);
            CentralDifferences.assertProgramGradientsMatch(in -> {
                Program compiled = loss.apply(new Leaves(data.x(), data.y(), in[0], in[1])).compile();
                assertTrue(compiled.awaitCompiled(COMPILE_TIME));
                compiled.forward();
                return compiled;
            }, CentralDifferences.uniform(3, 1, -1, 1, seed), CentralDifferences.uniform(1, 1, -1, 1, seed + 100));
        }
    }

    @Test
    void the_linear_loss_is_one_region_that_reads_its_parameters_straight_from_p() {
        Program program = linearLoss(Leaves.of(100, 1)).compile();
        Tensor loss = program.result();
        Tensor squaredErrorSum = loss.parents().get(0), prediction = squaredErrorSum.parents().get(0);
        Tensor slope = prediction.parents().get(0).parents().get(1), intercept = prediction.parents().get(1);
        assertTrue(program.isFused(squaredErrorSum), "Σ(x·p0 + p1 − y)² ends the region");
        assertTrue(program.isAbsorbed(prediction) && program.isAbsorbed(prediction.parents().get(0)), "x·p0 and + p1 run inside its loops");
        assertTrue(program.isAbsorbed(slope) && program.isAbsorbed(intercept), "p.at(0) and p.at(1) are read from p by the loops");
        assertFalse(program.isAbsorbed(loss), "the division by n stays an op of its own");
    }

    @Test
    void a_region_whose_inner_tensor_is_read_elsewhere_is_not_fused_and_still_right() {
        Leaves plain = Leaves.of(50, 3), fused = Leaves.of(50, 3);
        Function<Leaves, Tensor> loss = l -> {
            Tensor t = l.x().mul(l.p().at(0));
            return t.add(l.p().at(1)).sum().add(t.sum());
        };
        Program interpreted = Program.interpret(loss.apply(plain)), compiled = loss.apply(fused).compile();
        assertFalse(compiled.hasFusedRegions(), "t wants a gradient and is read by two reductions, so neither region may take it");
        assertEquals(run(interpreted, plain).get(1)[0], run(compiled, fused).get(1)[0]);
    }

    @Test
    void a_stream_that_wants_a_gradient_keeps_its_region_op_by_op() {
        Tensor x = Tensor.variable(4, 1, 1, 2, 3, 4);
        Program loss = x.mul(Tensor.scalar(2)).add(Tensor.scalar(1)).sum().compile();
        assertFalse(loss.hasFusedRegions());
        loss.backward();
        assertEquals(List.of(2.0, 2.0, 2.0, 2.0), List.of(boxed(x.gradient())));
    }

    @Test
    void a_kernel_that_cannot_be_compiled_leaves_the_graph_running_op_by_op() {
        Leaves plain = Leaves.of(600, 11), fused = Leaves.of(600, 11);
        Program interpreted = Program.interpret(quadraticLoss(plain));
        Program compiled = Program.compile(quadraticLoss(fused), source -> CompletableFuture.failedFuture(new IllegalStateException("no compiler")));
        assertTrue(compiled.hasFusedRegions());
        assertFalse(compiled.awaitCompiled(Duration.ofMillis(10)));
        for (int step = 0; step < 3; step++) {
            assertEquals(List.of(boxed(run(interpreted, plain).get(1))), List.of(boxed(run(compiled, fused).get(1))));
        }
    }

    @Test
    void a_kernel_that_arrives_mid_run_takes_over_without_changing_a_bit() {
        Leaves plain = Leaves.of(1000, 13), fused = Leaves.of(1000, 13);
        CompletableFuture<Kernel> later = new CompletableFuture<>();
        AtomicReference<String> source = new AtomicReference<>();
        Program interpreted = Program.interpret(linearLoss(plain));
        Program compiled = Program.compile(linearLoss(fused), s -> {
            source.set(s);
            return later;
        });
        for (int step = 0; step < 6; step++) {
            if (step == 3) later.complete(KernelCompiler.compile(source.get()));
            List<double[]> a = run(interpreted, plain), b = run(compiled, fused);
            for (int k = 0; k < a.size(); k++) assertEquals(List.of(boxed(a.get(k))), List.of(boxed(b.get(k))), "step " + step);
        }
        assertTrue(compiled.awaitCompiled(Duration.ZERO));
    }

    @Test
    void javac_refusing_a_kernel_is_an_error_that_says_so() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> KernelCompiler.compile("class Broken {"));
        assertTrue(e.getMessage().contains("javac refused"), e.getMessage());
    }

    @Test
    void constants_are_written_as_their_exact_bits() {
        for (double v : new double[] {0.1, -0.0, 1e-300, Double.MIN_VALUE, -3.5}) {
            String literal = Elementwise.literal(v);
            long bits = Long.parseUnsignedLong(literal.substring(literal.indexOf("0x") + 2, literal.length() - 2), 16);
            assertEquals(Double.doubleToRawLongBits(v), bits, literal);
        }
        assertEquals("Double.NaN", Elementwise.literal(Double.NaN));
        assertEquals("Double.NEGATIVE_INFINITY", Elementwise.literal(Double.NEGATIVE_INFINITY));
    }

    private static Double[] boxed(double[] values) {
        Double[] out = new Double[values.length];
        for (int i = 0; i < values.length; i++) out[i] = values[i];
        return out;
    }
}
