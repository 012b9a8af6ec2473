package org.sgdplayground.export;

import static org.sgdplayground.export.PythonNumbers.list;
import static org.sgdplayground.export.PythonNumbers.number;

import java.util.ArrayList;
import java.util.List;
import org.sgdplayground.analysis.Standardisation;
import org.sgdplayground.data.Dataset;
import org.sgdplayground.data.Seeds;
import org.sgdplayground.experiment.Experiment;
import org.sgdplayground.experiment.Numbers;
import org.sgdplayground.experiment.Parameter;
import org.sgdplayground.experiment.Presets;
import org.sgdplayground.experiment.Race;
import org.sgdplayground.i18n.Messages;
import org.sgdplayground.model.Models;

/**
 * A run as a PyTorch program, written the way fastbook's chapter 4 writes its loop ({@code requires_grad_()},
 * {@code loss.backward()}, {@code params.data -= lr * params.grad.data}, {@code params.grad = None};
 * or the run's own {@code torch.optim} optimizer, {@link OptimizerCode}), in float64, with everything that fixes the run written out: the points
 * (bit for bit), the start, and the minibatch order, drawn by the same generator ({@code java.util.Random}, written
 * in a dozen lines of Python) from the same seed. So it reproduces the playground's frames to rounding: each loss,
 * gradient and step is the same arithmetic, summed in another order.
 *
 * <p>It prints the page's log (the same iterations: every one for runs of up to 20 steps, else every tenth and the
 * last) with the loss in full, as the notebooks' {@code print(loss.item())} does, and ends with
 * {@code final iter=K loss=L params=[…]}: the last frame, in Python's {@code repr}.
 */
final class TorchProgram {
    private TorchProgram() {}

    /**
     * The cells for {@code e} on {@code points} (unscaled, as {@link Experiment#dataset()} gives them); {@code link}
     * is the experiment's address on the playground; {@code withPlot} adds the matplotlib cell a notebook ends with.
     */
    static List<Cell> cells(Experiment e, Dataset points, String link, boolean withPlot) {
        return cells(e, points, link, withPlot, Messages.english());
    }

    /** {@link #cells(Experiment, Dataset, String, boolean)} with its markdown and comments in {@code m}'s language. */
    static List<Cell> cells(Experiment e, Dataset points, String link, boolean withPlot, Messages m) {
        boolean quadratic = e.model() == Models.QUADRATIC;
        int n = points.size();
        boolean minibatches = e.batch() != 0 && e.batch() != n;
        boolean literal = n <= PythonNumbers.MAX_LITERAL_POINTS;
        Standardisation scaling = e.standardize() ? Standardisation.of(points) : null;
        List<Race.Entry> lanes = e.optimizer().isRace() ? Race.entries(e) : List.of();
        List<Cell> cells = new ArrayList<>();

        cells.add(Cell.markdown(out -> {
            String title = Presets.byName(e.preset()).map(p -> m.text("preset." + p.name() + ".title")).orElse(e.preset());
            out.add("# " + m.text("notebook.title", "title", title));
            out.add("");
            if (lanes.isEmpty()) {
                out.add(m.text("notebook.intro.run", "link", link, "sameBatches", minibatches ? m.text("notebook.intro.run.batches") : ""));
            } else {
                out.add(m.text("notebook.intro.race", "link", link, "lanes", lanes.size(),
                    "sameBatches", minibatches ? m.text("notebook.intro.race.batches") : ""));
                out.add("");
                for (Race.Entry lane : lanes) {
                    out.add(m.text("notebook.lane", "label", lane.label(), "optimizer", OptimizerCode.describe(lane.experiment().hyperparameters(), m),
                        "lr", Numbers.format(lane.experiment().learningRate())));
                }
            }
            out.add("");
            String batches = minibatches ? m.text("notebook.minibatches", "batch", e.batch()) : m.text("notebook.fullBatch");
            String scaled = scaling != null ? m.text("notebook.standardised") : "";
            out.add(lanes.isEmpty()
                ? m.text("notebook.summary.run", "formula", e.model().formula(), "optimizer", OptimizerCode.describe(e.hyperparameters(), m),
                    "lr", Numbers.format(e.learningRate()), "steps", e.steps(), "batches", batches, "scaled", scaled)
                : m.text("notebook.summary.race", "formula", e.model().formula(), "steps", e.steps(), "batches", batches, "scaled", scaled));
        }));

        cells.add(Cell.code(literal ? Cell.lines("import torch") : Cell.lines("import base64, struct", "import torch")));

        String source = e.points() != null ? m.text("notebook.points.stored", "id", e.points())
            : "data=" + e.data() + ", n=" + n + ", noise=" + Numbers.format(e.noise()) + ", seed=" + e.seed();
        cells.add(new Cell(Cell.Kind.CODE, !literal, out -> {
            out.add("# " + m.text(literal ? "notebook.points.literal" : "notebook.points.base64", "n", n, "source", source));
            PythonNumbers.points(points, out);
        }));

        cells.add(Cell.code(out -> {
            if (scaling != null) {
                out.add("# " + m.text("notebook.standardize"));
                out.add("x_mean, x_sd = " + number(scaling.mean()) + ", " + number(scaling.scale()));
                out.add("x_raw = x");
                out.add("x = (x - x_mean) / x_sd");
                out.add("");
            }
            out.add("def f(x, params):");
            out.add(quadratic ? "    a,b,c = params" : "    a,b = params");
            out.add(quadratic ? "    return a*(x**2) + (b*x) + c" : "    return a*x + b");
            out.add("");
            out.add("def mse(preds, targets): return ((preds-targets)**2).mean()");
        }));

        cells.add(Cell.code(out -> {
            out.add(e.init() != null ? "# init=" + Parameter.INIT.textIn(e)
                : "# " + m.text("notebook.init.drawn", "seed", e.seed(), "count", e.model().parameterCount()));
            out.add("steps = " + e.steps());
            if (lanes.isEmpty()) {
                out.add("params = torch.tensor(" + list(e.initialParams()) + ", dtype=torch.float64).requires_grad_()");
                out.add("lr = " + number(e.learningRate()));
                if (!OptimizerCode.plain(e.hyperparameters())) out.add("opt = " + OptimizerCode.constructor(e.hyperparameters(), "params"));
                return;
            }
            out.add("start = " + list(e.initialParams()) + "  # " + m.text("notebook.start.shared"));
            out.add("");
            out.add("# " + m.text("notebook.lanes"));
            out.add("lanes = [");
            for (Race.Entry lane : lanes) {
                out.add("    (\"" + lane.label() + "\", " + number(lane.experiment().learningRate()) + ",");
                out.add("     lambda params, lr: " + OptimizerCode.constructor(lane.experiment().hyperparameters(), "params") + "),");
            }
            out.add("]");
        }));

        if (minibatches) cells.add(Cell.code(minibatchCell(e, lanes.isEmpty(), m)));
        cells.add(Cell.code(lanes.isEmpty() ? loopCell(minibatches, !OptimizerCode.plain(e.hyperparameters()), m)
            : RaceLoop.loopCell(minibatches, e, m)));
        if (withPlot) cells.add(Cell.code(lanes.isEmpty() ? plotCell(scaling != null, m) : RaceLoop.plotCell(scaling != null, m)));
        return cells;
    }

    /** The minibatch order: a fresh shuffle each epoch, as {@code DataLoader(shuffle=True)}, with the playground's generator. */
    private static Cell.Body minibatchCell(Experiment e, boolean oneRun, Messages m) {
        return Cell.lines(
            "def minibatches(n, size, seed):",
            "    \"\"\"" + m.text("notebook.batches.doc"),
            "    " + m.text("notebook.batches.doc2") + "\"\"\"",
            "    mask = (1 << 48) - 1",
            "    state = (seed ^ 0x5DEECE66D) & mask",
            "    def next31():",
            "        nonlocal state",
            "        state = (state * 0x5DEECE66D + 0xB) & mask",
            "        return state >> 17",
            "    def below(bound):  # Random.nextInt(bound)",
            "        if bound & -bound == bound: return (bound * next31()) >> 31",
            "        while True:",
            "            bits = next31()",
            "            value = bits % bound",
            "            if bits - value + bound - 1 < 1 << 31: return value",
            "    while True:",
            "        order = list(range(n))",
            "        for i in range(n - 1, 0, -1):",
            "            j = below(i + 1)",
            "            order[i], order[j] = order[j], order[i]",
            "        for start in range(0, n, size): yield order[start:start + size]",
            "",
            "# " + (oneRun ? m.text("notebook.batches.run", "seed", e.seed()) : m.text("notebook.batches.race")),
            (oneRun ? "batches = " : "def lane_batches(): return ") + batchesCall(e));
    }

    /** The call that starts {@code e}'s minibatch order: seed {@code e.seed()}'s own stream. */
    static String batchesCall(Experiment e) {
        return "minibatches(len(x), " + e.batch() + ", " + Seeds.streamSeed(e.seed(), Seeds.BATCHES) + ")";
    }

    private static Cell.Body loopCell(boolean minibatches, boolean optimizer, Messages m) {
        List<String> lines = new ArrayList<>(List.of(
            logsLine(m),
            "def finite(*ts): return all(bool(torch.isfinite(t).all()) for t in ts)",
            "",
            "print(\"iter  loss\")",
            "last = None",
            "for i in range(steps + 1):"));
        lines.addAll(stepLines("    ", minibatches, optimizer ? "opt.step()" : "params.data -= lr * params.grad.data"));
        lines.add("print(f\"final iter={last[0]} loss={last[1]!r} params={last[2]!r}\")");
        return Cell.lines(lines.toArray(String[]::new));
    }

    /**
     * The body of the training loop, each line after {@code indent}: predict on the step's rows, the loss, its
     * gradient, the log line, then {@code update} (the manual step or {@code opt.step()}) on every step but the last.
     * A single run and each lane of a race train with these same lines.
     */
    static List<String> stepLines(String indent, boolean minibatches, String update) {
        List<String> body = new ArrayList<>();
        if (minibatches) body.addAll(List.of("rows = next(batches)", "preds = f(x[rows], params)", "loss = mse(preds, y[rows])"));
        else body.addAll(List.of("preds = f(x, params)", "loss = mse(preds, y)"));
        body.addAll(List.of(
            "loss.backward()",
            "if not finite(loss, params, params.grad):",
            "    print(f\"{i:4d}  diverged\")",
            "    break",
            "last = (i, loss.item(), params.tolist())",
            "if logs(i): print(f\"{i:4d}  {loss.item()!r}\")",
            "if i < steps:",
            "    " + update,
            "params.grad = None"));
        return body.stream().map(line -> indent + line).toList();
    }

    private static Cell.Body plotCell(boolean standardised, Messages m) {
        return Cell.lines(
            "try:",
            "    import matplotlib.pyplot as plt",
            "except ImportError:",
            "    print(" + pythonString(m.text("notebook.plot.missing")) + ")",
            "else:",
            "    p = torch.tensor(last[2], dtype=torch.float64)",
            standardised ? "    xs = torch.linspace(float(x_raw.min()), float(x_raw.max()), 200, dtype=torch.float64)"
                : "    xs = torch.linspace(float(x.min()), float(x.max()), 200, dtype=torch.float64)",
            standardised ? "    plt.scatter(x_raw, y)" : "    plt.scatter(x, y)",
            standardised ? "    plt.plot(xs, f((xs - x_mean) / x_sd, p), color='red')" : "    plt.plot(xs, f(xs, p), color='red')",
            "    plt.title(f" + pythonString(m.text("notebook.plot.title", "iter", "{last[0]}", "loss", "{last[1]:.4g}")) + ")",
            "    plt.show()");
    }

    /** The loop's first line: where the page's log prints, said in a comment. */
    static String logsLine(Messages m) {
        return "def logs(i): return steps <= 20 or i % 10 == 0 or i == steps  # " + m.text("notebook.logs");
    }

    /** {@code text} as a double-quoted Python string literal (the catalogue's words may hold quotes or backslashes). */
    static String pythonString(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
