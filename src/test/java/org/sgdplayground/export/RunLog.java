package org.sgdplayground.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Holds a program's printed lines against a run's frames from {@code /api/train}: the header, one line at each
 * iteration the page's log prints (every one for runs of up to 20 steps, else every tenth and the last), then
 * {@code K  diverged} if it diverged, then {@code final iter=K loss=L params=[…]} with the last frame. Numbers agree
 * to {@link #RELATIVE} of their size: PyTorch sums in another order than the engine, so the last bits differ.
 */
final class RunLog {
    private RunLog() {}

    static final double RELATIVE = 1e-9;
    private static final Pattern LOG_LINE = Pattern.compile(" *(\\d+)  (\\S+)");
    private static final Pattern FINAL = Pattern.compile("final iter=(\\d+) loss=(\\S+) params=\\[(.*)\\]");

    /** Asserts {@code printed} begins with the log of {@code answer}'s run and returns the lines after it. */
    static List<String> assertLog(String what, JsonNode answer, List<String> printed) {
        int steps = answer.path("steps").asInt();
        JsonNode frames = answer.path("frames");
        int at = 0;
        assertEquals("iter  loss", printed.get(at++), what + ": the header");
        for (JsonNode frame : frames) {
            int iter = frame.path("iter").asInt();
            if (!(steps <= 20 || iter % 10 == 0 || iter == steps)) continue;
            Matcher m = LOG_LINE.matcher(printed.get(at++));
            assertTrue(m.matches(), what + ": a log line, got " + printed.get(at - 1));
            assertEquals(iter, Integer.parseInt(m.group(1)), what + ": the iterations the page logs");
            assertClose(frame.path("loss").asDouble(), Double.parseDouble(m.group(2)), what + ", loss at " + iter);
        }
        JsonNode outcome = answer.path("outcome");
        if (outcome.path("type").asText().equals("diverged")) {
            assertEquals(String.format("%4d  diverged", outcome.path("iter").asInt()), printed.get(at++), what);
        }
        JsonNode last = frames.get(frames.size() - 1);
        Matcher m = FINAL.matcher(printed.get(at++));
        assertTrue(m.matches(), what + ": the final line, got " + printed.get(at - 1));
        assertEquals(last.path("iter").asInt(), Integer.parseInt(m.group(1)), what + ": the last frame");
        assertClose(last.path("loss").asDouble(), Double.parseDouble(m.group(2)), what + ", final loss");
        String[] params = m.group(3).split(", ");
        assertEquals(last.path("params").size(), params.length, what + ": one number a parameter");
        for (int j = 0; j < params.length; j++) {
            assertClose(last.path("params").get(j).asDouble(), Double.parseDouble(params[j]), what + ", final p" + j);
        }
        return printed.subList(at, printed.size());
    }

    static void assertClose(double expected, double actual, String what) {
        double tolerance = RELATIVE * Math.max(Math.abs(expected), Math.abs(actual));
        assertTrue(Math.abs(expected - actual) <= tolerance, what + ": expected " + expected + ", PyTorch printed " + actual
            + " (relative difference " + Math.abs(expected - actual) / Math.abs(expected) + ")");
    }
}
