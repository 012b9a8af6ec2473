package org.sgdplayground.assets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
        String hashedView = g.byName("view.js").orElseThrow().hashedName(), hashedTheme = g.byName("theme.js").orElseThrow().hashedName();
        assertEquals(files.get("app.js").replace("./view.js", "./" + hashedView).replace("./theme.js", "./" + hashedTheme), body(g, "app.js"));
        assertEquals(files.get("format.js"), body(g, "format.js"));
        assertEquals(List.of("view.js", "theme.js"), g.byName("app.js").orElseThrow().imports());
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
    void what_a_page_preloads_is_the_module_and_everything_it_reaches_nearest_first() {
        AssetGraph g = graph();
        assertEquals(List.of(g.url("app.js"), g.url("view.js"), g.url("theme.js"), g.url("format.js")), g.preloads("app.js"));
        assertEquals(List.of(g.url("other.js")), g.preloads("other.js"));
        assertEquals(List.of(), g.preloads("absent.js"));
    }

    @Test
    void a_dynamic_import_is_rewritten_to_the_hashed_name_and_moves_the_importer_but_is_not_preloaded() {
        files.put("app.js", files.get("app.js") + "import('./panel.js').then(p => p.open());\n");
        files.put("panel.js", "import { format } from './format.js';\nexport const open = () => format(1);\n");
        AssetGraph before = graph();
        String hashedPanel = before.byName("panel.js").orElseThrow().hashedName();
        assertTrue(body(before, "app.js").contains("import('./" + hashedPanel + "')"), body(before, "app.js"));
        assertEquals(List.of("panel.js"), before.byName("app.js").orElseThrow().dynamicImports());
        assertEquals(List.of("view.js", "theme.js"), before.byName("app.js").orElseThrow().imports());
        assertEquals(List.of(before.url("app.js"), before.url("view.js"), before.url("theme.js"), before.url("format.js")),
            before.preloads("app.js"), "the static graph only: panel.js loads when asked for");
        assertEquals(List.of(before.url("panel.js"), before.url("format.js")), before.preloads("panel.js"));

        files.put("panel.js", "import { format } from './format.js';\nexport const open = () => format(2);\n");
        AssetGraph after = graph();
        assertNotEquals(before.url("app.js"), after.url("app.js"), "app.js names panel.js's address in its body");
        assertEquals(before.url("view.js"), after.url("view.js"));
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
    void a_hashed_name_reads_back_to_its_source_name_and_nothing_else_does() {
        AssetGraph g = graph();
        for (String name : g.names()) assertEquals(name, AssetGraph.sourceName(g.byName(name).orElseThrow().hashedName()));
        assertEquals("main.js", AssetGraph.sourceName("main.js"));
        assertEquals("main.123.js", AssetGraph.sourceName("main.123.js"));
    }
}
