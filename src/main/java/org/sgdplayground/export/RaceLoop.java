package org.sgdplayground.export;

import java.util.ArrayList;
import java.util.List;
import org.sgdplayground.experiment.Experiment;
import org.sgdplayground.i18n.Messages;

/**
 * A race's training loop in the exported program: the single run's loop, once a lane, each lane from a fresh copy
 * of the start with its own optimizer (and, with minibatches, the same batches drawn again), so that every lane is
 * that lane's run alone, as the playground runs it.
 */
final class RaceLoop {
    private RaceLoop() {}

    /** The loop over {@code lanes}: a header line, the log and {@code final lane=LABEL iter=K loss=L params=[…]} each. */
    static Cell.Body loopCell(boolean minibatches, Experiment e, Messages m) {
        List<String> lines = new ArrayList<>(List.of(
            TorchProgram.logsLine(m),
            "def finite(*ts): return all(bool(torch.isfinite(t).all()) for t in ts)",
            "",
            "def train(label, lr, make_optimizer):",
            "    \"\"\"" + m.text("notebook.lane.doc") + "\"\"\"",
            "    params = torch.tensor(start, dtype=torch.float64).requires_grad_()",
            "    opt = make_optimizer(params, lr)"));
        if (minibatches) lines.add("    batches = lane_batches()");
        lines.addAll(List.of(
            "    print(\"iter  loss\")",
            "    last = None",
            "    for i in range(steps + 1):"));
        lines.addAll(TorchProgram.stepLines("        ", minibatches, "opt.step()"));
        lines.addAll(List.of(
            "    print(f\"final lane={label} iter={last[0]} loss={last[1]!r} params={last[2]!r}\")",
            "    return last",
            "",
            "results = {}",
            "for label, lr, make_optimizer in lanes:",
            "    print(f\"lane {label}\")",
            "    results[label] = train(label, lr, make_optimizer)"));
        return Cell.lines(lines.toArray(String[]::new));
    }

    /** The points and each lane's last curve, labelled, in matplotlib's own colour cycle. */
    static Cell.Body plotCell(boolean standardised, Messages m) {
        String label = "label=f" + TorchProgram.pythonString(m.text("notebook.plot.lane", "label", "{label}", "iter", "{i}", "loss", "{loss:.4g}"));
        return Cell.lines(
            "try:",
            "    import matplotlib.pyplot as plt",
            "except ImportError:",
            "    print(" + TorchProgram.pythonString(m.text("notebook.plot.missing.race")) + ")",
            "else:",
            standardised ? "    xs = torch.linspace(float(x_raw.min()), float(x_raw.max()), 200, dtype=torch.float64)"
                : "    xs = torch.linspace(float(x.min()), float(x.max()), 200, dtype=torch.float64)",
            standardised ? "    plt.scatter(x_raw, y, color='grey')" : "    plt.scatter(x, y, color='grey')",
            "    for label, (i, loss, p) in results.items():",
            "        p = torch.tensor(p, dtype=torch.float64)",
            standardised ? "        plt.plot(xs, f((xs - x_mean) / x_sd, p), " + label + ")" : "        plt.plot(xs, f(xs, p), " + label + ")",
            "    plt.legend()",
            "    plt.show()");
    }
}
