package org.sgdplayground.assets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sgdplayground.page.PageAssets;

/** Served from a folder, an edited file gets a new address at the next look; the jar's files are the folder's. */
class ServedAssetsTest {
    @TempDir
    Path web;
    private final AtomicLong nanos = new AtomicLong(1_000);

    private ServedAssets served() throws IOException {
        Files.writeString(web.resolve("main.js"), "import { f } from './leaf.js';\nf();\n");
        Files.writeString(web.resolve("leaf.js"), "export const f = () => 1;\n");
        return ServedAssets.fromFolder(web, List.of("main.js"), nanos::get);
    }

    @Test
    void an_edited_leaf_moves_its_importers_address_once_the_folder_is_looked_at_again() throws IOException {
        ServedAssets served = served();
        String before = served.urls().url("main.js");
        Files.writeString(web.resolve("leaf.js"), "export const f = () => 2; // a longer file\n");
        nanos.addAndGet(AssetLimits.RECHECK_NANOS - 1);
        assertEquals(before, served.urls().url("main.js"), "not looked at again within the recheck interval");
        nanos.addAndGet(1);
        assertNotEquals(before, served.urls().url("main.js"));
        assertEquals("export const f = () => 2; // a longer file\n",
            new String(served.graph().orElseThrow().byName("leaf.js").orElseThrow().body()));
    }

    @Test
    void a_module_newly_imported_by_an_edit_joins_the_graph() throws IOException {
        ServedAssets served = served();
        Files.writeString(web.resolve("extra.js"), "export const g = 2;\n");
        Files.writeString(web.resolve("main.js"), "import { f } from './leaf.js';\nimport { g } from './extra.js';\nf(g);\n");
        nanos.addAndGet(AssetLimits.RECHECK_NANOS);
        AssetGraph graph = served.graph().orElseThrow();
        assertTrue(graph.names().contains("extra.js"), graph.names().toString());
        assertTrue(new String(graph.byName("main.js").orElseThrow().body()).contains("const __sgd_extra = (() => {"), "main.js's bundle runs it");
    }

    @Test
    void the_jar_serves_the_same_hashed_files_as_the_web_folder() {
        // target/classes/web is the jar's /web, copied from ./web by the build
        AssetGraph jar = ServedAssets.fromClasspath("/web", PageAssets.ROOTS).graph().orElseThrow();
        AssetGraph folder = ServedAssets.fromFolder(Path.of("web"), PageAssets.ROOTS, System::nanoTime).graph().orElseThrow();
        assertEquals(folder.names(), jar.names());
        assertEquals(java.util.Map.of(), folder.notBundled(), "the playground's own modules are all of shapes the bundler takes");
        for (String name : folder.names()) {
            assertEquals(folder.url(name), jar.url(name), name);
            assertArrayEquals(folder.byName(name).orElseThrow().body(), jar.byName(name).orElseThrow().body(), name);
        }
        assertArrayEquals(folder.byName("main.later.js").orElseThrow().body(), jar.byName("main.later.js").orElseThrow().body());
    }

    @Test
    void unhashed_serving_links_the_plain_static_addresses_and_preloads_nothing() {
        AssetUrls urls = ServedAssets.unhashed().urls();
        assertEquals("/static/main.js", urls.url("main.js"));
        assertEquals(List.of(), urls.preloads("main.js"));
        assertEquals(java.util.Optional.empty(), ServedAssets.unhashed().graph());
    }
}
