package org.sgdplayground.autograd.compile;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * Compiles {@link KernelSource}s with the JDK's own compiler ({@code javax.tools}), in memory, on one background
 * thread, and loads each as a hidden class of this package; the models' own kernels come compiled with the server
 * ({@link PrebuiltKernels}), so a start runs no javac for them.
 *
 * <p>Compiled kernels are kept for the life of the JVM, one per distinct source: a graph's structure decides its
 * source, so every session training the same model shares one kernel, compiled once — as the JIT keeps its code.
 * This cache is the engine's only shared state; kernels are stateless, so sharing them is safe.
 *
 * <p>Where there is no compiler (a JRE) or compiling fails, the future fails and the regions keep running op by
 * op, with the same results; the first failure is logged once.
 */
public final class KernelCompiler {
    private KernelCompiler() {}

    private static final Map<String, CompletableFuture<Kernel>> KERNELS = new ConcurrentHashMap<>();
    private static final ExecutorService COMPILER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "kernel-compiler");
        t.setDaemon(true);
        return t;
    });
    private static final System.Logger LOG = System.getLogger(KernelCompiler.class.getName());
    private static volatile boolean failureLogged;

    /**
     * The kernel for {@code source}: built with the server ({@link PrebuiltKernels}, ready at once), already
     * compiled, being compiled, or queued now.
     */
    public static CompletableFuture<Kernel> kernelFor(String source) {
        return KERNELS.computeIfAbsent(source, s -> {
            Kernel prebuilt = PrebuiltKernels.forSource(s);
            return prebuilt != null ? CompletableFuture.completedFuture(prebuilt) : compiledLater(s);
        });
    }

    /** The SHA-256 of a kernel source's UTF-8, in hex: what finds it among the {@link PrebuiltKernels}. */
    static String sha256(String source) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(source.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java runtime has no SHA-256", e);
        }
    }

    private static CompletableFuture<Kernel> compiledLater(String source) {
        return CompletableFuture.supplyAsync(() -> compile(source), COMPILER)
            .whenComplete((kernel, failure) -> {
                if (failure != null && !failureLogged) {
                    failureLogged = true;
                    LOG.log(System.Logger.Level.WARNING, "fused loops unavailable, graphs run op by op: " + failure.getMessage());
                }
            });
    }

    /** Compiles and loads one kernel, or throws {@link IllegalStateException} saying why it cannot. */
    public static Kernel compile(String source) {
        return instantiate(KernelSource.CLASS_NAME, source, Kernel.class);
    }

    /**
     * Compiles {@code source}, a class {@code className} of this package with a constructor that takes nothing,
     * loads it as a hidden class and makes one instance, as a {@code type}; or throws {@link IllegalStateException}
     * saying why it cannot. The source may use this package, {@code autograd} and the JDK.
     */
    public static <T> T instantiate(String className, String source, Class<T> type) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) throw new IllegalStateException("this Java runtime has no compiler (javax.tools)");
        byte[] bytes = javaToBytes(javac, className, source);
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup().defineHiddenClass(bytes, true);
            return type.cast(lookup.findConstructor(lookup.lookupClass(), MethodType.methodType(void.class)).invoke());
        } catch (Throwable e) {
            throw new IllegalStateException("cannot load a compiled " + className + ": " + e, e);
        }
    }

    private static byte[] javaToBytes(JavaCompiler javac, String className, String source) {
        StandardJavaFileManager standard = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            // the kernel implements Kernel and calls Sums: compile against the classes where this one was loaded from
            standard.setLocation(StandardLocation.CLASS_PATH, List.of(whereThisPackageLives()));
            JavaFileManager inMemory = new ForwardingJavaFileManager<>(standard) {
                @Override
                public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind, FileObject sibling) {
                    return new SimpleJavaFileObject(URI.create("mem:///" + className.replace('.', '/') + kind.extension), kind) {
                        @Override
                        public OutputStream openOutputStream() {
                            return bytes;
                        }
                    };
                }
            };
            JavaFileObject file = new SimpleJavaFileObject(
                URI.create("string:///org/sgdplayground/autograd/compile/" + className + ".java"), JavaFileObject.Kind.SOURCE) {
                @Override
                public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                    return source;
                }
            };
            StringWriter messages = new StringWriter();
            boolean compiled = javac.getTask(messages, inMemory, null, List.of("-proc:none", "-g:none", "-nowarn"), null, List.of(file)).call();
            if (!compiled) throw new IllegalStateException("javac refused a generated kernel: " + messages);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("cannot set up javac: " + e, e);
        } finally {
            try {
                standard.close();
            } catch (IOException ignored) {
                // nothing was written through it
            }
        }
    }

    /** The directory or jar this package's classes were loaded from. */
    private static File whereThisPackageLives() {
        var codeSource = Kernel.class.getProtectionDomain().getCodeSource();
        if (codeSource == null) throw new IllegalStateException("cannot tell where " + Kernel.class + " was loaded from");
        try {
            return new File(codeSource.getLocation().toURI());
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + codeSource.getLocation() + " as a file: " + e, e);
        }
    }
}
