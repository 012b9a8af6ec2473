package org.sgdplayground.store;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/** The point store's promises on a real PostgreSQL server ({@code TEST_DATABASE_URL}), a schema of its own per test. */
class PostgresPointStoreTest extends PointStoreContract {
    private final List<String> schemas = new ArrayList<>();

    @Override
    Database freshDatabase() {
        String url = TestDatabases.freshPostgresSchema();
        schemas.add(url);
        return Database.fromUrl(url);
    }

    @AfterEach
    void dropSchemas() {
        closeStores();
        schemas.forEach(TestDatabases::dropPostgresSchema);
    }
}
