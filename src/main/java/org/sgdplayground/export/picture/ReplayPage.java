package org.sgdplayground.export.picture;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import com.fasterxml.jackson.core.JsonProcessingException;
import org.sgdplayground.i18n.Messages;
import org.sgdplayground.json.Jackson;

/**
 * {@code /export/replay.html}: one HTML file that replays a run with no server. The page's own ES modules
 * ({@code web/replay.js} and what it imports) travel inside it: each becomes a {@code data:} URL in an import map,
 * its {@code ./name.js} imports rewritten to the map's names ({@code sgd/name.js}), because a relative import cannot
 * resolve against a {@code data:} URL. The stylesheet is inlined, the run's socket messages sit in a JSON block, and
 * the file's own Content-Security-Policy forbids every request ({@code default-src 'none'}): from {@code file://} or a
 * static blog, it needs nothing and asks for nothing.
 */
public final class ReplayPage {
    private ReplayPage() {}

    /** The policy the file carries: inline scripts and data: modules run; nothing is fetched, sent or framed. */
    public static final String CONTENT_SECURITY_POLICY =
        "default-src 'none'; script-src 'unsafe-inline' data:; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

    private static final String ENTRY = "replay.js";
    private static final String PREFIX = "sgd/";
    /** A stylesheet's {@code @import url("name.css");} of another of the browser's files: inlined, as a request would be refused. */
    private static final Pattern CSS_IMPORT = Pattern.compile("@import\\s+url\\((['\"]?)([A-Za-z0-9_-]+\\.css)\\1\\)\\s*;");

    /** The stylesheet {@code name} with the sheets it imports put in place of their {@code @import}s. */
    static String inlined(Function<String, String> web, String name) {
        return CSS_IMPORT.matcher(web.apply(name)).replaceAll(m -> Matcher.quoteReplacement(inlined(web, m.group(2))));
    }

    private static final Pattern IMPORT = Pattern.compile("(\\bfrom\\s*|\\bimport\\s*)(['\"])\\./([A-Za-z0-9_-]+\\.js)\\2");

    /**
     * The replay file.
     *
     * @param title      the document's title
     * @param theme      the page's colours
     * @param recording  {@code {"data":…,"frames":[…],"outcome":…}}: the socket's messages for the run, as JSON
     * @param web        reads a file of the browser code by name ({@code plot.js}, {@code style.css})
     */
    public static String render(String title, Palette theme, String recording, Function<String, String> web) {
        return render(title, theme, recording, web, Messages.english());
    }

    /**
     * The replay file in {@code m}'s language: its words, {@code <html lang>}, and a boot block with {@code lang} and
     * every {@code web.*} text, as the page's, for the modules it carries ({@code web/i18n.js} reads it).
     */
    public static String render(String title, Palette theme, String recording, Function<String, String> web, Messages m) {
        StringBuilder map = new StringBuilder("{\"imports\":{");
        boolean first = true;
        for (Map.Entry<String, String> module : modules(web).entrySet()) {
            map.append(first ? "" : ",").append('"').append(PREFIX).append(module.getKey()).append("\":\"data:text/javascript;base64,")
                .append(Base64.getEncoder().encodeToString(module.getValue().getBytes(StandardCharsets.UTF_8))).append('"');
            first = false;
        }
        map.append("}}");
        return "<!doctype html>\n<html lang=\"" + m.lang() + "\" data-theme=\"" + theme.name() + "\">\n<head>\n<meta charset=\"utf-8\">\n"
            + "<meta http-equiv=\"Content-Security-Policy\" content=\"" + CONTENT_SECURITY_POLICY + "\">\n"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            + "<title>" + text(title) + "</title>\n"
            + "<link rel=\"icon\" href=\"data:,\">\n" // no favicon request either
            + "<style>\n" + inlined(web, "style.css").replace("</", "<\\/") + "\n" + LAYOUT + "</style>\n"
            + "<script type=\"importmap\">" + map + "</script>\n</head>\n<body class=\"replay\">\n<main>\n"
            + "<h1>" + text(title) + "</h1>\n"
            + "<div class=\"transport\"><button id=\"play\" type=\"button\" class=\"primary\" aria-pressed=\"false\">"
            + text(m.text("transport.play")) + "</button><button id=\"step\" type=\"button\">" + text(m.text("transport.step"))
            + "</button><button id=\"reset\" type=\"button\">" + text(m.text("transport.reset")) + "</button>"
            + "<label class=\"scrub\">" + text(m.text("replay.frame"))
            + " <input id=\"scrub\" type=\"range\" min=\"0\" max=\"0\" value=\"0\" step=\"1\"></label></div>\n"
            + "<div class=\"plot-wrap\"><canvas id=\"plot\" aria-label=\"" + text(m.text("plot.label")) + "\"></canvas></div>\n"
            + "<dl class=\"numbers\"><div><dt>" + text(m.text("readout.iteration")) + "</dt><dd id=\"iter\">0</dd></div><div><dt>"
            + text(m.text("readout.loss")) + "</dt><dd id=\"loss\">—</dd></div><div><dt>" + text(m.text("replay.parameters"))
            + "</dt><dd id=\"params\">—</dd></div><div><dt>" + text(m.text("readout.status")) + "</dt><dd id=\"outcome\">"
            + text(m.text("replay.paused")) + "</dd></div></dl>\n"
            + "<canvas id=\"loss-chart\" class=\"loss-chart\" aria-label=\"" + text(m.text("charts.loss.label")) + "\"></canvas>\n"
            + "<p class=\"note\">" + text(m.text("replay.note")) + "</p>\n"
            + "</main>\n<script type=\"application/json\" id=\"recording\">" + scriptSafe(recording) + "</script>\n"
            + "<script type=\"application/json\" id=\"boot\">" + scriptSafe(boot(m)) + "</script>\n"
            + "<script type=\"module\">import '" + PREFIX + ENTRY + "';</script>\n</body>\n</html>\n";
    }

    /** The replay's own layout, beside the page's stylesheet. */
    private static final String LAYOUT = """
        body.replay main { max-width: 960px; margin: 1rem auto; padding: 0 1rem; display: flex; flex-direction: column; gap: .6rem; }
        body.replay h1 { font-size: 1.15rem; margin: 0; }
        body.replay .transport { display: flex; gap: .5rem; align-items: center; flex-wrap: wrap; }
        body.replay .scrub { display: flex; gap: .5rem; align-items: center; flex: 1; min-width: 12rem; }
        body.replay .scrub input { flex: 1; }
        body.replay #plot { height: 440px; }
        body.replay .numbers { display: flex; gap: 1.5rem; flex-wrap: wrap; margin: 0; }
        body.replay .numbers dt { font-size: .8rem; color: var(--muted); }
        body.replay .numbers dd { margin: 0; font-variant-numeric: tabular-nums; }
        body.replay .note { color: var(--muted); font-size: .85rem; margin: 0; }
        """;

    /** {@code replay.js} and every module it imports, transitively, each with its imports pointed at the map's names. */
    static Map<String, String> modules(Function<String, String> web) {
        Map<String, String> out = new LinkedHashMap<>();
        Deque<String> todo = new ArrayDeque<>();
        todo.add(ENTRY);
        while (!todo.isEmpty()) {
            String name = todo.poll();
            if (out.containsKey(name)) continue;
            Matcher m = IMPORT.matcher(web.apply(name));
            StringBuilder rewritten = new StringBuilder();
            while (m.find()) {
                todo.add(m.group(3));
                m.appendReplacement(rewritten, Matcher.quoteReplacement(m.group(1) + m.group(2) + PREFIX + m.group(3) + m.group(2)));
            }
            m.appendTail(rewritten);
            out.put(name, rewritten.toString());
        }
        return out;
    }

    /**
     * Reads the browser code as the server serves it: from {@code ./web} when that folder exists (edited JS without a
     * rebuild), else from the jar's {@code /web}.
     */
    public static Function<String, String> browserCode() {
        Path folder = Path.of("web");
        return name -> {
            if (!name.matches("[A-Za-z0-9_-]+\\.(js|css)")) throw new IllegalArgumentException("not a browser file: " + name);
            try {
                if (Files.isDirectory(folder)) return Files.readString(folder.resolve(name));
                try (InputStream in = ReplayPage.class.getResourceAsStream("/web/" + name)) {
                    if (in == null) throw new IllegalStateException("the browser code has no " + name);
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    /** The boot block's language fields, as the page's ({@code page.BootData}): {@code {"lang":…,"messages":{web.* → text}}}. */
    private static String boot(Messages m) {
        Map<String, Object> boot = new LinkedHashMap<>();
        boot.put("lang", m.lang());
        boot.put("messages", m.withPrefix(Messages.WEB_PREFIX));
        try {
            return Jackson.MAPPER.writeValueAsString(boot);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("strings always write", e);
        }
    }

    /** JSON inside {@code <script>} must never contain {@code </script>} or {@code <!--}: escape every {@code <} (as BootData does). */
    private static String scriptSafe(String json) {
        return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }

    private static String text(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
