package org.sgdplayground.export;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's Python with Debian's PyTorch ({@code python3-torch}, which {@code scripts/test} installs): {@code
 * /usr/bin/python3}, not whatever {@code python3} comes first on the PATH. Without it the tests that run exported code
 * skip with a message, or fail under {@code CI=true}, where they must run; {@code SKIP_TORCH_TESTS=1} skips them.
 */
final class TorchPython {
    private TorchPython() {}

    static final Path PYTHON = Path.of("/usr/bin/python3");
    /** Longest a batch of exported programs may run: they take a few seconds, most of it importing torch. */
    private static final long TIMEOUT_SECONDS = 120;

    /** Checks that PyTorch can be imported, or skips (fails on CI) saying how to get it. */
    static void require() throws IOException, InterruptedException {
        String why = null;
        if ("1".equals(System.getenv("SKIP_TORCH_TESTS"))) why = "SKIP_TORCH_TESTS=1";
        else if (!Files.isExecutable(PYTHON)) why = PYTHON + " does not exist";
        else if (run(List.of(PYTHON.toString(), "-c", "import torch"), null).exitCode != 0) why = PYTHON + " cannot import torch";
        if (why == null) return;
        String message = why + ", so the exported PyTorch code cannot be run: scripts/test installs Debian's python3-torch "
            + "(sudo apt-get install -y --no-install-recommends python3-torch)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) fail("CI=true: " + message);
        Assumptions.abort(message);
    }

    /**
     * Runs each program in one interpreter, importing torch once: each as {@code __main__} with fresh globals, its
     * output into {@code program + ".out"}. Returns the interpreter's own output (empty unless something failed).
     */
    static String runEach(List<Path> programs) throws IOException, InterruptedException {
        String driver = String.join("\n",
            "import contextlib, runpy, sys",
            "import torch",
            "for path in sys.argv[1:]:",
            "    with open(path + '.out', 'w') as out, contextlib.redirect_stdout(out):",
            "        runpy.run_path(path, run_name='__main__')");
        List<String> command = new ArrayList<>(List.of(PYTHON.toString(), "-c", driver));
        for (Path p : programs) command.add(p.toString());
        Result r = run(command, null);
        if (r.exitCode != 0) fail("python exited " + r.exitCode + ":\n" + r.output);
        return r.output;
    }

    /** What a program printed under {@link #runEach}. */
    static List<String> outputOf(Path program) throws IOException {
        return Files.readAllLines(Path.of(program + ".out"), StandardCharsets.UTF_8);
    }

    record Result(int exitCode, String output) {
        List<String> lines() {
            return output.lines().toList();
        }
    }

    /** Runs a command in {@code dir} (or here), stdout and stderr together. */
    static Result run(List<String> command, Path dir) throws IOException, InterruptedException {
        ProcessBuilder b = new ProcessBuilder(command).redirectErrorStream(true);
        if (dir != null) b.directory(dir.toFile());
        b.environment().put("MPLBACKEND", "Agg"); // a notebook's plot, where matplotlib exists, opens no window
        Process p = b.start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail(command.get(0) + " took longer than " + TIMEOUT_SECONDS + " s");
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
