package org.sgdplayground.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** A test's HTTP client for one server: requests by path, answers as text or JSON. */
final class Http {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private final int port;

    Http(int port) {
        this.port = port;
    }

    HttpResponse<String> post(String pathAndQuery, String contentType, String body) throws IOException, InterruptedException {
        return post(pathAndQuery, contentType, HttpRequest.BodyPublishers.ofString(body));
    }

    HttpResponse<String> post(String pathAndQuery, String contentType, HttpRequest.BodyPublisher body, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder r = HttpRequest.newBuilder(uri(pathAndQuery)).POST(body);
        if (contentType != null) r.header("Content-Type", contentType);
        if (headers.length > 0) r.headers(headers);
        return CLIENT.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return CLIENT.send(HttpRequest.newBuilder(uri(pathAndQuery)).build(), HttpResponse.BodyHandlers.ofString());
    }

    URI uri(String pathAndQuery) {
        return URI.create("http://localhost:" + port + pathAndQuery);
    }

    static JsonNode json(HttpResponse<String> r) throws IOException {
        return JSON.readTree(r.body());
    }

    /** {@code {"x":[…],"y":[…]}} of the given doubles, each written as Java writes it (which reads back exactly). */
    static String xy(double[] x, double[] y) {
        StringBuilder b = new StringBuilder("{\"x\":[");
        for (int i = 0; i < x.length; i++) b.append(i > 0 ? "," : "").append(x[i]);
        b.append("],\"y\":[");
        for (int i = 0; i < y.length; i++) b.append(i > 0 ? "," : "").append(y[i]);
        return b.append("]}").toString();
    }
}
