package org.sgdplayground.store;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * Which database the store opens: H2's file database under {@code $DATA_DIR} (default {@code ./data}) with nothing
 * to install, or PostgreSQL when {@code DATABASE_URL} is set in the {@code postgres://user:password@host:port/db}
 * form hosting platforms give (a {@code jdbc:} URL is taken as it is).
 *
 * @param jdbcUrl     the JDBC URL, without credentials
 * @param user        the user, or null
 * @param password    the password, or null
 * @param description where it is, for logs: never the password
 */
public record Database(String jdbcUrl, String user, String password, String description) {
    /** The H2 file database's name inside the data folder ({@code points.mv.db} on disk). */
    static final String H2_FILE = "points";

    @Override
    public String toString() {
        return description;
    }

    public boolean isPostgres() {
        return jdbcUrl.startsWith("jdbc:postgresql:");
    }

    /**
     * {@code DATABASE_URL} when set, else H2 under {@code DATA_DIR} (default {@code ./data}).
     *
     * @throws IllegalArgumentException when {@code DATABASE_URL} is not a URL this knows
     */
    public static Database fromEnvironment(Map<String, String> env) {
        String url = env.get("DATABASE_URL");
        if (url != null && !url.isBlank()) return fromUrl(url.trim());
        String dir = env.get("DATA_DIR");
        return h2(Path.of(dir == null || dir.isBlank() ? "data" : dir.trim()));
    }

    /**
     * H2's file database in {@code dir}. {@code WRITE_DELAY=0} writes each commit to the file before the commit
     * returns, so a killed process loses no answered save (H2 does not fsync each commit: a power cut may lose the
     * last moments; PostgreSQL does not). H2 closes with the pool, not with its own shutdown hook, which would race
     * the server's.
     */
    public static Database h2(Path dir) {
        Path file = dir.toAbsolutePath().normalize().resolve(H2_FILE);
        return new Database("jdbc:h2:file:" + file + ";WRITE_DELAY=0;LOCK_TIMEOUT=10000;DB_CLOSE_ON_EXIT=FALSE", null, null,
            "H2 file database " + file + ".mv.db");
    }

    /**
     * A database from a URL: {@code postgres://} or {@code postgresql://} (user and password percent-decoded, port
     * 5432 when absent, the query such as {@code ?sslmode=require} kept), or a {@code jdbc:} URL as it is.
     */
    public static Database fromUrl(String url) {
        if (url.startsWith("jdbc:")) {
            return new Database(url, null, null, url.replaceAll("(?i)(password=)[^&;]*", "$1…"));
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("DATABASE_URL is not a URL: " + e.getMessage());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
        if (!scheme.equals("postgres") && !scheme.equals("postgresql")) {
            throw new IllegalArgumentException("DATABASE_URL must be postgres://user:password@host:port/database (or a jdbc: URL), not "
                + (scheme.isEmpty() ? "a URL without a scheme" : scheme + "://…"));
        }
        if (uri.getHost() == null) throw new IllegalArgumentException("DATABASE_URL names no host");
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        if (path.length() <= 1) throw new IllegalArgumentException("DATABASE_URL names no database: postgres://user:password@host:port/database");
        String host = uri.getHost();
        int port = uri.getPort() < 0 ? 5432 : uri.getPort();
        String where = "//" + host + ":" + port + path;
        String jdbc = "jdbc:postgresql:" + where + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        String user = null, password = null;
        String info = uri.getRawUserInfo();
        if (info != null) {
            int colon = info.indexOf(':');
            user = decode(colon < 0 ? info : info.substring(0, colon));
            password = colon < 0 ? null : decode(info.substring(colon + 1));
        }
        return new Database(jdbc, user, password, "PostgreSQL " + (user == null ? "" : user + "@") + host + ":" + port + path);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
