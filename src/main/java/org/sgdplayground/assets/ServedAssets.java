package org.sgdplayground.assets;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * The hashed browser files the app serves and links. From the jar they are hashed once, at start; from a folder
 * ({@code ./web}, where files are edited without a rebuild) the graph is hashed again whenever one of its files has
 * changed (size or modification time, looked at no more often than {@link AssetLimits#RECHECK_NANOS}), so an edit
 * shows on the next reload. One per app.
 */
public final class ServedAssets {
    private final Source source;
    private volatile Snapshot snapshot;

    private ServedAssets(Source source) {
        this.source = source;
        this.snapshot = source.build(0);
    }

    /** What {@code ./web} serves when that folder exists (as the static files do), else the jar's {@code /web}. */
    public static ServedAssets forApp(List<String> roots) {
        Path web = Path.of("web");
        return Files.isDirectory(web) ? fromFolder(web, roots, System::nanoTime) : fromClasspath("/web", roots);
    }

    /** The files under {@code folder} reachable from {@code roots}, hashed again when one changes; {@code nanos} tells time. */
    public static ServedAssets fromFolder(Path folder, List<String> roots, LongSupplier nanos) {
        return new ServedAssets(new Folder(folder, roots, nanos));
    }

    /** The files under the class path's {@code base} (e.g. {@code /web} in the jar) reachable from {@code roots}, hashed once. */
    public static ServedAssets fromClasspath(String base, List<String> roots) {
        AssetGraph graph = AssetGraph.of(name -> resource(base + "/" + name), roots);
        return new ServedAssets(at -> new Snapshot(graph, List.of(), Long.MAX_VALUE));
    }

    /** No hashed files: pages link today's plain {@code /static/} addresses (the benchmarks' baseline). */
    public static ServedAssets unhashed() {
        return new ServedAssets(at -> new Snapshot(null, List.of(), Long.MAX_VALUE));
    }

    /** The addresses pages link now. */
    public AssetUrls urls() {
        AssetGraph g = current();
        return g == null ? AssetUrls.UNHASHED : g;
    }

    /** The graph served now, or empty when this app serves no hashed files. */
    public Optional<AssetGraph> graph() {
        return Optional.ofNullable(current());
    }

    private AssetGraph current() {
        Snapshot s = snapshot;
        if (s.recheckAt == Long.MAX_VALUE) return s.graph;
        long now = source.now();
        if (now - s.recheckAt < 0) return s.graph;
        synchronized (this) {
            s = snapshot;
            if (now - s.recheckAt < 0) return s.graph;
            snapshot = s.stamps.equals(source.stamps(s.graph)) ? new Snapshot(s.graph, s.stamps, now + AssetLimits.RECHECK_NANOS) : source.build(now);
            return snapshot.graph;
        }
    }

    /** A graph, the stamps of the files it was built from, and when to look at them again. */
    private record Snapshot(AssetGraph graph, List<String> stamps, long recheckAt) {}

    private interface Source {
        Snapshot build(long now);

        default long now() {
            return 0;
        }

        default List<String> stamps(AssetGraph graph) {
            return List.of();
        }
    }

    private record Folder(Path folder, List<String> roots, LongSupplier nanos) implements Source {
        @Override
        public Snapshot build(long now) {
            long at = nanos.getAsLong(), wallClock = System.currentTimeMillis();
            AssetGraph graph = AssetGraph.of(name -> read(folder.resolve(name)), roots);
            List<String> stamps = stamps(graph);
            // a file changed within the last second may have changed again while it was read, within one tick of its
            // modification time (git's "racy" files): such a graph is built again at the next look
            boolean settled = graph.names().stream().allMatch(n -> modified(folder.resolve(n)) < wallClock - SETTLED_MILLIS);
            return new Snapshot(graph, settled ? stamps : List.of(), at + AssetLimits.RECHECK_NANOS);
        }

        @Override
        public long now() {
            return nanos.getAsLong();
        }

        @Override
        public List<String> stamps(AssetGraph graph) {
            return stampsOf(new ArrayList<>(graph.names()));
        }

        private List<String> stampsOf(List<String> names) {
            List<String> stamps = new ArrayList<>();
            for (String name : names) {
                try {
                    BasicFileAttributes a = Files.readAttributes(folder.resolve(name), BasicFileAttributes.class);
                    stamps.add(name + " " + a.size() + " " + a.lastModifiedTime().toMillis());
                } catch (NoSuchFileException e) {
                    stamps.add(name + " gone");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return stamps;
        }
    }

    /** How long a file must have been left alone before its size and time are trusted to tell a later change. */
    private static final long SETTLED_MILLIS = 1000;

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return Long.MAX_VALUE;
        }
    }

    private static Optional<byte[]> read(Path file) {
        try {
            return Optional.of(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<byte[]> resource(String path) {
        try (InputStream in = ServedAssets.class.getResourceAsStream(path)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
