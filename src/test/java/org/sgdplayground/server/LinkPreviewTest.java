package org.sgdplayground.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.sgdplayground.experiment.Experiment;
import org.sgdplayground.experiment.ExperimentCodec;
import org.sgdplayground.experiment.Frame;
import org.sgdplayground.experiment.QueryStrings;
import org.sgdplayground.experiment.TrainingRun;
import org.sgdplayground.json.Jackson;
import org.sgdplayground.page.ShownNumbers;

/** A shared link unfurls with its curve: Open Graph and Twitter tags on {@code /} and {@code /embed}, a thumbnail in {@code /oembed}. */
class LinkPreviewTest {
    @RegisterExtension
    static final LocalApp APP = new LocalApp();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static HttpResponse<String> get(String pathAndQuery) throws Exception {
        return APP.get(pathAndQuery);
    }

    private static HttpResponse<byte[]> bytes(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** The content of the page's {@code <meta attribute="key" content="…">}, unescaped, or null. */
    private static String meta(String html, String attribute, String key) {
        Matcher m = Pattern.compile("<meta " + attribute + "=\"" + Pattern.quote(key) + "\" content=\"([^\"]*)\"").matcher(html);
        return m.find() ? m.group(1).replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&#x27;", "'").replace("&amp;", "&") : null;
    }

    private static Experiment experiment(String query) {
        return ExperimentCodec.decode(QueryStrings.parse(query));
    }

    @Test
    void the_page_and_the_embed_unfurl_to_the_plot_of_their_own_experiment() throws Exception {
        for (String path : List.of("/", "/embed")) {
            String query = "preset=roller-coaster&lr=2e-5&utm_source=feed";
            String html = get(path + "?" + query).body();
            String image = meta(html, "property", "og:image");
            assertEquals(APP.origin() + "/export/plot.png?" + ExperimentCodec.encode(experiment(query)), image);
            assertEquals(image, meta(html, "name", "twitter:image"));
            assertEquals("summary_large_image", meta(html, "name", "twitter:card"));
            assertEquals("1200", meta(html, "property", "og:image:width"));
            assertEquals("630", meta(html, "property", "og:image:height"));
            assertEquals(APP.origin() + path + "?" + ExperimentCodec.encode(experiment(query)), meta(html, "property", "og:url"));
            HttpResponse<byte[]> png = bytes(image);
            assertEquals(200, png.statusCode());
            assertEquals(1200, ImageIO.read(new ByteArrayInputStream(png.body())).getWidth());
        }
    }

    @Test
    void the_description_is_one_line_with_the_model_the_learning_rate_and_the_final_loss() throws Exception {
        Experiment e = experiment("preset=fastai-sgd");
        List<Frame> frames = new TrainingRun(e).all();
        String html = get("/?preset=fastai-sgd").body();
        String description = meta(html, "property", "og:description");
        assertEquals("linear p0·x + p1 fitted by SGD at lr 0.1: loss " + ShownNumbers.format(frames.get(frames.size() - 1).loss())
            + " after 100 steps.", description);
        assertEquals(description, meta(html, "name", "twitter:description"));
        assertEquals("SGD Playground: " + org.sgdplayground.experiment.Presets.byName("fastai-sgd").orElseThrow().title(), meta(html, "property", "og:title"));
    }

    @Test
    void a_run_that_diverges_says_where_in_its_description() throws Exception {
        Experiment e = experiment("preset=diverging-lr");
        TrainingRun run = new TrainingRun(e);
        run.all();
        String description = meta(get("/embed?preset=diverging-lr").body(), "property", "og:description");
        assertEquals("linear p0·x + p1 fitted by SGD at lr 30: the loss stops being finite at iteration " + run.outcome().iter() + ".", description);
    }

    @Test
    void oembed_gives_the_plot_as_its_thumbnail() throws Exception {
        String link = APP.origin() + "/?preset=momentum";
        JsonNode answer = Jackson.MAPPER.readTree(get("/oembed?url=" + URLEncoder.encode(link, StandardCharsets.UTF_8)).body());
        assertEquals(APP.origin() + "/export/plot.png?" + ExperimentCodec.encode(experiment("preset=momentum")), answer.get("thumbnail_url").asText());
        assertEquals(1200, answer.get("thumbnail_width").asInt());
        assertEquals(630, answer.get("thumbnail_height").asInt());
        HttpResponse<byte[]> png = bytes(answer.get("thumbnail_url").asText());
        assertEquals(630, ImageIO.read(new ByteArrayInputStream(png.body())).getHeight());
    }

    @Test
    void a_text_in_the_preview_is_escaped_in_the_head() throws Exception {
        String html = get("/?preset=fastai-sgd&lr=0.05").body();
        Matcher tag = Pattern.compile("<meta property=\"og:image\" content=\"([^\"]*)\"").matcher(html);
        assertTrue(tag.find());
        assertTrue(tag.group(1).contains("&amp;"), "an & in a URL is written &amp;: " + tag.group(1));
    }
}
