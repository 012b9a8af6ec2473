package org.sgdplayground.export;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.sgdplayground.data.Dataset;
import org.sgdplayground.experiment.Experiment;
import org.sgdplayground.experiment.Frame;
import org.sgdplayground.experiment.Race;
import org.sgdplayground.experiment.TrainingRun;

/**
 * {@code frames.csv}: one row a frame, {@code iter,loss,p0,…,g0,…}, each number its shortest exact text, written as
 * the run makes each frame (a diverged run simply ends at its last finite frame). A race's rows start with their
 * {@code lane}, the lanes one after the other, as {@code /api/train} lists them.
 */
final class FramesCsv {
    private FramesCsv() {}

    static void write(Experiment e, Dataset points, Writer out) throws IOException {
        if (!e.optimizer().isRace()) {
            write(new TrainingRun(e, points), out);
            return;
        }
        header(e, "lane,", out);
        for (Race.Entry lane : Race.entries(e)) rows(new TrainingRun(lane.experiment(), points), lane.label() + ",", out);
    }

    /** A single run's frames, written as {@code run} makes them. */
    static void write(TrainingRun run, Writer out) throws IOException {
        header(run.experiment(), "", out);
        rows(run, "", out);
    }

    private static void header(Experiment e, String first, Writer out) throws IOException {
        List<String> names = e.model().parameterNames();
        out.write(first + "iter,loss");
        for (String p : names) out.write("," + p);
        for (int j = 0; j < names.size(); j++) out.write(",g" + j);
        out.write("\n");
    }

    private static void rows(TrainingRun run, String first, Writer out) throws IOException {
        StringBuilder row = new StringBuilder(128);
        for (Frame f = run.next(); f != null; f = run.next()) {
            row.setLength(0);
            row.append(first).append(f.iter()).append(',').append(PythonNumbers.number(f.loss()));
            for (double p : f.params()) row.append(',').append(PythonNumbers.number(p));
            for (double g : f.grad()) row.append(',').append(PythonNumbers.number(g));
            out.append(row).append('\n');
        }
    }
}
