package org.sgdplayground.bench;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link EngineStepBenchmark} with JMH's usual command-line options (e.g. {@code -f 1 -wi 3 -i 5 -w 1s -r 1s},
 * {@code -p n=100}) and prints the engine against the fused loop, side by side, with the targets.
 */
public final class EngineBench {
    private EngineBench() {}

    /** The engine may take this many times the fused loop's time at n = 100 and at n = 1 000 000. */
    static final double TARGET_SMALL = 3.0, TARGET_LARGE = 1.5;

    public static void main(String[] args) throws Exception {
        CommandLineOptions cli = new CommandLineOptions(args);
        OptionsBuilder builder = new OptionsBuilder();
        builder.parent(cli);
        if (cli.getIncludes().isEmpty()) builder.include(EngineStepBenchmark.class.getName());
        Options options = builder.build();
        Collection<RunResult> results = new Runner(options).run();

        Map<String, double[]> rows = new TreeMap<>((a, b) -> {
            String[] x = a.split(" "), y = b.split(" ");
            int byN = Integer.compare(Integer.parseInt(x[0]), Integer.parseInt(y[0]));
            return byN != 0 ? byN : x[1].compareTo(y[1]);
        });
        for (RunResult r : results) {
            if (!r.getParams().getBenchmark().startsWith(EngineStepBenchmark.class.getName() + ".")) continue;
            String key = r.getParams().getParam("n") + " " + r.getParams().getParam("model");
            String method = r.getParams().getBenchmark().substring(r.getParams().getBenchmark().lastIndexOf('.') + 1);
            double[] row = rows.computeIfAbsent(key, k -> new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN});
            int at = method.equals("engine") ? 0 : 3;
            row[at] = r.getPrimaryResult().getScore();
            row[at + 1] = r.getPrimaryResult().getScoreError();
            row[at + 2] = r.getPrimaryResult().getStatistics().getMin();
        }
        if (rows.isEmpty()) return;
        System.out.println();
        System.out.println("One full-batch step (loss + backward + SGD update), µs: the mean ± JMH's 99.9% interval, then the"
            + " best iteration; the ratio of the means, then of the bests (less swayed by other work on the machine)");
        System.out.printf("%9s  %-9s  %20s  %10s  %20s  %10s  %6s  %6s  %s%n", "n", "model", "engine µs", "best", "fused µs",
            "best", "ratio", "best", "target (on the means)");
        rows.forEach((key, row) -> {
            String[] k = key.split(" ");
            int n = Integer.parseInt(k[0]);
            double ratio = row[0] / row[3], bestRatio = row[2] / row[5];
            String target = n <= 100 ? check(ratio, TARGET_SMALL) : n >= 1_000_000 ? check(ratio, TARGET_LARGE) : "";
            System.out.printf("%9d  %-9s  %20s  %10.3f  %20s  %10.3f  %6.2f  %6.2f  %s%n", n, k[1], timing(row[0], row[1]), row[2],
                timing(row[3], row[4]), row[5], ratio, bestRatio, target);
        });
    }

    private static String timing(double score, double error) {
        if (Double.isNaN(score)) return "-";
        return Double.isNaN(error) ? String.format("%.3f", score) : String.format("%.3f ± %.3f", score, error);
    }

    private static String check(double ratio, double target) {
        if (Double.isNaN(ratio)) return "";
        return (ratio <= target ? "≤ " : "> ") + target + "× " + (ratio <= target ? "met" : "MISSED");
    }
}
