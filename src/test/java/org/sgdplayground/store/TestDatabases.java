package org.sgdplayground.store;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * Databases for tests: a fresh H2 file database in a folder, or a fresh schema of the real PostgreSQL server that
 * {@code TEST_DATABASE_URL} names ({@code scripts/test} starts a throwaway cluster and sets it). Without that URL the
 * PostgreSQL tests skip with a message, except under {@code CI=true}, where they fail: CI must test PostgreSQL.
 */
public final class TestDatabases {
    private TestDatabases() {}

    /** {@code TEST_DATABASE_URL} in the {@code postgres://user:password@host:port/db} form, or a skip (a failure on CI). */
    public static String postgresUrl() {
        String url = System.getenv("TEST_DATABASE_URL");
        if (url != null && !url.isBlank()) return url.trim();
        String why = "TEST_DATABASE_URL is not set, so the PostgreSQL tests cannot run: scripts/test starts a throwaway "
            + "PostgreSQL cluster and sets it (or set it to postgres://user:password@host:port/db yourself)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) fail("CI=true: " + why);
        Assumptions.abort(why);
        throw new AssertionError("unreachable");
    }

    /**
     * A schema of its own on the test server, so tests never see each other's sets: the URL, with
     * {@code currentSchema} set, as a server's {@code DATABASE_URL}. Drop it with {@link #dropPostgresSchema}.
     */
    public static String freshPostgresSchema() {
        String url = postgresUrl();
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        execute(Database.fromUrl(url), "CREATE SCHEMA " + schema);
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    /** Drops the schema a {@link #freshPostgresSchema} URL names, with everything in it. */
    public static void dropPostgresSchema(String urlWithSchema) {
        String schema = urlWithSchema.substring(urlWithSchema.indexOf("currentSchema=") + "currentSchema=".length());
        execute(Database.fromUrl(urlWithSchema), "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }

    /** H2's file database in {@code dir}, as a server with {@code DATA_DIR=dir} opens it. */
    public static Database h2(Path dir) {
        return Database.h2(dir);
    }

    private static void execute(Database db, String sql) {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password()); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run " + sql + " on " + db + ": " + e.getMessage(), e);
        }
    }
}
