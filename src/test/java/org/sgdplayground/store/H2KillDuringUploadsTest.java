package org.sgdplayground.store;

import java.nio.file.Path;
import java.util.Map;

/** A kill -9 loses no answered upload on H2's file database (each commit is written before it is answered). */
class H2KillDuringUploadsTest extends KillDuringUploadsContract {
    @Override
    Map<String, String> storeEnvironment(Path work) {
        return Map.of("DATA_DIR", work.resolve("data").toString());
    }

    @Override
    Database database(Path work) {
        return Database.h2(work.resolve("data"));
    }
}
