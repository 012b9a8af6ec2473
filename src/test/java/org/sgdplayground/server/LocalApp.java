package org.sgdplayground.server;

import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The playground on a free loopback port for one test class, started before its first test and stopped after its
 * last ({@code @RegisterExtension static final LocalApp APP = new LocalApp();}), and plain GETs against it.
 */
public final class LocalApp implements BeforeAllCallback, AfterAllCallback {
    private final HttpClient http = HttpClient.newHttpClient();
    private Javalin app;

    @Override
    public void beforeAll(ExtensionContext context) {
        app = PlaygroundApp.create().start("127.0.0.1", 0);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        app.stop();
    }

    /** The running app, e.g. to read its routes. */
    public Javalin javalin() {
        return app;
    }

    public int port() {
        return app.port();
    }

    /** {@code http://127.0.0.1:PORT}. */
    public String origin() {
        return "http://127.0.0.1:" + app.port();
    }

    /** {@code GET pathAndQuery} with {@code headers} given as name, value, name, value… */
    public HttpResponse<String> get(String pathAndQuery, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(origin() + pathAndQuery));
        if (headers.length > 0) request.headers(headers);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
