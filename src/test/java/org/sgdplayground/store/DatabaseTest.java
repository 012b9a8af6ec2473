package org.sgdplayground.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which database a server opens, from {@code DATABASE_URL} and {@code DATA_DIR} as hosting platforms set them. */
class DatabaseTest {
    @Test
    void a_heroku_style_url_becomes_a_jdbc_url_and_credentials() {
        Database db = Database.fromEnvironment(Map.of("DATABASE_URL", "postgres://u5er:s3cr%40t%3Ax@db.example.com:6543/playground?sslmode=require"));
        assertEquals("jdbc:postgresql://db.example.com:6543/playground?sslmode=require", db.jdbcUrl());
        assertEquals("u5er", db.user());
        assertEquals("s3cr@t:x", db.password(), "percent-decoded");
        assertTrue(db.isPostgres());
        assertFalse(db.toString().contains("s3cr"), "logs never show the password: " + db);
    }

    @Test
    void the_postgresql_scheme_and_a_missing_port_are_understood() {
        Database db = Database.fromUrl("postgresql://me@localhost/sgd");
        assertEquals("jdbc:postgresql://localhost:5432/sgd", db.jdbcUrl());
        assertEquals("me", db.user());
        assertNull(db.password());
        assertEquals("jdbc:postgresql://[::1]:5432/sgd", Database.fromUrl("postgres://a:b@[::1]/sgd").jdbcUrl());
    }

    @Test
    void a_jdbc_url_is_taken_as_it_is_and_hides_its_password_in_logs() {
        Database db = Database.fromUrl("jdbc:postgresql://h/db?user=a&password=zz");
        assertEquals("jdbc:postgresql://h/db?user=a&password=zz", db.jdbcUrl());
        assertFalse(db.toString().contains("zz"), db.toString());
    }

    @Test
    void without_database_url_it_is_h2_under_data_dir_or_data() {
        Database here = Database.fromEnvironment(Map.of());
        assertTrue(here.jdbcUrl().startsWith("jdbc:h2:file:" + Path.of("data").toAbsolutePath().resolve("points")), here.jdbcUrl());
        Database there = Database.fromEnvironment(Map.of("DATA_DIR", "/srv/sgd", "DATABASE_URL", " "));
        assertTrue(there.jdbcUrl().startsWith("jdbc:h2:file:/srv/sgd/points;"), there.jdbcUrl());
        assertTrue(there.jdbcUrl().contains(";WRITE_DELAY=0"), "each commit is written before it is answered");
        assertFalse(there.isPostgres());
    }

    @Test
    void a_url_that_is_not_postgres_is_refused_with_the_form_it_should_have() {
        IllegalArgumentException mysql = assertThrows(IllegalArgumentException.class, () -> Database.fromUrl("mysql://a:b@h/db"));
        assertTrue(mysql.getMessage().contains("postgres://user:password@host:port/database"), mysql.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Database.fromUrl("postgres://a:b@h"), "no database");
        assertThrows(IllegalArgumentException.class, () -> Database.fromUrl("postgres://a:b@h:5432/"), "no database");
        assertThrows(IllegalArgumentException.class, () -> Database.fromUrl("not a url"));
    }

    @Test
    void store_limits_come_from_the_environment_or_limits() {
        assertEquals(StoreLimits.DEFAULT, StoreLimits.fromEnvironment(Map.of()));
        StoreLimits set = StoreLimits.fromEnvironment(Map.of("POINTS_MAX_SETS", "10", "POINTS_MAX_BYTES", "4096", "POINTS_PER_MINUTE", "600"));
        assertEquals(new StoreLimits(10, 4096, 600, StoreLimits.DEFAULT.cachedPoints()), set);
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> StoreLimits.fromEnvironment(Map.of("POINTS_MAX_SETS", "lots")));
        assertTrue(bad.getMessage().contains("POINTS_MAX_SETS"), bad.getMessage());
        assertEquals(30, StoreLimits.DEFAULT.newSetsPerMinute(), "SPEC: 30 new sets a minute per client address");
    }
}
