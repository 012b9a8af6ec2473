package org.sgdplayground.assets;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An entry module and every module it imports statically, written as one ES module, and what it imports with
 * {@code import('./x.js')} (and all that imports) as a second one it loads when asked: one round trip each instead of
 * one per file, still without a build step. Each imported module becomes a function scope run once, in the order a
 * browser evaluates modules (depth first, imports in source order, each module after its imports), whose value is
 * the frozen object of its exports; its {@code import { a, b as c } from './x.js'} becomes
 * {@code const { a, b: c } = __sgd_x;}. The entry's own code comes after them. The entry's bundle imports and
 * exports nothing and is strict and in a block, so a page may also run it as a classic script, parsed where it stands
 * (the playground page does, to draw the first curve before the rest of the page is parsed). The later bundle
 * exports one function, {@code load(modules)}, which the entry calls with its own modules' exports and which runs the
 * later modules once: it imports nothing, so a later bundle from another deploy (two servers behind a balancer) can
 * never run the entry a second time.
 *
 * <p>Only the module shapes this code base writes are taken: named imports of {@code ./x.js} siblings, declarations
 * exported with a leading {@code export}, no cycles. Anything else (a default export, {@code export { … }},
 * {@code import.meta}, an import of a name not exported, a cycle) is refused with the reason, and the files are then
 * served one by one as before. Two things a browser's modules have that these do not: live bindings (an importer
 * sees an exported {@code let} as it was when its module ran) and cycles.
 */
final class ModuleBundle {
    private ModuleBundle() {}

    /** The entry's bundle and, when it imports anything with {@code import()}, the bundle of what it loads later. */
    record Bundles(String entry, String later) {}

    /** Why a set of modules cannot be bundled; the files are then served one by one. */
    static final class Refused extends Exception {
        Refused(String reason) {
            super(reason);
        }
    }

    /** A line importing names from a sibling ({@code import { a, b as c } from './x.js';}) or only running it ({@code import './x.js';}). */
    private static final Pattern STATIC_IMPORT = Pattern.compile(
        "(?m)^import\\s*(?:\\{([^}]*)\\}\\s*from\\s*)?(['\"])\\./([A-Za-z0-9_-]+\\.js)\\2[ \\t]*;?[ \\t]*$");
    /** Any import left once those are taken out: a shape this bundler does not take. */
    private static final Pattern OTHER_IMPORT = Pattern.compile("(?m)^[ \\t]*import\\b(?!\\s*\\()|\\bimport\\s*\\.\\s*meta\\b");
    /** A declaration exported by a leading {@code export}. */
    private static final Pattern EXPORTED_DECLARATION = Pattern.compile(
        "(?m)^export\\s+((?:async\\s+)?function\\s*\\*?|class|const|let|var)\\s+([A-Za-z_$][\\w$]*)");
    /** Any export left once those are taken out. */
    private static final Pattern OTHER_EXPORT = Pattern.compile("(?m)^[ \\t]*export\\b");
    /** {@code import('./x.js')}: a sibling loaded when asked. */
    private static final Pattern DYNAMIC_IMPORT = Pattern.compile("\\bimport\\s*\\(\\s*(['\"])\\./([A-Za-z0-9_-]+\\.js)\\1\\s*\\)");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$][\\w$]*");
    /** The entry's modules handed to the later bundle; no module's scope has a {@code $} in its name. */
    private static final String SHARED = "__sgd$modules";

    /** One {@code import} of a sibling: the names it binds (imported name → local name; none for a bare import). */
    private record Import(String from, Map<String, String> names) {}

    /** A module read for bundling: its code without its imports and with {@code export} dropped, and what it exports. */
    private record Module(String name, String code, List<Import> imports, List<String> exports) {}

    /**
     * Bundles {@code entry}. {@code sources} holds every file of the graph by name; {@code entryAddress} and
     * {@code laterAddress} are the names the two bundles are served at, each relative to the other.
     */
    static Bundles of(String entry, Map<String, String> sources, String entryAddress, String laterAddress) throws Refused {
        Map<String, Module> read = new LinkedHashMap<>();
        List<String> now = evaluationOrder(List.of(entry), sources, read, Set.of());
        Set<String> loaded = new LinkedHashSet<>(now), both = new LinkedHashSet<>(now);
        List<String> later = new ArrayList<>();
        Deque<String> askedFor = new ArrayDeque<>();
        for (String name : now) askedFor.addAll(dynamicImports(sources.get(name), sources));
        while (!askedFor.isEmpty()) {
            List<String> more = evaluationOrder(List.of(askedFor.poll()), sources, read, both);
            later.addAll(more);
            both.addAll(more);
            for (String name : more) askedFor.addAll(dynamicImports(sources.get(name), sources));
        }
        for (String name : later) for (Import i : read.get(name).imports()) {
            if (i.from().equals(entry)) throw new Refused(name + " imports " + entry + ", the module that loads it");
        }
        checkImportedNamesAreExported(read);
        checkScopeNamesDiffer(both);

        List<String> shared = now.stream().filter(n -> !n.equals(entry)).toList();
        Addresses at = new Addresses(entry, entryAddress, later.isEmpty() ? null : laterAddress);
        StringBuilder first = new StringBuilder("// ").append(entry).append(" and the ").append(shared.size())
            .append(" modules it imports, in one file (org.sgdplayground.assets.ModuleBundle)\n")
            .append("'use strict';\n{ // strict and in a block, as a module's scope is, when a page runs it as a classic script\n");
        for (String name : shared) scope(first, read.get(name), loaded, at);
        Module top = read.get(entry);
        first.append("// ").append(entry).append('\n');
        bindings(first, top.imports());
        first.append(dynamicImportsRewritten(top.code(), loaded, at)).append('\n');
        if (!later.isEmpty()) first.append("const ").append(SHARED).append(" = Object.freeze({ ").append(scopeNames(shared)).append(" });\n");
        first.append("}\n");
        if (later.isEmpty()) return new Bundles(first.toString(), null);

        StringBuilder second = new StringBuilder("// what ").append(entry).append(" loads when asked: ")
            .append(String.join(", ", later)).append(" (org.sgdplayground.assets.ModuleBundle)\n")
            .append("let modules; // run once, for the first import() that asks; later ones get the same\n")
            .append("export function load(").append(SHARED).append(") {\n")
            .append("if (modules) return modules;\n");
        if (!shared.isEmpty()) second.append("const { ").append(scopeNames(shared)).append(" } = ").append(SHARED).append(";\n");
        for (String name : later) scope(second, read.get(name), both, at);
        second.append("return modules = Object.freeze({ ").append(scopeNames(later)).append(" });\n}\n");
        return new Bundles(first.toString(), second.toString());
    }

    /** The entry, and the addresses of the two bundles (the later one null when there is none). */
    private record Addresses(String entry, String entryAddress, String laterAddress) {}

    /** {@code roots} and what they import statically, each after its imports, leaving out what {@code before} already ran. */
    private static List<String> evaluationOrder(List<String> roots, Map<String, String> sources, Map<String, Module> read,
                                                Set<String> before) throws Refused {
        List<String> order = new ArrayList<>();
        Set<String> entered = new LinkedHashSet<>();
        for (String root : roots) visit(root, sources, read, before, entered, order);
        return order;
    }

    private static void visit(String name, Map<String, String> sources, Map<String, Module> read, Set<String> before,
                              Set<String> entered, List<String> order) throws Refused {
        if (before.contains(name) || order.contains(name)) return;
        if (!entered.add(name)) throw new Refused(name + " is part of an import cycle");
        String source = sources.get(name);
        if (source == null) throw new Refused(name + " is imported but is not there");
        Module module = read.containsKey(name) ? read.get(name) : parse(name, source);
        read.put(name, module);
        for (Import i : module.imports()) visit(i.from(), sources, read, before, entered, order);
        order.add(name);
    }

    /** {@code name}'s source read: its imports taken out, {@code export} dropped from its declarations. */
    private static Module parse(String name, String source) throws Refused {
        List<Import> imports = new ArrayList<>();
        Matcher m = STATIC_IMPORT.matcher(source);
        StringBuilder code = new StringBuilder();
        while (m.find()) {
            imports.add(new Import(m.group(3), names(name, m.group(1))));
            m.appendReplacement(code, "");
        }
        m.appendTail(code);
        if (OTHER_IMPORT.matcher(code).find()) throw new Refused(name + " has an import of a shape this bundler does not take");
        List<String> exports = new ArrayList<>();
        Matcher e = EXPORTED_DECLARATION.matcher(code);
        StringBuilder declared = new StringBuilder();
        while (e.find()) {
            exports.add(e.group(2));
            e.appendReplacement(declared, Matcher.quoteReplacement(e.group(1) + " " + e.group(2)));
        }
        e.appendTail(declared);
        if (OTHER_EXPORT.matcher(declared).find()) throw new Refused(name + " has an export of a shape this bundler does not take");
        return new Module(name, declared.toString(), imports, exports);
    }

    /** {@code a, b as c} → {a=a, b=c}; null (a bare import) → none. */
    private static Map<String, String> names(String module, String list) throws Refused {
        Map<String, String> names = new LinkedHashMap<>();
        if (list == null) return names;
        for (String part : list.split(",")) {
            String[] words = part.trim().split("\\s+as\\s+");
            if (words.length == 1 && words[0].isEmpty()) continue;
            String imported = words[0], local = words.length == 2 ? words[1] : words[0];
            if (words.length > 2 || !IDENTIFIER.matcher(imported).matches() || !IDENTIFIER.matcher(local).matches()
                || imported.equals("default")) {
                throw new Refused(module + " imports '" + part.trim() + "', a shape this bundler does not take");
            }
            names.put(imported, local);
        }
        return names;
    }

    private static void checkImportedNamesAreExported(Map<String, Module> read) throws Refused {
        for (Module m : read.values()) for (Import i : m.imports()) for (String imported : i.names().keySet()) {
            if (!read.get(i.from()).exports().contains(imported)) throw new Refused(m.name() + " imports " + imported + ", which " + i.from() + " does not export");
        }
    }

    /** The siblings {@code source} loads with {@code import('./x.js')} that are there, in source order. */
    private static List<String> dynamicImports(String source, Map<String, String> sources) {
        List<String> named = new ArrayList<>();
        Matcher m = DYNAMIC_IMPORT.matcher(source);
        while (m.find()) if (sources.containsKey(m.group(2)) && !named.contains(m.group(2))) named.add(m.group(2));
        return named;
    }

    /** {@code const __sgd_x = (() => { …x's code…; return Object.freeze({ its exports }); })();} */
    private static void scope(StringBuilder out, Module m, Set<String> run, Addresses at) {
        out.append("const ").append(scopeName(m.name())).append(" = (() => {\n// ").append(m.name()).append('\n');
        bindings(out, m.imports());
        out.append(dynamicImportsRewritten(m.code(), run, at));
        if (!m.code().endsWith("\n")) out.append('\n');
        out.append("return Object.freeze({ ").append(String.join(", ", m.exports())).append(" });\n})();\n");
    }

    /** {@code import { a, b as c } from './x.js'} → {@code const { a, b: c } = __sgd_x;} (a bare import binds nothing). */
    private static void bindings(StringBuilder out, List<Import> imports) {
        for (Import i : imports) {
            if (i.names().isEmpty()) continue;
            List<String> pairs = new ArrayList<>();
            i.names().forEach((imported, local) -> pairs.add(imported.equals(local) ? imported : imported + ": " + local));
            out.append("const { ").append(String.join(", ", pairs)).append(" } = ").append(scopeName(i.from())).append(";\n");
        }
    }

    /**
     * Each {@code import('./x.js')}: the entry itself by its address; a module already run as a promise of its
     * exports (settled after this module has finished running, as a browser's would be); one run later from the
     * later bundle; a file not in the graph as written.
     */
    private static String dynamicImportsRewritten(String code, Set<String> run, Addresses at) {
        return DYNAMIC_IMPORT.matcher(code).replaceAll(m -> {
            String name = m.group(2);
            String replacement;
            if (name.equals(at.entry())) replacement = "import('./" + at.entryAddress() + "')";
            else if (run.contains(name)) replacement = "Promise.resolve().then(() => " + scopeName(name) + ")";
            else if (at.laterAddress() != null) {
                replacement = "import('./" + at.laterAddress() + "').then(later => later.load(" + SHARED + ")." + scopeName(name) + ")";
            }
            else replacement = m.group();
            return Matcher.quoteReplacement(replacement);
        });
    }

    private static void checkScopeNamesDiffer(Set<String> names) throws Refused {
        Map<String, String> byScope = new LinkedHashMap<>();
        for (String name : names) {
            String other = byScope.put(scopeName(name), name);
            if (other != null) throw new Refused(other + " and " + name + " would share the name " + scopeName(name));
        }
    }

    private static String scopeNames(List<String> names) {
        return String.join(", ", names.stream().map(ModuleBundle::scopeName).toList());
    }

    /** {@code format.js} → {@code __sgd_format}; {@code my-file.js} → {@code __sgd_my_file}. */
    static String scopeName(String name) {
        return "__sgd_" + name.substring(0, name.length() - ".js".length()).replace('-', '_');
    }
}
