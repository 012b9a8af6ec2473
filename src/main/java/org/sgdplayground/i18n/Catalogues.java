package org.sgdplayground.i18n;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The message catalogues on the classpath, {@code i18n/LANG.properties}: which languages there are (the files present,
 * in a directory while developing or in the jar when deployed) and one catalogue's entries, read as UTF-8.
 */
final class Catalogues {
    private Catalogues() {}

    static final String FOLDER = "i18n";
    /** A catalogue's file name: a two- or three-letter language code (BCP 47's primary subtag), lower case. */
    private static final Pattern FILE = Pattern.compile("([a-z]{2,3})\\.properties");

    /** The language codes of every catalogue present, sorted. */
    static List<String> languages() {
        URL english = Catalogues.class.getResource("/" + FOLDER + "/" + Messages.FALLBACK + ".properties");
        if (english == null) throw new IllegalStateException("no " + FOLDER + "/" + Messages.FALLBACK + ".properties on the classpath");
        List<String> names = switch (english.getProtocol()) {
            case "file" -> namesInDirectory(english);
            case "jar" -> namesInJar(english);
            default -> throw new IllegalStateException("cannot list the catalogues beside " + english);
        };
        List<String> codes = new ArrayList<>();
        for (String name : names) {
            Matcher m = FILE.matcher(name);
            if (m.matches()) codes.add(m.group(1));
        }
        Collections.sort(codes);
        return List.copyOf(codes);
    }

    private static List<String> namesInDirectory(URL file) {
        try (Stream<Path> files = Files.list(Path.of(file.toURI()).getParent())) {
            return files.map(p -> p.getFileName().toString()).toList();
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("cannot list the catalogues beside " + file, e);
        }
    }

    private static List<String> namesInJar(URL entry) {
        try {
            JarURLConnection connection = (JarURLConnection) entry.openConnection();
            connection.setUseCaches(false);
            try (JarFile jar = connection.getJarFile()) {
                String prefix = FOLDER + "/";
                return jar.stream().map(JarEntry::getName)
                    .filter(n -> n.startsWith(prefix) && n.indexOf('/', prefix.length()) < 0)
                    .map(n -> n.substring(prefix.length())).toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the catalogues in " + entry, e);
        }
    }

    /** The entries of {@code lang}'s catalogue, read as UTF-8 (not ISO-8859-1, as {@code Properties.load(InputStream)} would). */
    static Properties read(String lang) {
        String path = "/" + FOLDER + "/" + lang + ".properties";
        try (InputStream in = Catalogues.class.getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException("no catalogue " + path);
            Properties entries = new Properties();
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                entries.load(reader);
            }
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }
}
