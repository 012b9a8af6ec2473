package org.sgdplayground.assets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/** Hashed names follow a file and everything it imports; the bodies served import each other by those names. */
class AssetGraphTest {
    /** app.js → view.js → format.js; app.js → theme.js; other.js alone; a sheet importing another. */
    private final Map<String, String> files = new HashMap<>(Map.of(
        "app.js", "import { View } from './view.js';\nimport { dark } from \"./theme.js\";\nnew View(dark);\n",
        "view.js", "import { format } from './format.js';\nexport class View { constructor(t) { this.t = format(t); } }\n",
        "format.js", "export const format = x => String(x);\n",
        "theme.js", "export const dark = 'dark';\n",
        "other.js", "export const other = 1;\n",
        "style.css", "@import url(\"graph.css\");\nbody { color: red; }\n",
        "graph.css", ".graph { color: blue; }\n"));

    private AssetGraph graph() {
        return AssetGraph.of(name -> Optional.ofNullable(files.get(name)).map(s -> s.getBytes(StandardCharsets.UTF_8)),
            List.of("app.js", "other.js", "style.css"));
    }

    private static String body(AssetGraph g, String name) {
        return new String(g.byName(name).orElseThrow().body(), StandardCharsets.UTF_8);
    }

    @Test
    void a_change_in_a_leaf_module_changes_the_address_of_every_module_that_reaches_it_and_no_other() {
        AssetGraph before = graph();
        files.put("format.js", "export const format = x => x.toFixed(3);\n");
        AssetGraph after = graph();
        for (String changed : List.of("format.js", "view.js", "app.js")) {
            assertNotEquals(before.url(changed), after.url(changed), changed + " reaches format.js");
        }
        for (String same : List.of("theme.js", "other.js", "style.css", "graph.css")) {
            assertEquals(before.url(same), after.url(same), same + " does not reach format.js");
        }
        assertNotEquals(before.version(), after.version());
    }

    @Test
    void the_same_sources_give_the_same_addresses_on_every_build() {
        assertEquals(graph().url("app.js"), graph().url("app.js"));
        assertEquals(graph().version(), graph().version());
    }

    @Test
    void a_leaf_is_named_by_the_sha256_of_its_own_source() throws Exception {
        byte[] source = files.get("format.js").getBytes(StandardCharsets.UTF_8);
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update("format.js".getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        sha.update(Integer.toString(source.length).getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        sha.update(source);
        String hash = HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        assertEquals("/assets/format." + hash + ".js", graph().url("format.js"));
    }

    @Test
    void each_module_imports_the_hashed_names_of_its_imports_relatively_and_is_otherwise_its_source() {
        AssetGraph g = graph();
        String hashedFormat = g.byName("format.js").orElseThrow().hashedName();
        assertEquals(files.get("view.js").replace("./format.js", "./" + hashedFormat), body(g, "view.js"));
        assertEquals(files.get("format.js"), body(g, "format.js"));
        assertEquals(List.of("format.js"), g.byName("view.js").orElseThrow().imports());
    }

    @Test
    void a_root_that_imports_is_served_at_its_hashed_name_as_the_bundle_of_all_it_imports() throws Exception {
        AssetGraph g = graph();
        Map<String, String> texts = new HashMap<>(files);
        String hashedApp = g.byName("app.js").orElseThrow().hashedName();
        assertEquals(ModuleBundle.of("app.js", texts, hashedApp, "unused").entry(), body(g, "app.js"));
        assertEquals(body(g, "app.js"), new String(g.byHashedName(hashedApp).orElseThrow().body(), StandardCharsets.UTF_8));
        assertEquals(List.of(), g.byName("app.js").orElseThrow().imports(), "it imports nothing more");
        assertEquals(Map.of(), g.notBundled());
        assertEquals(files.get("other.js"), body(g, "other.js"), "a root that imports nothing is served as it is");
        assertEquals(Set.of("app.js", "view.js", "format.js", "theme.js", "other.js", "style.css", "graph.css"), g.names(),
            "the names are the source files'");
    }

    @Test
    void a_stylesheet_imports_the_hashed_name_of_the_sheet_it_imports() {
        AssetGraph g = graph();
        String hashedGraph = g.byName("graph.css").orElseThrow().hashedName();
        assertEquals("@import url(\"" + hashedGraph + "\");\nbody { color: red; }\n", body(g, "style.css"));
        assertTrue(g.byName("style.css").orElseThrow().contentType().startsWith("text/css"));
        files.put("graph.css", ".graph { color: green; }\n");
        assertNotEquals(g.url("style.css"), graph().url("style.css"), "the sheet follows the sheet it imports");
    }

    @Test
    void what_a_page_preloads_is_its_module_which_brings_all_it_imports() {
        AssetGraph g = graph();
        assertEquals(List.of(g.url("app.js")), g.preloads("app.js"));
        assertEquals(List.of(g.url("view.js"), g.url("format.js")), g.preloads("view.js"), "a file served alone: its graph");
        assertEquals(List.of(g.url("other.js")), g.preloads("other.js"));
        assertEquals(List.of(), g.preloads("absent.js"));
    }

    @Test
    void what_a_root_imports_dynamically_is_a_later_bundle_named_after_it_which_moves_the_root_but_is_not_preloaded() {
        files.put("app.js", files.get("app.js") + "import('./panel.js').then(p => p.open());\n");
        files.put("panel.js", "import { format } from './format.js';\nexport const open = () => format(1);\n");
        AssetGraph before = graph();
        AssetGraph.Asset app = before.byName("app.js").orElseThrow(), later = before.byName("app.later.js").orElseThrow();
        String hash = app.hashedName().substring("app.".length(), app.hashedName().length() - ".js".length());
        assertEquals("app.later." + hash + ".js", later.hashedName());
        assertTrue(body(before, "app.js").contains("import('./" + later.hashedName() + "').then(later => later.load(__sgd$modules).__sgd_panel)"),
            body(before, "app.js"));
        assertTrue(body(before, "app.later.js").contains("const { __sgd_format, __sgd_view, __sgd_theme } = __sgd$modules;"), "it is handed the root's modules");
        assertEquals(List.of("app.later.js"), app.dynamicImports());
        assertEquals(List.of(before.url("app.js")), before.preloads("app.js"), "app.later.js loads when asked for");
        assertEquals("app.later.js", AssetGraph.sourceName(later.hashedName()));
        assertFalse(before.names().contains("app.later.js"), "no source file has that name");

        files.put("panel.js", "import { format } from './format.js';\nexport const open = () => format(2);\n");
        AssetGraph after = graph();
        assertNotEquals(before.url("app.js"), after.url("app.js"), "app.js names panel.js's bundle in its body");
        assertNotEquals(before.byName("app.later.js").orElseThrow().hashedName(), after.byName("app.later.js").orElseThrow().hashedName());
        assertEquals(before.url("view.js"), after.url("view.js"));
    }

    @Test
    void a_root_the_bundler_refuses_is_served_as_its_own_file_importing_the_others() {
        files.put("theme.js", "export default 'dark';\n");
        AssetGraph g = graph();
        assertEquals(List.of(g.url("app.js"), g.url("view.js"), g.url("theme.js"), g.url("format.js")), g.preloads("app.js"));
        assertTrue(body(g, "app.js").contains("from './" + g.byName("view.js").orElseThrow().hashedName() + "'"), body(g, "app.js"));
        assertTrue(g.notBundled().get("app.js").contains("theme.js"), "the reason names the module: " + g.notBundled());
    }

    @Test
    void modules_that_import_each_other_are_hashed_and_a_change_in_either_moves_both() {
        files.put("format.js", "import { View } from './view.js';\nexport const format = x => String(x);\n");
        AssetGraph before = graph();
        assertEquals(Set.of("view.js", "format.js", "app.js", "theme.js", "other.js", "style.css", "graph.css"), before.names());
        files.put("view.js", files.get("view.js") + "// edited\n");
        AssetGraph after = graph();
        assertNotEquals(before.url("format.js"), after.url("format.js"));
        assertNotEquals(before.url("view.js"), after.url("view.js"));
    }

    @Test
    void an_import_of_a_missing_file_is_left_as_written_and_a_missing_name_keeps_its_plain_address() {
        files.remove("theme.js");
        AssetGraph g = graph();
        assertTrue(body(g, "app.js").contains("from \"./theme.js\""), body(g, "app.js"));
        assertEquals("/static/theme.js", g.url("theme.js"));
    }

    @Test
    void a_file_is_gzipped_once_when_first_asked_for_and_a_small_one_not_at_all() throws Exception {
        String big = "export const words = '" + "the loss falls, then stalls; ".repeat(200) + "';\n";
        Map<String, String> sources = Map.of("big.js", big, "small.js", "export const x = 1;\n");
        AssetGraph g = AssetGraph.of(name -> Optional.ofNullable(sources.get(name)).map(s -> s.getBytes(StandardCharsets.UTF_8)),
            List.of("big.js", "small.js"));
        AssetGraph.Asset asset = g.byName("big.js").orElseThrow();
        byte[] gzipped = asset.gzipped().get().orElseThrow();
        assertSame(gzipped, asset.gzipped().get().orElseThrow(), "kept, not made again");
        try (var in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
            assertArrayEquals(asset.body(), in.readAllBytes());
        }
        assertTrue(g.byName("small.js").orElseThrow().body().length < AssetLimits.GZIP_MIN_BYTES);
        assertTrue(g.byName("small.js").orElseThrow().gzipped().get().isEmpty(), "under the limit: sent as it is");
    }

    @Test
    void a_hashed_name_reads_back_to_its_source_name_and_nothing_else_does() {
        AssetGraph g = graph();
        for (String name : g.names()) assertEquals(name, AssetGraph.sourceName(g.byName(name).orElseThrow().hashedName()));
        assertEquals("main.js", AssetGraph.sourceName("main.js"));
        assertEquals("main.123.js", AssetGraph.sourceName("main.123.js"));
    }
}
