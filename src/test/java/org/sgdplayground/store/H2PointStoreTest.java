package org.sgdplayground.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The point store's promises on H2's file database, the default: nothing to install. */
class H2PointStoreTest extends PointStoreContract {
    @TempDir
    Path dataDir;
    private int databases;

    @Override
    Database freshDatabase() {
        return Database.h2(dataDir.resolve("db" + databases++));
    }
}
