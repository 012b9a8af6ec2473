package org.sgdplayground.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;
import org.sgdplayground.experiment.Experiment;
import org.sgdplayground.experiment.ExperimentCodec;
import org.sgdplayground.experiment.Limits;
import org.sgdplayground.experiment.QueryStrings;
import org.sgdplayground.experiment.TrainingRun;

/**
 * The exports stream: frames go out while the run is still training, and a program around the most points a run
 * may have goes out in pieces no bigger than a buffer, so neither is ever held whole.
 */
class StreamingTest {
    /** Counts what reaches the client, and notes where the run was when the first byte did. */
    private static final class Client extends OutputStream {
        final IntSupplier progress;
        long bytes;
        int writes, largestWrite, progressAtFirstByte = -1;

        Client(IntSupplier progress) {
            this.progress = progress;
        }

        @Override public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override public void write(byte[] b, int off, int len) {
            if (progressAtFirstByte < 0) progressAtFirstByte = progress.getAsInt();
            bytes += len;
            writes++;
            largestWrite = Math.max(largestWrite, len);
        }
    }

    private static Experiment experiment(String query) {
        return ExperimentCodec.decode(QueryStrings.parse(query));
    }

    @Test
    void frames_reach_the_client_while_the_run_is_still_training() throws IOException {
        int steps = 20_000;
        TrainingRun csvRun = new TrainingRun(experiment("preset=fastai-sgd&steps=" + steps));
        Client csv = new Client(csvRun::nextIter);
        Writer text = Export.text(csv);
        FramesCsv.write(csvRun, text);
        text.flush();
        assertTrue(csv.progressAtFirstByte < steps / 10, "the first CSV bytes left at frame " + csv.progressAtFirstByte);
        assertTrue(csv.bytes > 50L * steps, "every frame went out: " + csv.bytes + " bytes");

        TrainingRun jsonRun = new TrainingRun(experiment("preset=fastai-sgd&steps=" + steps));
        Client json = new Client(jsonRun::nextIter);
        FramesJson.write(jsonRun, "preset=fastai-sgd", json);
        assertTrue(json.progressAtFirstByte < steps / 10, "the first JSON bytes left at frame " + json.progressAtFirstByte);
    }

    @Test
    void a_program_around_the_most_points_a_run_may_have_goes_out_in_buffer_sized_pieces() throws IOException {
        Experiment e = experiment("preset=fastai-sgd&n=" + Limits.MAX_POINTS + "&steps=10");
        for (Export export : new Export[] {Export.TRAIN_PY, Export.NOTEBOOK}) {
            Client client = new Client(() -> 0);
            export.write(e, "http://localhost", client);
            long pointBytes = 16L * Limits.MAX_POINTS;
            assertTrue(client.bytes > pointBytes * 4 / 3, export + " holds the points as base64: " + client.bytes + " bytes");
            assertTrue(client.largestWrite <= 64 * 1024, export + ": the largest piece was " + client.largestWrite + " bytes");
            assertTrue(client.writes >= client.bytes / (64 * 1024), export + " went out in " + client.writes + " pieces");
        }
    }

    @Test
    void an_export_of_every_frame_is_not_capped_at_an_api_answer_s_frames() throws IOException {
        int steps = Limits.MAX_RESPONSE_FRAMES * 2;
        StringBuilderStream out = new StringBuilderStream();
        Export.FRAMES_CSV.write(experiment("preset=fastai-sgd&steps=" + steps), "http://localhost", out);
        assertEquals(1 + steps + 1, out.text().split("\n").length, "a header and a row for each of the steps + 1 frames");
    }

    /** Collects what is written, as text. */
    private static final class StringBuilderStream extends java.io.ByteArrayOutputStream {
        String text() {
            return toString(java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
