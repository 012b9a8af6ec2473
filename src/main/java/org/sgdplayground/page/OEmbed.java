package org.sgdplayground.page;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.sgdplayground.experiment.Experiment;
import org.sgdplayground.experiment.ExperimentCodec;
import org.sgdplayground.experiment.InvalidParameterException;
import org.sgdplayground.experiment.PointLookup;
import org.sgdplayground.experiment.Presets;
import org.sgdplayground.experiment.QueryStrings;
import org.sgdplayground.i18n.Messages;

/**
 * oEmbed 1.0 (https://oembed.com) for playground links: a {@code rich} answer whose {@code html} is the embed's
 * iframe, titled in the link's language ({@code lang=} or its preset's; English when it says none: an oEmbed consumer
 * is a server, its {@code Accept-Language} is not a reader's). Knows nothing of HTTP; the server maps its refusals to
 * status codes.
 */
public final class OEmbed {
    private OEmbed() {}

    public static final int DEFAULT_WIDTH = 720, DEFAULT_HEIGHT = 520;
    /** The largest maxwidth/maxheight we read; beyond it the default size applies anyway. */
    public static final int MAX_DIMENSION = 100_000;

    /** Why a request cannot be answered: 404 (not our URL), 501 (a format other than json) or 400 (a bad argument). */
    public static final class Refusal extends RuntimeException {
        private final int status;

        Refusal(int status, String message) {
            super(message);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    /**
     * The oEmbed answer for {@code url}, as ordered fields.
     *
     * @param origin     this server's origin, e.g. {@code https://sgd.example}; only its URLs are ours
     * @param url        the page link to embed ({@code /} or {@code /embed} with an experiment's query)
     * @param maxWidth   the consumer's {@code maxwidth}, or null
     * @param maxHeight  the consumer's {@code maxheight}, or null
     * @param format     the consumer's {@code format}, or null for json
     */
    public static Map<String, Object> answer(String origin, String url, String maxWidth, String maxHeight, String format) {
        return answer(origin, url, maxWidth, maxHeight, format, PointLookup.NONE);
    }

    /** {@link #answer(String, String, String, String, String)}, finding the link's {@code points=ID} in {@code stored}. */
    public static Map<String, Object> answer(String origin, String url, String maxWidth, String maxHeight, String format,
                                             PointLookup stored) {
        if (format != null && !format.isBlank() && !format.equals("json")) {
            throw new Refusal(501, "format=" + shorten(format) + " is not supported: only json");
        }
        int width = Math.min(DEFAULT_WIDTH, dimension("maxwidth", maxWidth));
        int height = Math.min(DEFAULT_HEIGHT, dimension("maxheight", maxHeight));
        Experiment e = experimentOf(origin, url, stored);
        Messages m = Messages.orEnglish(ExperimentCodec.lang(QueryStrings.parse(URI.create(url.trim()).getRawQuery())).orElse(Messages.FALLBACK));
        String query = ExperimentCodec.encode(e, m.lang());
        String src = origin + "/embed?" + query + hideOf(url);
        String title = m.text("site.titled", "title", PresetWords.of(Presets.byName(e.preset()).orElse(Presets.defaultPreset()), m).title());

        Map<String, Object> out = new LinkedHashMap<>();
        out.put("type", "rich");
        out.put("version", "1.0");
        out.put("title", title);
        out.put("provider_name", Messages.english().text("site.name"));
        out.put("provider_url", origin + "/");
        out.put("width", width);
        out.put("height", height);
        out.put("thumbnail_url", origin + "/export/plot.png?" + query); // the link preview's picture
        out.put("thumbnail_width", LinkPreview.IMAGE_WIDTH);
        out.put("thumbnail_height", LinkPreview.IMAGE_HEIGHT);
        out.put("html", "<iframe src=\"" + attribute(src) + "\" width=\"" + width + "\" height=\"" + height
            + "\" title=\"" + attribute(title) + "\" loading=\"lazy\" style=\"border:0;max-width:100%\"></iframe>");
        return out;
    }

    private static int dimension(String name, String text) {
        if (text == null || text.isBlank()) return Integer.MAX_VALUE;
        String t = text.trim();
        if (!t.matches("\\d{1,9}") || Integer.parseInt(t) < 1 || Integer.parseInt(t) > MAX_DIMENSION) {
            throw new InvalidParameterException(name, text, "a whole number of pixels from 1 to " + MAX_DIMENSION);
        }
        return Integer.parseInt(t);
    }

    private static Experiment experimentOf(String origin, String url, PointLookup stored) {
        if (url == null || url.isBlank()) throw new InvalidParameterException("url", "", "a link to this playground");
        URI link, ours;
        try {
            link = new URI(url.trim());
            ours = new URI(origin);
        } catch (URISyntaxException bad) {
            throw new Refusal(404, "url=" + shorten(url) + " is not a link to this playground");
        }
        boolean sameSite = link.getScheme() != null && link.getRawAuthority() != null
            && link.getScheme().equalsIgnoreCase(ours.getScheme()) && link.getRawAuthority().equalsIgnoreCase(ours.getRawAuthority());
        String path = link.getRawPath() == null || link.getRawPath().isEmpty() ? "/" : link.getRawPath();
        if (!sameSite || !(path.equals("/") || path.equals("/embed"))) {
            throw new Refusal(404, "url=" + shorten(url) + " is not a link to this playground");
        }
        return ExperimentCodec.decode(QueryStrings.parse(link.getRawQuery()), stored);
    }

    /** The link's {@code hide} list, kept for the embed when it names only controls ({@code &hide=lr,model}). */
    private static String hideOf(String url) {
        String hide = QueryStrings.parse(URI.create(url.trim()).getRawQuery()).get("hide");
        return hide != null && hide.matches("[a-z]+(,[a-z]+)*") ? "&hide=" + hide : "";
    }

    /** Text for a double-quoted HTML attribute. */
    static String attribute(String text) {
        return text.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String shorten(String s) {
        return s.length() <= 80 ? s : s.substring(0, 80) + "…";
    }
}
