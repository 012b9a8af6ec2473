package org.sgdplayground.autograd.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.sgdplayground.autograd.Sums;
import org.sgdplayground.autograd.Tensor;
import org.sgdplayground.experiment.ExperimentCodec;
import org.sgdplayground.experiment.TrainingRun;
import org.sgdplayground.model.MeanSquaredError;
import org.sgdplayground.model.Model;
import org.sgdplayground.model.Models;

/**
 * The models' kernels come compiled with the server ({@link PrebuiltKernels}), written from what {@link KernelSource}
 * writes for each model's loss graph today. After a change to the engine this test fails until the file is written
 * again: {@code mvn -o test -Dtest=PrebuiltKernelsTest -Dsgd.writePrebuiltKernels=true}.
 */
class PrebuiltKernelsTest {
    private static final Path FILE = Path.of("src/main/java/org/sgdplayground/autograd/compile/PrebuiltKernels.java");
    private static final String WRITE = "sgd.writePrebuiltKernels";

    /** Each model's kernel sources by the class name they get, in Models.all() order: its loss graph as TrainingRun builds it. */
    private static Map<String, String> sourcesByClassName() {
        Map<String, String> sources = new LinkedHashMap<>();
        for (Model model : Models.all()) {
            int rows = 16;
            Tensor x = Tensor.constant(rows, 1, new double[rows]), y = Tensor.constant(rows, 1, new double[rows]);
            Tensor params = Tensor.parameters(new double[model.parameterCount()]);
            List<String> texts = MeanSquaredError.of(model, x, y, params, rows).loss().compile().kernelSources();
            assertFalse(texts.isEmpty(), model.name() + "'s loss graph has a fused loop");
            for (int k = 0; k < texts.size(); k++) sources.put(className(model, k), texts.get(k));
        }
        return sources;
    }

    private static String className(Model model, int k) {
        String name = model.name();
        return name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1) + "Loss" + k;
    }

    @Test
    void the_file_holds_every_models_kernels_as_the_engine_writes_them_now() throws IOException {
        String expected = file(sourcesByClassName());
        String actual = Files.exists(FILE) ? Files.readString(FILE) : "";
        if (!expected.equals(actual) && Boolean.getBoolean(WRITE)) {
            Files.writeString(FILE, expected);
            return;
        }
        assertEquals(expected, actual, FILE + " is out of date: write it again with -D" + WRITE + "=true (see this test's comment)");
    }

    @Test
    void a_models_kernel_is_ready_at_once_and_computes_bit_for_bit_what_javac_makes_of_its_source() {
        Random random = new Random(7);
        for (Map.Entry<String, String> e : sourcesByClassName().entrySet()) {
            String source = e.getValue();
            Kernel prebuilt = PrebuiltKernels.forSource(source);
            assertNotNull(prebuilt, e.getKey());
            assertEquals(e.getKey(), prebuilt.getClass().getSimpleName());
            CompletableFuture<Kernel> asked = KernelCompiler.kernelFor(source);
            assertTrue(asked.isDone(), "no wait for javac: " + e.getKey());
            assertSame(prebuilt.getClass(), asked.join().getClass());

            Kernel compiled = KernelCompiler.compile(source);
            int streams = highest(source, "s") + 1, uniforms = highest(source, "u") + 1, sums = highest(source, "sums") + 1;
            for (int n : new int[] {1, 3, Sums.WIDE - 1, Sums.WIDE, 3 * Sums.WIDE + 5}) {
                double[][] s = new double[streams][n];
                for (double[] stream : s) for (int i = 0; i < n; i++) stream[i] = random.nextGaussian() * 10;
                double[] u = random.doubles(uniforms, -3, 3).toArray();
                double g = random.nextDouble();
                double[] column = new double[Math.max(n, Sums.LANES)];
                assertEquals(compiled.forward(s, u, n, column), prebuilt.forward(s, u, n, column), e.getKey() + " forward, n = " + n);
                double[] want = new double[sums], got = new double[sums];
                compiled.backward(s, u, n, g, column, want);
                prebuilt.backward(s, u, n, g, column, got);
                assertEquals(Arrays.toString(want), Arrays.toString(got), e.getKey() + " backward, n = " + n);
            }
        }
    }

    @Test
    void a_training_run_of_each_model_has_all_its_kernels_from_its_first_step() {
        for (Model model : Models.all()) {
            TrainingRun run = new TrainingRun(ExperimentCodec.decode(Map.of("model", model.name(), "steps", "1")));
            run.next();
            assertTrue(run.awaitCompiled(Duration.ZERO), model.name() + ": the run builds its graphs as this test does, and javac is not waited for");
        }
    }

    @Test
    void any_other_source_is_left_to_javac() {
        String source = sourcesByClassName().values().iterator().next().replace("0.0 +", "0.0 + 0.0 +");
        assertNull(PrebuiltKernels.forSource(source));
    }

    /** The highest index of {@code name[k]} in the source: {@code s[2]} → 2; -1 when there is none. */
    private static int highest(String source, String name) {
        Matcher m = Pattern.compile("\\b" + name + "\\[(\\d+)\\]").matcher(source);
        int highest = -1;
        while (m.find()) highest = Math.max(highest, Integer.parseInt(m.group(1)));
        return highest;
    }

    /** PrebuiltKernels.java for these sources: each a nested class, found by the SHA-256 of the source it was written from. */
    private static String file(Map<String, String> sources) {
        StringBuilder out = new StringBuilder("""
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
            """);
        sources.forEach((name, source) -> out.append("            case \"").append(KernelCompiler.sha256(source)).append("\" -> new ").append(name).append("();\n"));
        out.append("""
                        default -> null;
                    };
                }
            """);
        sources.forEach((name, source) -> out.append('\n').append(nested(name, source)));
        return out.append("}\n").toString();
    }

    /** The source's class as a nested one named {@code name}: its package and import lines left to the file's. */
    private static String nested(String name, String source) {
        String header = "package org.sgdplayground.autograd.compile;\n\nimport org.sgdplayground.autograd.Sums;\n\n";
        assertTrue(source.startsWith(header), "KernelSource's header changed: this test's file needs its imports\n" + source);
        String body = source.substring(header.length())
            .replace("final class " + KernelSource.CLASS_NAME + " implements Kernel {", "static final class " + name + " implements Kernel {");
        StringBuilder out = new StringBuilder("    /** Written by KernelSource for " + name + ". */\n");
        for (String line : body.split("\n")) out.append(line.isEmpty() ? "" : "    " + line).append('\n');
        return out.toString();
    }
}
