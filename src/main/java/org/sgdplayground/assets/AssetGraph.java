package org.sgdplayground.assets;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import java.util.stream.Stream;

/**
 * The browser files as served under content-hashed names ({@code main.js} as {@code /assets/main.3f09c1d2aa41b7e5.js}),
 * each module's {@code ./name.js} imports (static, and dynamic {@code import('./name.js')}) and each stylesheet's
 * {@code @import url("name.css")} rewritten to the hashed names. A file's hash is SHA-256 over its own source and (by way
 * of their own digests) the sources of every file it imports, statically or dynamically, directly or not, so it changes when the file or anything it imports changes (an import cycle included), and since the body
 * served is a function of those same sources, one address never names two bodies: it may be cached for ever.
 * Built once from the files reachable from the pages' roots; immutable.
 */
public final class AssetGraph implements AssetUrls {
    /** Where the hashed files are served. */
    public static final String PREFIX = "/assets/";

    /** A browser file's name: no folders and no dots but the extension's, so {@code name.HASH.ext} is never a source name. */
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]+\\.(js|css|svg)");
    /**
     * A module's static import or re-export of a sibling module, or its dynamic {@code import('./name.js')} (group 1
     * then ends in the parenthesis); the replay file's rewriting reads the same shape.
     */
    private static final Pattern JS_IMPORT = Pattern.compile("(\\bfrom\\s*|\\bimport\\s*(?:\\(\\s*)?)(['\"])\\./([A-Za-z0-9_-]+\\.js)\\2");
    /** A stylesheet's {@code @import url("name.css")}. */
    private static final Pattern CSS_IMPORT = Pattern.compile("(@import\\s+url\\()(['\"]?)([A-Za-z0-9_-]+\\.css)\\2(?=\\))");
    /** Hex digits of SHA-256 kept in a name: 64 bits, so two versions of one file never meet by chance. */
    static final int HASH_HEX_DIGITS = 16;

    /**
     * One served file: its source name, its hashed name, its type, the bytes served, the names it imports statically
     * (what must load before it runs) and those it imports dynamically (what it loads when it asks).
     */
    public record Asset(String name, String hashedName, String contentType, byte[] body, List<String> imports,
                        List<String> dynamicImports, Gzipped gzipped) {
        Asset(String name, String hashedName, String contentType, byte[] body, List<String> imports, List<String> dynamicImports) {
            this(name, hashedName, contentType, body, imports, dynamicImports, new Gzipped(body));
        }
    }

    /**
     * A file's body gzipped, made the first time a browser asks for it and kept: one name never serves two bodies, so
     * each request need not compress it again (the playground's bundle took 3 ms a request, on the first visit's
     * critical path). Empty for a body too small to gain ({@link AssetLimits#GZIP_MIN_BYTES}) or that does not shrink.
     */
    public static final class Gzipped {
        private final byte[] body;
        private volatile Optional<byte[]> gzipped;

        Gzipped(byte[] body) {
            this.body = body;
        }

        /** {@code body} gzipped now, as {@link #get} would: for a kept page, whose cost counts its gzip from the start. */
        public static Optional<byte[]> now(byte[] body) {
            return compress(body);
        }

        public Optional<byte[]> get() {
            Optional<byte[]> g = gzipped;
            if (g == null) gzipped = g = compress(body);
            return g;
        }

        private static Optional<byte[]> compress(byte[] body) {
            if (body.length < AssetLimits.GZIP_MIN_BYTES) return Optional.empty();
            ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 3);
            try (GZIPOutputStream gzip = new GZIPOutputStream(out) {
                { def.setLevel(Deflater.BEST_COMPRESSION); }
            }) {
                gzip.write(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
            }
            return out.size() < body.length ? Optional.of(out.toByteArray()) : Optional.empty();
        }
    }

    /** What a bundle of what an entry loads later adds to the entry's name: {@code main.later.js}. */
    static final String LATER = ".later";

    private final Map<String, Asset> byName;
    private final Set<String> sourceNames;
    private final Map<String, Asset> byHashedName;
    private final Map<String, String> notBundled;
    private final Set<String> bundled;
    private final String version;

    /** The files one by one, the bundles that replace some of them as served (keyed by the same names), the roots refused. */
    private AssetGraph(Map<String, Asset> files, Map<String, Asset> bundles, Map<String, String> notBundled) {
        this.notBundled = Map.copyOf(notBundled);
        this.sourceNames = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(files.keySet()));
        this.byName = new LinkedHashMap<>(files);
        this.byName.putAll(bundles);
        this.bundled = Set.copyOf(bundles.keySet());
        this.byHashedName = new LinkedHashMap<>();
        files.values().forEach(a -> byHashedName.put(a.hashedName(), a));
        bundles.values().forEach(a -> byHashedName.put(a.hashedName(), a));
        this.version = sha256Hex(String.join("\n", byHashedName.keySet()).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The graph of {@code roots} and everything they import, read by {@code read} (empty for a file that is not
     * there: an import of it is left as written and fails in the browser as it did before).
     */
    public static AssetGraph of(Function<String, Optional<byte[]>> read, List<String> roots) {
        Map<String, byte[]> sources = new LinkedHashMap<>();
        Map<String, List<String>> imports = new LinkedHashMap<>(), dynamicImports = new LinkedHashMap<>();
        Deque<String> todo = new ArrayDeque<>(roots);
        while (!todo.isEmpty()) {
            String name = todo.poll();
            if (sources.containsKey(name) || !NAME.matcher(name).matches()) continue;
            Optional<byte[]> source = read.apply(name);
            if (source.isEmpty()) continue;
            sources.put(name, source.get());
            imports.put(name, importsOf(name, source.get(), false));
            dynamicImports.put(name, importsOf(name, source.get(), true));
            todo.addAll(imports.get(name));
            todo.addAll(dynamicImports.get(name));
        }
        imports.replaceAll((name, named) -> named.stream().filter(sources::containsKey).distinct().toList());
        dynamicImports.replaceAll((name, named) -> named.stream().filter(sources::containsKey).distinct().toList());
        Map<String, List<String>> either = new LinkedHashMap<>();
        imports.forEach((name, named) -> either.put(name,
            Stream.concat(named.stream(), dynamicImports.get(name).stream()).distinct().toList()));

        Map<String, byte[]> ownDigests = new LinkedHashMap<>();
        sources.forEach((name, source) -> ownDigests.put(name, ownDigest(name, source)));
        Map<String, String> hashes = new LinkedHashMap<>(), hashedNames = new LinkedHashMap<>();
        for (String name : sources.keySet()) {
            hashes.put(name, closureHash(name, ownDigests, either));
            hashedNames.put(name, hashedName(name, hashes.get(name)));
        }
        Map<String, Asset> byName = new LinkedHashMap<>();
        sources.forEach((name, source) -> byName.put(name, new Asset(name, hashedNames.get(name), contentType(name),
            rewritten(name, source, hashedNames), imports.get(name), dynamicImports.get(name))));
        Map<String, Asset> bundles = new LinkedHashMap<>();
        Map<String, String> notBundled = new LinkedHashMap<>(), modules = new LinkedHashMap<>();
        sources.forEach((name, source) -> { if (name.endsWith(".js")) modules.put(name, new String(source, StandardCharsets.UTF_8)); });
        for (String root : roots) {
            if (!root.endsWith(".js") || !sources.containsKey(root) || either.get(root).isEmpty()) continue;
            try {
                bundle(root, modules, hashes.get(root)).forEach(a -> bundles.put(a.name(), a));
            } catch (ModuleBundle.Refused e) {
                notBundled.put(root, e.getMessage());
            }
        }
        return new AssetGraph(byName, bundles, notBundled);
    }

    /**
     * {@code root} served as one file with all it imports statically, and what it loads with {@code import()} as a
     * second, named {@code root.later.js} (see {@link ModuleBundle}).
     */
    private static List<Asset> bundle(String root, Map<String, String> modules, String hash) throws ModuleBundle.Refused {
        String later = laterName(root), hashedRoot = hashedName(root, hash);
        String hashedLater = hashedName(later, hash); // the same sources as root's: all root reaches
        ModuleBundle.Bundles b = ModuleBundle.of(root, modules, hashedRoot, hashedLater);
        List<Asset> assets = new ArrayList<>();
        assets.add(new Asset(root, hashedRoot, contentType(root), b.entry().getBytes(StandardCharsets.UTF_8), List.of(),
            b.later() == null ? List.of() : List.of(later)));
        if (b.later() != null) assets.add(new Asset(later, hashedLater, contentType(later), b.later().getBytes(StandardCharsets.UTF_8),
            List.of(), List.of()));
        return assets;
    }

    /** {@code main.js} → {@code main.later.js}: a name no source file has (sources have one dot). */
    static String laterName(String root) {
        return root.substring(0, root.length() - ".js".length()) + LATER + ".js";
    }

    @Override
    public String url(String name) {
        Asset a = byName.get(name);
        return a == null ? UNHASHED.url(name) : PREFIX + a.hashedName();
    }

    @Override
    public List<String> preloads(String name) {
        if (!byName.containsKey(name)) return List.of();
        return reachable(name, n -> byName.get(n).imports()).stream().map(this::url).toList();
    }

    @Override
    public boolean runsAsClassicScript(String name) {
        return bundled.contains(name) && !name.endsWith(LATER + ".js"); // the later bundle exports its load()
    }

    @Override
    public String version() {
        return version;
    }

    /** The file served at {@code /assets/hashedName}, if this graph has it. */
    public Optional<Asset> byHashedName(String hashedName) {
        return Optional.ofNullable(byHashedName.get(hashedName));
    }

    /** The file {@code name} (its source name, {@code main.js}) as this graph serves it. */
    public Optional<Asset> byName(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** Each root whose modules could not be bundled (they are served one by one), with the bundler's reason. */
    public Map<String, String> notBundled() {
        return notBundled;
    }

    /** The source names of every file in the graph (not the bundles made of them). */
    public Set<String> names() {
        return sourceNames;
    }

    /** {@code main.3f09c1d2aa41b7e5.js} → {@code main.js}; any other string unchanged. */
    public static String sourceName(String hashedName) {
        return hashedName.replaceFirst("^([A-Za-z0-9_-]+(?:\\" + LATER + ")?)\\.[0-9a-f]{" + HASH_HEX_DIGITS + "}\\.(js|css|svg)$", "$1.$2");
    }

    /** The names {@code name} imports statically, or when {@code dynamic} those it imports with {@code import(…)}. */
    private static List<String> importsOf(String name, byte[] source, boolean dynamic) {
        Pattern p = importPattern(name);
        if (p == null) return List.of();
        List<String> named = new ArrayList<>();
        Matcher m = p.matcher(new String(source, StandardCharsets.UTF_8));
        while (m.find()) if (isDynamic(name, m) == dynamic) named.add(m.group(3));
        return named;
    }

    /** Whether the import matched is a module's {@code import('./x.js')} (a sheet's {@code url(} ends the same way). */
    private static boolean isDynamic(String name, Matcher m) {
        return name.endsWith(".js") && m.group(1).endsWith("(");
    }

    private static byte[] rewritten(String name, byte[] source, Map<String, String> hashedNames) {
        Pattern p = importPattern(name);
        if (p == null) return source;
        String text = p.matcher(new String(source, StandardCharsets.UTF_8)).replaceAll(m -> {
            String target = hashedNames.get(m.group(3));
            if (target == null) return Matcher.quoteReplacement(m.group());
            String relative = name.endsWith(".js") ? "./" : ""; // a bare "x.js" would name a package; url("x.css") is relative as it is
            return Matcher.quoteReplacement(m.group(1) + m.group(2) + relative + target + m.group(2));
        });
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static Pattern importPattern(String name) {
        if (name.endsWith(".js")) return JS_IMPORT;
        if (name.endsWith(".css")) return CSS_IMPORT;
        return null;
    }

    /**
     * A file's own digest: SHA-256 over its name, a NUL, its length, a NUL and its bytes. Each file is read through
     * once; a closure's hash then digests these 32-byte digests rather than every source again (the playground's
     * closure alone is 35 files: a start hashed some 5 MB, interpreted, before this).
     */
    private static byte[] ownDigest(String name, byte[] source) {
        MessageDigest digest = sha256();
        digest.update(name.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        digest.update(Integer.toString(source.length).getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        digest.update(source);
        return digest.digest();
    }

    /**
     * The hash in {@code name}'s hashed name: a file that imports nothing is named by its own digest; any other by
     * SHA-256 over the own digests of its closure, in name order, so it moves when any file it reaches does.
     */
    private static String closureHash(String name, Map<String, byte[]> ownDigests, Map<String, List<String>> imports) {
        Set<String> closure = new TreeSet<>(reachable(name, imports::get));
        byte[] hash;
        if (closure.size() == 1) {
            hash = ownDigests.get(name);
        } else {
            MessageDigest digest = sha256();
            for (String member : closure) digest.update(ownDigests.get(member));
            hash = digest.digest();
        }
        return HexFormat.of().formatHex(hash).substring(0, HASH_HEX_DIGITS);
    }

    /** {@code start} and every name its imports reach, breadth first. */
    private static Set<String> reachable(String start, Function<String, List<String>> importsOf) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(start));
        while (!todo.isEmpty()) {
            String n = todo.poll();
            if (seen.add(n)) todo.addAll(importsOf.apply(n));
        }
        return seen;
    }

    private static String hashedName(String name, String hash) {
        int dot = name.lastIndexOf('.');
        return name.substring(0, dot) + "." + hash + name.substring(dot);
    }

    private static String contentType(String name) {
        if (name.endsWith(".js")) return "text/javascript; charset=utf-8";
        if (name.endsWith(".css")) return "text/css; charset=utf-8";
        return "image/svg+xml";
    }

    private static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes)).substring(0, HASH_HEX_DIGITS);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
