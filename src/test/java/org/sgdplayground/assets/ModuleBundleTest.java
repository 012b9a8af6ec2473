package org.sgdplayground.assets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An entry and what it imports become one module whose parts run in the browser's order and see each other's exports;
 * what it loads with {@code import()} becomes a second that shares the first's modules. (The real files run in
 * Chromium in every browser test.)
 */
class ModuleBundleTest {
    private static final String ENTRY = "app.ab.js", LATER = "app.later.ab.js";

    /** app.js → view.js → format.js; app.js → theme.js; app.js loads panel.js (→ format.js, table.js) when asked. */
    private final Map<String, String> files = new HashMap<>(Map.of(
        "app.js", "import { View } from './view.js';\nimport { dark as theme } from \"./theme.js\";\n"
            + "new View(theme);\nconst open = () => import('./panel.js').then(p => p.open());\n",
        "view.js", "import { format } from './format.js';\nexport class View { constructor(t) { this.t = format(t); } }\n",
        "format.js", "export const format = x => String(x);\nexport function twice(x) { return 2 * x; }\nconst hidden = 1;\n",
        "theme.js", "export const dark = 'dark';",
        "panel.js", "import {\n  format,\n  twice as double,\n} from './format.js';\nimport { rows } from './table.js';\n"
            + "export async function open() { return format(double(rows)); }\n",
        "table.js", "export let rows = 3;\n"));

    private ModuleBundle.Bundles bundle() throws ModuleBundle.Refused {
        return ModuleBundle.of("app.js", files, ENTRY, LATER);
    }

    private static int at(String text, String part) {
        int i = text.indexOf(part);
        assertTrue(i >= 0, "has " + part + ":\n" + text);
        return i;
    }

    @Test
    void each_module_runs_after_what_it_imports_in_the_order_a_browser_runs_them_and_the_entry_last() throws Exception {
        String first = bundle().entry();
        int format = at(first, "const __sgd_format = (() => {"), view = at(first, "const __sgd_view = (() => {"),
            theme = at(first, "const __sgd_theme = (() => {"), app = at(first, "// app.js\n");
        assertTrue(format < view && view < theme && theme < app, first);
        assertEquals(first.indexOf("const __sgd_format ="), first.lastIndexOf("const __sgd_format ="), "format.js runs once");
    }

    @Test
    void an_import_becomes_the_imported_modules_exports_taken_apart_under_the_same_local_names() throws Exception {
        String first = bundle().entry();
        assertTrue(first.contains("const { format } = __sgd_format;"), first);
        assertTrue(first.contains("const { dark: theme } = __sgd_theme;"), first);
        assertFalse(first.contains("from './"), "no static import is left: " + first);
        String later = bundle().later();
        assertTrue(later.contains("const { format, twice: double } = __sgd_format;"), "a list over several lines: " + later);
    }

    @Test
    void a_module_exports_exactly_its_exported_declarations_which_keep_their_kind() throws Exception {
        String first = bundle().entry();
        String format = first.substring(at(first, "const __sgd_format"), at(first, "const __sgd_view"));
        assertTrue(format.contains("\nconst format = x => String(x);"), format);
        assertTrue(format.contains("\nfunction twice(x)"), format);
        assertTrue(format.contains("return Object.freeze({ format, twice });"), "hidden stays inside: " + format);
        assertTrue(first.contains("\nclass View {"), first);
        assertTrue(first.contains("const dark = 'dark';\nreturn Object.freeze({ dark });"), "a file without a last newline: " + first);
        assertTrue(bundle().later().contains("\nasync function open()"), bundle().later());
        assertFalse((first + bundle().later()).contains("export const") || first.contains("export class"));
    }

    @Test
    void what_the_entry_loads_when_asked_comes_from_the_later_bundle_run_once_with_the_entrys_modules() throws Exception {
        ModuleBundle.Bundles b = bundle();
        assertTrue(b.entry().contains("import('./" + LATER + "').then(later => later.load(__sgd$modules).__sgd_panel)"), b.entry());
        assertTrue(b.entry().endsWith("const __sgd$modules = Object.freeze({ __sgd_format, __sgd_view, __sgd_theme });\n}\n"),
            "in the order they ran: " + b.entry());
        assertFalse(b.entry().contains("export"), "the entry exports nothing: " + b.entry());
        assertFalse(b.later().contains("import "), "the later bundle imports nothing, so it can never run the entry again: " + b.later());
        assertTrue(b.later().contains("export function load(__sgd$modules) {\nif (modules) return modules;\n"
            + "const { __sgd_format, __sgd_view, __sgd_theme } = __sgd$modules;\n"), b.later());
        assertFalse(b.later().contains("const __sgd_format ="), "format.js is the entry's, not run again: " + b.later());
        assertTrue(at(b.later(), "const __sgd_table =") < at(b.later(), "const __sgd_panel ="), b.later());
        assertTrue(b.later().endsWith("return modules = Object.freeze({ __sgd_table, __sgd_panel });\n}\n"), b.later());
    }

    @Test
    void the_entry_bundle_is_strict_and_in_a_block_so_a_page_may_run_it_as_a_classic_script() throws Exception {
        for (ModuleBundle.Bundles b : List.of(bundle(), withoutLater())) {
            String[] lines = b.entry().split("\n");
            assertTrue(lines[0].startsWith("// "), b.entry());
            assertEquals("'use strict';", lines[1], "the directive before any statement: " + b.entry());
            assertTrue(lines[2].startsWith("{"), b.entry());
            assertEquals("}", lines[lines.length - 1], "everything declared stays in the block: " + b.entry());
            assertFalse(b.entry().matches("(?ms).*^\\s*(import|export)\\b(?!\\s*\\().*"), "no import or export statement: " + b.entry());
        }
    }

    private ModuleBundle.Bundles withoutLater() throws ModuleBundle.Refused {
        files.put("app.js", "import { View } from './view.js';\nnew View(1);\n");
        return bundle();
    }

    @Test
    void an_entry_that_loads_nothing_later_is_one_file_that_exports_nothing() throws Exception {
        files.put("app.js", "import { View } from './view.js';\nnew View(1);\n");
        ModuleBundle.Bundles b = bundle();
        assertNull(b.later());
        assertFalse(b.entry().contains("export") || b.entry().contains("__sgd$modules"), b.entry());
        assertFalse(b.entry().contains("__sgd_theme"), "only what the entry reaches: " + b.entry());
    }

    @Test
    void a_module_asked_for_that_already_ran_is_handed_over_once_the_asking_module_has_run() throws Exception {
        files.put("app.js", files.get("app.js") + "import('./theme.js').then(t => t.dark);\n");
        assertTrue(bundle().entry().contains("Promise.resolve().then(() => __sgd_theme).then(t => t.dark)"), bundle().entry());
    }

    @Test
    void shapes_the_bundler_does_not_take_are_refused_with_the_module_and_the_reason() {
        Map<String, List<String>> refusals = Map.of(
            "export default", List.of("format.js", "export default 1;\n", "export"),
            "an export list", List.of("format.js", "const format = 1;\nexport { format };\n", "export"),
            "a namespace import", List.of("view.js", "import * as f from './format.js';\nexport class View {}\n", "import"),
            "import.meta", List.of("theme.js", "export const dark = import.meta.url;\n", "import"),
            "a default import", List.of("view.js", "import f from './format.js';\nexport class View {}\n", "import"),
            "a name not exported", List.of("view.js", "import { nothing } from './format.js';\nexport class View {}\n", "nothing"),
            "a cycle", List.of("format.js", "import { View } from './view.js';\nexport const format = x => x;\n", "cycle"),
            "a later module importing the entry", List.of("table.js", "import { nothing } from './app.js';\nexport let rows = 3;\n", "app.js"));
        refusals.forEach((what, change) -> {
            Map<String, String> before = new HashMap<>(files);
            files.put(change.get(0), change.get(1));
            ModuleBundle.Refused refused = assertThrows(ModuleBundle.Refused.class, this::bundle, what);
            assertTrue(refused.getMessage().contains(change.get(2)), what + ": " + refused.getMessage());
            assertTrue(refused.getMessage().contains(change.get(0)) || what.equals("a cycle"), what + ": " + refused.getMessage());
            files.clear();
            files.putAll(before);
        });
    }
}
