package org.sgdplayground.browser;

import io.javalin.Javalin;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.sgdplayground.server.PlaygroundApp;
import org.sgdplayground.store.Database;
import org.sgdplayground.store.JdbcPointStore;
import org.sgdplayground.store.StoreLimits;

/**
 * The browser tests' harness: the app on a free port and one headless Chromium that never touches the network
 * (local driver binary, no Selenium Manager, background networking off, a fresh profile). Close it when done.
 */
public final class Browser implements AutoCloseable {
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private Javalin app;
    private final Path dataDir; // the store's H2 files, or null for an app without a store
    private JdbcPointStore store;
    private final Path profile;
    private final ChromeDriverService service;
    public final ChromeDriver driver;

    public Browser() {
        this(null);
    }

    /** A browser on an app whose point store is an H2 database in {@code dataDir} (kept across {@link #restartServer}). */
    public static Browser withStore(Path dataDir) {
        return new Browser(dataDir);
    }

    private Browser(Path dataDir) {
        this.dataDir = dataDir;
        app = startApp(0);
        try {
            profile = Files.createTempDirectory("sgd-chromium-");
        } catch (IOException e) {
            stopApp();
            throw new UncheckedIOException(e);
        }
        service = driverService();
        ChromeOptions options = headlessChromium(profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriver d;
        try {
            d = new ChromeDriver(service, options);
        } catch (RuntimeException e) {
            stopApp();
            deleteProfile();
            throw e;
        }
        driver = d;
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
    }

    /** Debian's chromedriver on a free port: never one fetched from the network. */
    public static ChromeDriverService driverService() {
        return new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
    }

    /**
     * Headless Debian Chromium as every browser test and bench/first-curve start it: the flags it needs as root,
     * {@code profile} as a fresh profile, nothing in the background, and a 1280×1000 window at scale 1.
     */
    public static ChromeOptions headlessChromium(Path profile) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--disable-background-networking", "--disable-component-update", "--no-first-run",
            "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=1280,1000", "--force-device-scale-factor=1",
            "--disable-background-timer-throttling", "--disable-renderer-backgrounding", "--disable-backgrounding-occluded-windows");
        return options;
    }

    /** Stops the server (every socket drops) and starts a fresh one on the same port, as a redeploy would. */
    public void restartServer(Duration down) {
        int port = app.port();
        stopApp();
        try {
            Thread.sleep(down.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        app = startApp(port);
    }

    private Javalin startApp(int port) {
        if (dataDir == null) return PlaygroundApp.create().start("127.0.0.1", port);
        store = JdbcPointStore.open(Database.h2(dataDir), StoreLimits.DEFAULT);
        return PlaygroundApp.create(store, StoreLimits.DEFAULT).start("127.0.0.1", port);
    }

    private void stopApp() {
        app.stop();
        if (store != null) store.close();
        store = null;
    }

    public int port() {
        return app.port();
    }

    public String url(String pathAndQuery) {
        return "http://127.0.0.1:" + app.port() + pathAndQuery;
    }

    /**
     * Opens a page of the app and waits until the first frame is on screen and, on the full page, until the panels
     * that {@code main.js} loads after the first curve are wired ({@code performance.mark('sgd:panels')}), so a test
     * acts on the whole page and not on one half-way through loading.
     */
    public void openPlayground(String pathAndQuery) {
        driver.get(url(pathAndQuery));
        waitUntil("the first frame arrives", Duration.ofSeconds(10),
            () -> Boolean.TRUE.equals(js("return !!window.sgdPlayground && window.sgdPlayground.state().params !== null")));
        waitUntil("the panels are wired", Duration.ofSeconds(10), () -> Boolean.TRUE.equals(js(
            "return !document.body.classList.contains('page') || performance.getEntriesByName('sgd:panels').length > 0")));
    }

    public void resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    public Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Runs a script that calls its last argument when it is done. */
    public Object jsAsync(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeAsyncScript(script, args);
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> state() {
        return (Map<String, Object>) js("return window.sgdPlayground.state()");
    }

    /** A fingerprint of the canvas's pixels (its PNG data URL). */
    public String canvasPixels(String id) {
        return (String) js("return document.getElementById(arguments[0]).toDataURL()", id);
    }

    public void waitUntil(String what, Duration timeout, Supplier<Boolean> condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (Boolean.TRUE.equals(condition.get())) return;
            if (System.nanoTime() > deadline) throw new AssertionError("timed out after " + timeout.toMillis() + " ms waiting until " + what);
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting until " + what);
            }
        }
    }

    /** Console errors and warnings the page logged since the last call (CSP refusals, failed loads, exceptions). */
    public List<String> consoleProblems() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
            .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue())
            .map(LogEntry::getMessage).toList();
    }

    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path target = SCREENSHOTS.resolve(name + ".png");
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            stopApp();
            deleteProfile();
        }
    }

    private void deleteProfile() {
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp dir left behind is harmless
        }
    }
}
