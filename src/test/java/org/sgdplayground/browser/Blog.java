package org.sgdplayground.browser;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/** A blog on another origin: a tiny static server on its own port, serving the pages a test gives it. */
final class Blog implements AutoCloseable {
    private final HttpServer server;

    Blog() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.start();
    }

    /** Serves {@code html} at {@code path}. */
    Blog page(String path, String html) {
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        server.createContext(path, exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        return this;
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** A URL for an HTML attribute. */
    static String attribute(String url) {
        return url.replace("&", "&amp;");
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
