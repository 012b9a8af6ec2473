package org.sgdplayground.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.sgdplayground.data.Dataset;
import org.sgdplayground.experiment.Experiment;
import org.sgdplayground.experiment.ExperimentCodec;
import org.sgdplayground.i18n.Messages;

/**
 * The run taken home (SPEC §7): each export's file name under {@code /export/}, its media type, and how it writes an
 * experiment to a stream. Every one writes as it goes, through a small buffer, so its size in memory does not grow
 * with the points or the steps; the experiment is decoded (and so refused) before the first byte.
 */
public enum Export {
    /** A Python script that reproduces the run with PyTorch. */
    TRAIN_PY("train.py", "text/x-python; charset=utf-8", true) {
        @Override void write(Experiment e, Dataset points, String origin, Messages m, OutputStream out) throws IOException {
            Writer text = text(out);
            PythonScript.write(TorchProgram.cells(e, points, link(origin, e, m), false, m), text);
            text.flush();
        }
    },
    /** The same program as a Jupyter notebook, with a plot at the end. */
    NOTEBOOK("notebook.ipynb", "application/x-ipynb+json", true) {
        @Override void write(Experiment e, Dataset points, String origin, Messages m, OutputStream out) throws IOException {
            Notebook.write(TorchProgram.cells(e, points, link(origin, e, m), true, m), out);
        }
    },
    /** Every frame as CSV. */
    FRAMES_CSV("frames.csv", "text/csv; charset=utf-8", true) {
        @Override void write(Experiment e, Dataset points, String origin, Messages m, OutputStream out) throws IOException {
            Writer text = text(out);
            FramesCsv.write(e, points, text);
            text.flush();
        }
    },
    /** Every frame as JSON. */
    FRAMES_JSON("frames.json", "application/json", false) {
        @Override void write(Experiment e, Dataset points, String origin, Messages m, OutputStream out) throws IOException {
            FramesJson.write(e, points, ExperimentCodec.encode(e), out);
        }
    };

    /** Characters held before they go out: a few lines of a script, a few hundred frames. */
    private static final int BUFFER_CHARS = 16 * 1024;

    private final String fileName;
    private final String mediaType;
    private final boolean download;

    Export(String fileName, String mediaType, boolean download) {
        this.fileName = fileName;
        this.mediaType = mediaType;
        this.download = download;
    }

    /** The name under {@code /export/}, e.g. {@code train.py}. */
    public String fileName() {
        return fileName;
    }

    /** The {@code Content-Type}. */
    public String mediaType() {
        return mediaType;
    }

    /** Whether a browser should save it rather than show it ({@code Content-Disposition: attachment}). */
    public boolean download() {
        return download;
    }

    /** Writes the export of {@code e}, whose page lives at {@code origin} (e.g. {@code https://sgd.example}), in English. */
    public void write(Experiment e, String origin, OutputStream out) throws IOException {
        write(e, origin, Messages.english(), out);
    }

    /** Writes the export of {@code e} with its words for people (a program's comments and markdown) in {@code m}'s language. */
    public void write(Experiment e, String origin, Messages m, OutputStream out) throws IOException {
        write(e, e.dataset(), origin, m, out);
    }

    abstract void write(Experiment e, Dataset points, String origin, Messages m, OutputStream out) throws IOException;

    /** UTF-8 text through a buffer of {@link #BUFFER_CHARS}: what goes out, goes out as it is written. */
    static Writer text(OutputStream out) {
        return new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), BUFFER_CHARS);
    }

    private static String link(String origin, Experiment e, Messages m) {
        return origin + "/?" + ExperimentCodec.encode(e, m.lang());
    }
}
