package org.sgdplayground.server.api;

import org.sgdplayground.server.PlaygroundApp;
import org.sgdplayground.server.json.ReferenceTrees;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.FutureTask;
import java.util.zip.GZIPInputStream;
import io.javalin.Javalin;
import org.junit.jupiter.api.Test;
import org.sgdplayground.data.Dataset;
import org.sgdplayground.experiment.Briefing;
import org.sgdplayground.experiment.Experiment;
import org.sgdplayground.experiment.ExperimentCodec;
import org.sgdplayground.experiment.Frame;
import org.sgdplayground.experiment.QueryStrings;
import org.sgdplayground.experiment.TrainingRun;
import org.sgdplayground.json.Jackson;

class TrainAnswerWriterTest {
    /** The answer the plain way: {@link ReferenceTrees}, one object, written by the shared mapper. */
    private static JsonNode asTree(Experiment e, Dataset points, List<Frame> frames, TrainingRun run) {
        ObjectNode out = ReferenceTrees.experiment(e, points);
        ArrayNode kept = out.putArray("frames");
        frames.forEach(f -> kept.add(ReferenceTrees.frame(f)));
        out.set("outcome", ReferenceTrees.outcome(run.outcome()));
        return out;
    }

    /** Full batch, both models, a diverging run, minibatches that list their rows, standardised coaster points. */
    private static final String[] QUERIES = {"preset=fastai-sgd&n=500", "model=quadratic&n=300&steps=40&seed=9", "lr=50&steps=30",
        "n=40&batch=7&steps=12&momentum=0.9", "preset=roller-coaster&standardize=1&steps=25&lr=0.01"};

    @Test
    void the_written_answer_reads_back_as_the_tree_json_builds_field_for_field_and_bit_for_bit() throws IOException {
        for (String query : QUERIES) {
            Written w = Written.of(query);
            JsonNode streamed = Jackson.MAPPER.readTree(w.bytes());
            JsonNode expected = w.tree();
            // JsonNode equality compares doubles by value, so this also says every number reads back as the same double
            assertEquals(expected, streamed, query);
            assertEquals(names(expected), names(streamed), "field order, " + query);
        }
    }

    @Test
    void the_written_answer_is_byte_for_byte_what_jacksons_fast_writer_makes_of_that_tree() throws IOException {
        ObjectMapper jackson = new ObjectMapper(JsonFactory.builder().enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER).build());
        for (String query : QUERIES) {
            Written w = Written.of(query);
            assertEquals(jackson.writeValueAsString(w.tree()), new String(w.bytes(), StandardCharsets.UTF_8), query);
        }
    }

    /** One query's run, written by {@link TrainAnswerWriter}. */
    private record Written(Experiment e, Dataset points, List<Frame> frames, TrainingRun run, byte[] bytes) {
        static Written of(String query) throws IOException {
            Experiment e = ExperimentCodec.decode(QueryStrings.parse(query));
            Dataset points = e.dataset();
            TrainingRun run = new TrainingRun(e, points);
            List<Frame> frames = run.all();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            TrainAnswerWriter.write(out, e, points, frames, run.outcome());
            return new Written(e, points, frames, run, out.toByteArray());
        }

        /** The same answer as a tree built the plain way. */
        JsonNode tree() {
            return asTree(e, points, frames, run);
        }
    }

    @Test
    void an_answer_begun_on_another_thread_and_finished_on_this_one_is_the_same_answer() throws Exception {
        for (String query : QUERIES) {
            Written w = Written.of(query);
            FutureTask<TrainAnswerWriter> begun = new FutureTask<>(() -> TrainAnswerWriter.begin(Briefing.of(w.e(), w.points()), w.frames().size()));
            Thread writer = new Thread(begun, "briefing-writer");
            writer.start();
            TrainAnswerWriter answer = begun.get().finish(w.frames(), w.run().outcome());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            answer.writeTo(out);
            assertEquals(new String(w.bytes(), StandardCharsets.UTF_8), out.toString(StandardCharsets.UTF_8), query);
            assertEquals(w.bytes().length, answer.size(), "the size sent ahead as Content-Length");
        }
    }

    private static List<String> names(JsonNode node) {
        List<String> out = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) out.add(it.next());
        return out;
    }

    @Test
    void the_answer_says_it_is_json_goes_uncompressed_to_a_client_that_did_not_ask_and_reads_the_same_either_way() throws Exception {
        Javalin app = PlaygroundApp.create().start(0);
        try {
            HttpClient http = HttpClient.newHttpClient();
            URI uri = URI.create("http://localhost:" + app.port() + "/api/train?n=2000&steps=20");
            HttpResponse<byte[]> plain = http.send(HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofByteArray());
            HttpResponse<byte[]> gzip = http.send(HttpRequest.newBuilder(uri).header("Accept-Encoding", "gzip")
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, plain.statusCode());
            assertEquals(200, gzip.statusCode());
            assertEquals("application/json", plain.headers().firstValue("Content-Type").orElse("").split(";")[0]);
            assertEquals("", plain.headers().firstValue("Content-Encoding").orElse(""));
            byte[] unzipped = gzip.body();
            if (gzip.headers().firstValue("Content-Encoding").orElse("").equals("gzip")) {
                try (GZIPInputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(gzip.body()))) {
                    unzipped = in.readAllBytes();
                }
            }
            assertEquals(Jackson.MAPPER.readTree(plain.body()), Jackson.MAPPER.readTree(unzipped));
            // nothing to negotiate with a client that asks for no encoding: the length goes ahead instead of chunks
            assertEquals(Long.toString(plain.body().length), plain.headers().firstValue("Content-Length").orElse("none"));
            assertEquals("", plain.headers().firstValue("Transfer-Encoding").orElse(""));
        } finally {
            app.stop();
        }
    }
}
