package org.sgdplayground.browser;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.sgdplayground.data.Dataset;
import org.sgdplayground.json.Jackson;

/**
 * What the own-points tests share: the page's "Your data" state, the plot's pixel ↔ data mapping as the page drew it
 * (state().ownData.view), pointer actions at a canvas pixel, and the stored sets read back over HTTP.
 */
final class OwnPoints {
    static final Duration WAIT = Duration.ofSeconds(15);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Browser browser;

    OwnPoints(Browser browser) {
        this.browser = browser;
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> own() {
        return (Map<String, Object>) browser.state().get("ownData");
    }

    String id() {
        return (String) own().get("id");
    }

    long n() {
        return ((Number) own().get("n")).longValue();
    }

    /** Waits until the page shows a stored set other than {@code before}, its run restarted on it, and returns its id. */
    String awaitNewSet(String before) {
        browser.waitUntil("a new stored set is on screen", WAIT, () -> {
            Map<String, Object> o = own();
            return !before.equals(o.get("id")) && !"".equals(o.get("id")) && Boolean.FALSE.equals(o.get("editing"))
                && String.valueOf(browser.state().get("query")).contains("points=" + o.get("id"));
        });
        return id();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> view() {
        return (Map<String, Object>) own().get("view");
    }

    private double box(String side) {
        return ((Number) ((Map<String, Object>) view().get("box")).get(side)).doubleValue();
    }

    @SuppressWarnings("unchecked")
    private double[] domain(String axis) {
        return ((List<Object>) view().get(axis)).stream().mapToDouble(v -> ((Number) v).doubleValue()).toArray();
    }

    /** The canvas pixel (CSS px from its top-left) of data (x, y): the linear map scale.js draws with. */
    double[] pixelOf(double x, double y) {
        double[] dx = domain("x"), dy = domain("y");
        return new double[] {
            box("left") + (x - dx[0]) / (dx[1] - dx[0]) * (box("right") - box("left")),
            box("bottom") + (y - dy[0]) / (dy[1] - dy[0]) * (box("top") - box("bottom")),
        };
    }

    /** The data at a canvas pixel: the same map, read back. */
    double[] dataAt(double px, double py) {
        double[] dx = domain("x"), dy = domain("y");
        return new double[] {
            dx[0] + (px - box("left")) / (box("right") - box("left")) * (dx[1] - dx[0]),
            dy[0] + (py - box("bottom")) / (box("top") - box("bottom")) * (dy[1] - dy[0]),
        };
    }

    /**
     * How far (data units across and up) a pointer can land from the pixel aimed at: two CSS pixels, as WebDriver
     * rounds both the element's centre and the offset from it to whole pixels.
     */
    double[] slack() {
        double[] dx = domain("x"), dy = domain("y");
        return new double[] {2 * (dx[1] - dx[0]) / (box("right") - box("left")), 2 * (dy[1] - dy[0]) / (box("bottom") - box("top"))};
    }

    /**
     * That {@code stored} is {@code before} with one point added where the click aimed ({@code aimed}, within
     * {@code slack}, the {@link #slack()} taken when it aimed), every other point kept exactly.
     */
    void assertOneAdded(Dataset before, Dataset stored, double[] aimed, double[] slack) {
        assertEquals(before.size() + 1, stored.size());
        assertArrayEquals(before.xs(), Arrays.copyOf(stored.xs(), before.size()), 0, "the other points are kept exactly");
        assertArrayEquals(before.ys(), Arrays.copyOf(stored.ys(), before.size()), 0);
        assertEquals(aimed[0], stored.x(before.size()), slack[0], "the new point is where the click was");
        assertEquals(aimed[1], stored.y(before.size()), slack[1]);
    }

    WebElement canvas() {
        return browser.driver.findElement(By.id("plot"));
    }

    /** Moves the mouse to canvas pixel (px, py); WebDriver offsets count from the element's centre. */
    Actions at(Actions actions, double px, double py) {
        WebElement c = canvas();
        return actions.moveToElement(c, (int) Math.round(px - c.getRect().getWidth() / 2.0),
            (int) Math.round(py - c.getRect().getHeight() / 2.0));
    }

    /** A pixel inside the plot at least {@code clearance} px from every point of {@code points}. */
    double[] emptyPixel(Dataset points, double clearance) {
        for (double fy = 0.15; fy < 0.9; fy += 0.05) {
            for (double fx = 0.1; fx < 0.9; fx += 0.05) {
                double px = Math.round(box("left") + fx * (box("right") - box("left")));
                double py = Math.round(box("top") + fy * (box("bottom") - box("top")));
                boolean clear = true;
                for (int i = 0; i < points.size() && clear; i++) {
                    double[] p = pixelOf(points.x(i), points.y(i));
                    clear = Math.hypot(p[0] - px, p[1] - py) > clearance;
                }
                if (clear) return new double[] {px, py};
            }
        }
        throw new AssertionError("no empty spot on the plot");
    }

    /** The stored set {@code id}, read back from {@code GET /api/points/{id}}. */
    Dataset stored(String id) {
        JsonNode body = getJson("/api/points/" + id, 200);
        return new Dataset(doubles(body.get("x")), doubles(body.get("y")));
    }

    JsonNode getJson(String path, int status) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(browser.url(path))).build(),
                HttpResponse.BodyHandlers.ofString());
            assertEquals(status, r.statusCode(), path + " answered " + r.body());
            return Jackson.MAPPER.readTree(r.body());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static double[] doubles(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).mapToDouble(JsonNode::asDouble).toArray();
    }
}
