package org.sgdplayground.store;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A kill -9 loses no answered upload on PostgreSQL ({@code TEST_DATABASE_URL}, a schema of its own). */
class PostgresKillDuringUploadsTest extends KillDuringUploadsContract {
    private String url;

    @BeforeEach
    void schema() {
        url = TestDatabases.freshPostgresSchema();
    }

    @AfterEach
    void drop() {
        if (url != null) TestDatabases.dropPostgresSchema(url);
    }

    @Override
    Map<String, String> storeEnvironment(Path work) {
        return Map.of("DATABASE_URL", url);
    }

    @Override
    Database database(Path work) {
        return Database.fromUrl(url);
    }
}
