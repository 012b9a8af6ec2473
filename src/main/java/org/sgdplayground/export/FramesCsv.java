package org.sgdplayground.export;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.sgdplayground.experiment.Frame;
import org.sgdplayground.experiment.TrainingRun;

/**
 * {@code frames.csv}: one row a frame, {@code iter,loss,p0,…,g0,…}, each number its shortest exact text, written as
 * the run makes each frame (a diverged run simply ends at its last finite frame).
 */
final class FramesCsv {
    private FramesCsv() {}

    static void write(TrainingRun run, Writer out) throws IOException {
        List<String> names = run.experiment().model().parameterNames();
        out.write("iter,loss");
        for (String p : names) out.write("," + p);
        for (int j = 0; j < names.size(); j++) out.write(",g" + j);
        out.write("\n");
        StringBuilder row = new StringBuilder(128);
        for (Frame f = run.next(); f != null; f = run.next()) {
            row.setLength(0);
            row.append(f.iter()).append(',').append(PythonNumbers.number(f.loss()));
            for (double p : f.params()) row.append(',').append(PythonNumbers.number(p));
            for (double g : f.grad()) row.append(',').append(PythonNumbers.number(g));
            out.append(row).append('\n');
        }
    }
}
