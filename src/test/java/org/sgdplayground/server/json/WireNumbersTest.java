package org.sgdplayground.server.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.javalin.Javalin;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.sgdplayground.experiment.Experiment;
import org.sgdplayground.experiment.ExperimentCodec;
import org.sgdplayground.experiment.Frame;
import org.sgdplayground.experiment.QueryStrings;
import org.sgdplayground.experiment.TrainingRun;
import org.sgdplayground.json.Jackson;
import org.sgdplayground.server.PlaygroundApp;
import org.sgdplayground.server.live.FrameTape;

/**
 * One number format on the wire: every double of every message is the shortest text that reads back as the same
 * double, laid out as Java writes doubles ({@code 0.001}, {@code 9999999.0}, then {@code 1.0E7}, {@code 9.99E-4}).
 * Shortness is checked against {@link BigDecimal}, exactness against {@link Double#parseDouble}: neither is Jackson.
 */
class WireNumbersTest {
    /** Significant digits of Java's text: no sign, point, exponent, leading or trailing zeros (at least one). */
    private static int digits(String text) {
        String mantissa = text.replace("-", "").split("E")[0].replace(".", "");
        return Math.max(1, mantissa.replaceAll("^0+", "").replaceAll("0+$", "").length());
    }

    private static final Pattern PLAIN = Pattern.compile("-?(0|[1-9][0-9]*)\\.[0-9]+"),
        SCIENTIFIC = Pattern.compile("-?[1-9]\\.[0-9]+E-?[1-9][0-9]*");

    /**
     * {@code text} is in Java's layout and, with one digit fewer, no decimal reads back as its double: it suffices to
     * try the two nearest to the text, rounded down and up to that many digits. Any shorter decimal that read back
     * would lie in the double's rounding interval, and so would the nearer of these two on its side. (Java's rule
     * lets a 2-digit text stand when a closer 2-digit decimal beats a 1-digit one, as 4.9E-324 does 5E-324.)
     */
    private static void assertShortest(String text) {
        double v = Double.parseDouble(text);
        double size = Math.abs(v);
        Pattern layout = v == 0 || size >= 1e-3 && size < 1e7 ? PLAIN : SCIENTIFIC;
        assertTrue(layout.matcher(text).matches(), () -> text + " is not laid out as Java lays out " + v);
        int d = digits(text);
        if (d <= 2 || v == 0) return;
        BigDecimal written = new BigDecimal(text);
        for (RoundingMode mode : new RoundingMode[] {RoundingMode.FLOOR, RoundingMode.CEILING}) {
            BigDecimal shorter = written.round(new MathContext(d - 1, mode));
            assertNotEquals(v, Double.parseDouble(shorter.toString()), () -> text + " could be " + shorter);
        }
    }

    /** Checks every double of a message and says how many it held; a message without doubles proves nothing. */
    private static int assertEveryDoubleShortest(byte[] message) throws IOException {
        int doubles = 0;
        try (JsonParser p = Jackson.FACTORY.createParser(message)) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == JsonToken.VALUE_NUMBER_FLOAT) {
                    assertShortest(p.getText());
                    doubles++;
                }
            }
        }
        return doubles;
    }

    /** Doubles of every kind: any bit pattern, subnormals, whole numbers, U(−1,1) like the points, ratios of small ints. */
    private static double[] many(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            double v;
            do {
                v = switch (i % 6) {
                    case 0, 1 -> Double.longBitsToDouble(random.nextLong());
                    case 2 -> Double.longBitsToDouble(random.nextLong() & 0x800F_FFFF_FFFF_FFFFL); // subnormal or ±0
                    case 3 -> (random.nextBoolean() ? -1 : 1) * (double) random.nextLong(1L << 54);
                    case 4 -> -1 + 2 * random.nextDouble();
                    default -> random.nextInt(1_000_000) / (double) (1 + random.nextInt(1000)) * Math.pow(10, random.nextInt(-12, 12));
                };
            } while (!Double.isFinite(v));
            out[i] = v;
        }
        return out;
    }

    /** Extremes, powers of two (whose rounding interval is lopsided) and their neighbours, powers of ten, format edges. */
    private static double[] edges() {
        List<Double> out = new ArrayList<>(List.of(0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, 3 * Double.MIN_VALUE,
            Double.MIN_NORMAL, Math.nextDown(Double.MIN_NORMAL), Double.MAX_VALUE, -Double.MAX_VALUE, 0.1, 0.1 + 0.2, 1e7,
            Math.nextDown(1e7), 1e-3, Math.nextDown(1e-3), 1e23, 2e23, 9007199254740993.0, 5.9031e20));
        for (int e = -1074; e <= 1023; e++) {
            double p = Math.scalb(1.0, e);
            out.add(p);
            out.add(Math.nextUp(p));
            out.add(Math.nextDown(p));
        }
        for (int e = -323; e <= 308; e++) out.add(Double.parseDouble("1e" + e));
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    @Test
    void the_wire_writes_every_double_as_the_shortest_text_that_reads_back_as_the_same_bits() throws IOException {
        for (double[] values : List.of(edges(), many(100_000, 1))) {
            byte[] written = Json.written(values.length * 24, g -> g.writeArray(values, 0, values.length));
            List<String> texts = new ArrayList<>();
            try (JsonParser p = Jackson.FACTORY.createParser(written)) {
                for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) if (t == JsonToken.VALUE_NUMBER_FLOAT) texts.add(p.getText());
            }
            assertEquals(values.length, texts.size());
            for (int i = 0; i < values.length; i++) {
                String text = texts.get(i);
                long bits = Double.doubleToRawLongBits(values[i]);
                if (bits != Double.doubleToRawLongBits(Double.parseDouble(text))) assertEquals(Long.toHexString(bits), text);
                assertShortest(text);
            }
        }
        assertEquals("[0.0,-0.0,1.0,100.0,0.001,9.99E-4,9999999.0,1.0E7,-1.2345E-5,4.9E-324,1.7976931348623157E308,0.30000000000000004,2.0E23]",
            new String(Json.written(64, g -> g.writeArray(new double[] {0, -0.0, 1, 100, 0.001, 0.000999, 9_999_999, 1e7, -1.2345e-5,
                Double.MIN_VALUE, Double.MAX_VALUE, 0.1 + 0.2, 2e23}, 0, 13)), java.nio.charset.StandardCharsets.UTF_8));
    }

    /**
     * Quadratic points out to a million: the Gram matrix holds x⁴ ≈ 10²⁴, where Java 17's {@code Double.toString}
     * (behind a tree's {@code toString()}, which wrote the data message before) gives one digit too many for some.
     */
    private static Experiment bigQuadratic() {
        SplittableRandom random = new SplittableRandom(11);
        double[] x = new double[40], y = new double[40];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextDouble(-1e6, 1e6);
            y[i] = 3e-7 * x[i] * x[i] + random.nextDouble();
        }
        return ExperimentCodec.decode(Map.of("model", "quadratic", "steps", "5", "lr", "1e-30"), x, y);
    }

    @Test
    void every_socket_message_writes_its_doubles_in_the_one_format() throws IOException {
        List<Experiment> experiments = new ArrayList<>();
        for (String query : List.of("preset=fastai-sgd&steps=20", "preset=roller-coaster&standardize=1&steps=20",
            "preset=minibatch-noise&model=quadratic&steps=20&momentum=0.9", "preset=diverging-lr")) {
            experiments.add(ExperimentCodec.decode(QueryStrings.parse(query)));
        }
        experiments.add(bigQuadratic());
        for (Experiment e : experiments) {
            FrameTape tape = new FrameTape(e, true);
            assertTrue(assertEveryDoubleShortest(tape.data(true)) > 2 * e.n(), "the points, optimum and surface are doubles");
            assertEveryDoubleShortest(tape.data(false));
            TrainingRun run = new TrainingRun(e);
            for (Frame f : run.all()) assertTrue(assertEveryDoubleShortest(Json.frameMessage(f)) >= 5, "loss, params and grad");
            assertEquals(1, assertEveryDoubleShortest(Json.outcomeMessage(run.outcome())), "the outcome's loss");
        }
    }

    @Test
    void the_apis_answers_write_their_doubles_in_the_one_format() throws Exception {
        Javalin app = PlaygroundApp.create().start(0);
        try {
            HttpClient http = HttpClient.newHttpClient();
            Experiment big = bigQuadratic();
            String body = Jackson.MAPPER.writeValueAsString(Map.of("x", big.dataset().xs(), "y", big.dataset().ys(), "model", "quadratic",
                "steps", 5, "lr", 1e-30));
            for (String[] request : new String[][] {{"/api/train?preset=roller-coaster&steps=30", ""}, {"/api/train?preset=standardised", ""},
                {"/api/train", body}}) {
                HttpResponse<byte[]> answer = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + request[0]))
                    .POST(HttpRequest.BodyPublishers.ofString(request[1])).build(), HttpResponse.BodyHandlers.ofByteArray());
                assertEquals(200, answer.statusCode(), request[0]);
                assertTrue(assertEveryDoubleShortest(answer.body()) > 100, request[0]);
            }
        } finally {
            app.stop();
        }
    }
}
