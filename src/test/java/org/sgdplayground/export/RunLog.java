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
    private static final Pattern FINAL = Pattern.compile("final (lane=\\S+ )?iter=(\\d+) loss=(\\S+) params=\\[(.*)\\]");

    /** Asserts {@code printed} begins with the log of {@code answer}'s run and returns the lines after it. */
    static List<String> assertLog(String what, JsonNode answer, List<String> printed) {
        return assertRun(what, answer.path("steps").asInt(), answer, null, printed);
    }

    /**
     * Asserts {@code printed} begins with each lane of the race {@code answer} in its order: {@code lane LABEL}, the
     * lane's log and {@code final lane=LABEL …}; returns the lines after the last lane.
     */
    static List<String> assertLanes(String what, JsonNode answer, List<String> printed) {
        int steps = answer.path("steps").asInt();
        assertTrue(answer.path("lanes").size() > 1, what + ": a race, " + answer.path("lanes").size() + " lanes");
        List<String> rest = printed;
        for (JsonNode lane : answer.path("lanes")) {
            String label = lane.path("lane").asText();
            assertEquals("lane " + label, rest.get(0), what + ": the lane's header");
            rest = assertRun(what + ", lane " + label, steps, lane, label, rest.subList(1, rest.size()));
        }
        return rest;
    }

    private static List<String> assertRun(String what, int steps, JsonNode answer, String lane, List<String> printed) {
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
        assertEquals(lane == null ? null : "lane=" + lane + " ", m.group(1), what + ": the final line names its lane");
        assertEquals(last.path("iter").asInt(), Integer.parseInt(m.group(2)), what + ": the last frame");
        assertClose(last.path("loss").asDouble(), Double.parseDouble(m.group(3)), what + ", final loss");
        String[] params = m.group(4).split(", ");
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
