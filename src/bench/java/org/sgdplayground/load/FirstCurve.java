package org.sgdplayground.load;

import io.javalin.Javalin;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.openqa.selenium.chrome.ChromeDriver;
import org.sgdplayground.assets.ServedAssets;
import org.sgdplayground.browser.Browser;
import org.sgdplayground.page.PageAssets;
import org.sgdplayground.server.PlaygroundApp;
import org.sgdplayground.server.live.LiveHub;
import org.sgdplayground.server.live.LiveLimits;
import org.sgdplayground.store.PointStore;
import org.sgdplayground.store.StoreLimits;

/**
 * Time to the first drawn curve as a visitor sees it (issue #18): headless Chromium loads the page, first with an
 * empty cache and then again with what the first visit cached, over a network emulated by Chromium (DevTools'
 * {@code Network.emulateNetworkConditions}: 100 ms added to every request's answer, 10 Mbit/s each way) and over
 * plain loopback, with DevTools' network domain off (see {@link #network}). "First drawn curve" is the page's own {@code performance.mark('sgd:first-curve')}, set by
 * {@code playground.js} at the animation frame that paints the first fitted curve (the frame it was drawn in, or the
 * next when it was drawn outside one, as the boot run is); requests are the HTTP answers that crossed the network
 * (a 304 counts, a copy from the cache does not; the socket is not counted). Each figure is the median of {@code --reps} loads (with the middle half of them), on
 * two servers in this JVM: one linking the plain {@code /static/} files as before (revalidated on every visit), one
 * the hashed {@code /assets/} files, each page's modules bundled in one file and its panels' in another; and, as the
 * floor this browser and machine set, a bare page (one canvas, one module that draws a curve and sets the mark).
 * {@code --timeline} instead prints one load of each kind on the bundled server as the page saw it: when each file
 * was asked for and came, when the document was parsed, painted and the curve drawn.
 *
 * <p>Usage: {@code bench/first-curve/run [--reps 5] [--path /?preset=roller-coaster] [--timeline]}.
 */
public final class FirstCurve {
    private FirstCurve() {}

    /** The emulated network: latency added to every answer, and the bandwidth each way. */
    private static final int LATENCY_MS = 100, BITS_PER_SECOND = 10_000_000;

    /** One load: when the curve was first drawn (ms after navigation start) and how many requests went out. */
    record Load(double firstCurveMillis, int requests) {}

    public static void main(String[] args) throws Exception {
        int reps = 5;
        String path = "/?preset=roller-coaster";
        boolean timeline = java.util.Arrays.asList(args).contains("--timeline");
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (args[i].equals("--reps")) reps = Integer.parseInt(args[i + 1]);
            else if (args[i].equals("--path")) path = args[i + 1];
        }
        Javalin unhashed = app(ServedAssets.unhashed()), hashed = app(ServedAssets.forApp(PageAssets.ROOTS)), bare = barePage();
        Path profile = Files.createTempDirectory("sgd-first-curve-");
        ChromeDriver driver = chromium(profile);
        try {
            Map<String, String> servers = new java.util.LinkedHashMap<>();
            servers.put("unhashed /static/, revalidated", url(unhashed, path));
            servers.put("hashed /assets/, bundled", url(hashed, path));
            servers.put("floor: a bare page, one module", url(bare, "/"));
            for (String url : servers.values()) load(driver, url, true); // JIT and the browser's first start
            if (timeline) {
                for (boolean emulated : new boolean[] {true, false}) for (boolean fresh : new boolean[] {true, false}) {
                    visit(driver, url(hashed, path), emulated, fresh);
                    System.out.println((emulated ? "emulated" : "loopback") + (fresh ? " first" : " repeat"));
                    System.out.println(driver.executeScript(TIMELINE));
                }
                return;
            }
            System.out.printf(Locale.ROOT, "first drawn curve, median of %d loads of %s (ms, HTTP requests, the middle half of the loads)%n", reps, path);
            System.out.printf(Locale.ROOT, "%-34s", "");
            for (String name : servers.keySet()) System.out.printf(Locale.ROOT, " | %-32s", name);
            System.out.println();
            for (boolean emulated : new boolean[] {true, false}) {
                for (boolean fresh : new boolean[] {true, false}) {
                    String row = (emulated ? LATENCY_MS + " ms, " + BITS_PER_SECOND / 1_000_000 + " Mbit/s" : "loopback")
                        + (fresh ? ", first visit" : ", repeat visit");
                    System.out.printf(Locale.ROOT, "%-34s", row);
                    for (String url : servers.values()) {
                        List<Load> loads = new ArrayList<>();
                        for (int r = 0; r < reps; r++) loads.add(visit(driver, url, emulated, fresh));
                        Load median = median(loads);
                        System.out.printf(Locale.ROOT, " | %7.0f ms, %2d requests %-11s", median.firstCurveMillis(), median.requests(),
                            quartiles(loads));
                    }
                    System.out.println();
                }
            }
        } finally {
            driver.quit();
            unhashed.stop();
            hashed.stop();
            bare.stop();
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    private static Javalin app(ServedAssets assets) {
        return PlaygroundApp.create(new LiveHub(LiveLimits.DEFAULT, 2, PointStore.NONE), PointStore.NONE, StoreLimits.DEFAULT, assets)
            .start("127.0.0.1", 0);
    }

    /**
     * The least a page can do to draw a curve in this browser on this machine: a document holding one canvas and one
     * module that draws 100 segments on it and sets the same mark at the frame that paints them; the module cached as
     * the hashed ones are.
     */
    private static Javalin barePage() {
        return Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.routes.get("/", ctx -> ctx.header("Cache-Control", "no-cache").html("""
                <!doctype html><html lang="en"><head><meta charset="utf-8"><title>bare</title>
                <script type="module" src="/bare.js"></script></head>
                <body><canvas id="plot" width="640" height="400"></canvas></body></html>"""));
            cfg.routes.get("/bare.js", ctx -> ctx.header("Cache-Control", "public, max-age=31536000, immutable")
                .contentType("text/javascript").result("""
                const ctx = document.getElementById('plot').getContext('2d');
                ctx.beginPath();
                for (let i = 0; i <= 100; i++) ctx.lineTo(6.4 * i, 200 - 150 * Math.sin(i / 16));
                ctx.stroke();
                requestAnimationFrame(() => performance.mark('sgd:first-curve')); // the frame that paints it, as the page marks"""));
        }).start("127.0.0.1", 0);
    }

    private static String url(Javalin app, String path) {
        return "http://127.0.0.1:" + app.port() + path;
    }

    /** A first visit (the cache emptied first) or a repeat one (the cache as the visit before left it). */
    private static Load visit(ChromeDriver driver, String url, boolean emulated, boolean fresh) {
        driver.get("about:blank");
        if (fresh) {
            driver.executeCdpCommand("Network.enable", Map.of());
            driver.executeCdpCommand("Network.clearBrowserCache", Map.of());
        } else {
            network(driver, false);
            load(driver, url, false); // what the repeat visitor's cache holds: their first visit,
            settle(driver); // over (a visit comes back later, not in the middle of the last one's loading)
            driver.get("about:blank");
        }
        network(driver, emulated);
        return load(driver, url, fresh);
    }

    /**
     * The emulated network, through DevTools' network domain; or plain loopback, with that domain off: while DevTools
     * watches the network (even emulating no delay) it copies every answer for itself and hops through its throttle,
     * which cost a loopback load 8 ms on the bare page and 16–35 ms on the playground's (CDP loads alternated, issue
     * #18), a cost no visitor's browser has.
     */
    private static void network(ChromeDriver driver, boolean emulated) {
        if (!emulated) {
            driver.executeCdpCommand("Network.disable", Map.of());
            return;
        }
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", false, "latency", LATENCY_MS,
            "downloadThroughput", BITS_PER_SECOND / 8, "uploadThroughput", BITS_PER_SECOND / 8));
    }

    /** One load as the page saw it, in ms after navigation start: per file, asked for, connected, request sent, first and last byte. */
    private static final String TIMELINE = """
        const n = performance.getEntriesByType('navigation')[0];
        const f = x => x.toFixed(0).padStart(5);
        const rows = [`nav start ${f(n.requestStart)} respStart ${f(n.responseStart)} respEnd ${f(n.responseEnd)} domInteractive ${f(n.domInteractive)} DCL ${f(n.domContentLoadedEventStart)}-${f(n.domContentLoadedEventEnd)} load ${f(n.loadEventStart)}`];
        for (const e of performance.getEntriesByType('resource')) rows.push(`${f(e.startTime)} ${f(e.connectStart)} ${f(e.requestStart)} ${f(e.responseStart)} ${f(e.responseEnd)} ${String(e.transferSize).padStart(6)} ${e.name.replace(/^.*\\//, '')}`);
        for (const e of [...performance.getEntriesByType('mark'), ...performance.getEntriesByType('paint')]) rows.push(`${f(e.startTime)} ${e.name}`);
        return rows.join('\\n');""";

    private static Load load(ChromeDriver driver, String url, boolean fresh) {
        driver.get(url);
        Object result = driver.executeAsyncScript("""
            const done = arguments[arguments.length - 1];
            const look = () => {
              const mark = performance.getEntriesByName('sgd:first-curve')[0];
              if (!mark) return setTimeout(look, 5);
              const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')];
              done([mark.startTime, entries.filter(e => e.transferSize > 0).length]);
            };
            look();""");
        List<?> pair = (List<?>) result;
        return new Load(((Number) pair.get(0)).doubleValue(), ((Number) pair.get(1)).intValue());
    }

    /** Waits until the page has asked for no file for {@value #SETTLED_MS} ms (its panels and socket are in), 5 s at most. */
    private static void settle(ChromeDriver driver) {
        driver.executeAsyncScript("""
            const done = arguments[arguments.length - 1], quiet = arguments[0], until = performance.now() + 5000;
            let seen = -1, since = performance.now();
            const look = () => {
              const n = performance.getEntriesByType('resource').length;
              if (n !== seen) { seen = n; since = performance.now(); }
              if (performance.now() - since >= quiet || performance.now() > until) return done();
              setTimeout(look, 25);
            };
            look();""", SETTLED_MS);
    }

    /** How long a first visit asks for nothing before the repeat visit is made. */
    private static final int SETTLED_MS = 300;

    /** The middle half of the loads' times, {@code (p25–p75)}: on two shared cores one load's spread is wide. */
    private static String quartiles(List<Load> loads) {
        double[] ms = loads.stream().mapToDouble(Load::firstCurveMillis).sorted().toArray();
        int last = ms.length - 1;
        return String.format(Locale.ROOT, "(%.0f–%.0f)", ms[last / 4], ms[(3 * last + 3) / 4]);
    }

    private static Load median(List<Load> loads) {
        List<Load> sorted = loads.stream().sorted(Comparator.comparingDouble(Load::firstCurveMillis)).toList();
        return sorted.get(sorted.size() / 2);
    }

    /** Headless Chromium as the browser tests start it (Debian's binary and driver, a fresh profile, nothing in the background). */
    private static ChromeDriver chromium(Path profile) throws IOException {
        ChromeDriver driver = new ChromeDriver(Browser.driverService(), Browser.headlessChromium(profile));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        return driver;
    }
}
