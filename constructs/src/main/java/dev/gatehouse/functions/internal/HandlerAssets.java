package dev.gatehouse.functions.internal;

import dev.gatehouse.api.internal.Hashing;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awscdk.services.lambda.Code;

/**
 * The handler jars embedded in this artifact (built by gatehouse-lambda-handlers, one per
 * handler) as Lambda code assets.
 *
 * <p>A jar is copied out of the classpath once per JVM into a directory named after its content
 * hash, so the asset hash, and the template, only change when the handler changes.
 */
public final class HandlerAssets {
    /** Classpath folder holding {@code <handler>.jar}. */
    static final String RESOURCE_FOLDER = "/dev/gatehouse/functions/assets/";

    private static final Map<String, Path> EXTRACTED = new ConcurrentHashMap<>();

    private HandlerAssets() {
    }

    /** Lambda code for the bundled handler {@code name}, e.g. {@code echo}. */
    public static Code code(String name) {
        return Code.fromAsset(jar(name).toString());
    }

    /**
     * Lambda code for the bundled handler {@code name} with configuration files beside it: a
     * directory asset holding {@code lib/<name>.jar} (the Java runtime puts {@code lib/*.jar} on
     * the classpath) and each file at its relative path. The directory is named after its
     * content, so unchanged configuration gives an unchanged asset.
     */
    public static Code codeWithFiles(String name, Map<String, byte[]> files) {
        return Code.fromAsset(directoryWithFiles(name, files).toString());
    }

    /** The directory behind {@link #codeWithFiles}: {@code lib/<name>.jar} and the files. */
    public static Path directoryWithFiles(String name, Map<String, byte[]> files) {
        Path jar = jar(name);
        try {
            // the jar's directory is named after its content hash (see extract): no need to read it again
            StringBuilder fingerprint = new StringBuilder(jar.getParent().getFileName().toString());
            new java.util.TreeMap<>(files).forEach((path, bytes) ->
                    fingerprint.append('|').append(path).append('=').append(Hashing.sha256Hex(bytes)));
            Path dir = Path.of(System.getProperty("java.io.tmpdir"), "gatehouse-assets",
                    name + "-dir-" + Hashing.sha256Hex(fingerprint.toString()).substring(0, 16));
            if (!Files.isDirectory(dir)) {
                Path partial = Files.createTempDirectory(dir.getParent(), name + "-partial");
                Files.createDirectories(partial.resolve("lib"));
                Files.copy(jar, partial.resolve("lib").resolve(name + ".jar"));
                for (Map.Entry<String, byte[]> file : files.entrySet()) {
                    Path target = partial.resolve(file.getKey()).normalize();
                    if (!target.startsWith(partial)) {
                        throw new IllegalArgumentException("file path escapes the asset: " + file.getKey());
                    }
                    Files.createDirectories(target.getParent());
                    Files.write(target, file.getValue());
                }
                try {
                    Files.move(partial, dir, StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException e) {
                    // Another JVM made the same directory first; its content is the same.
                    if (!Files.isDirectory(dir)) {
                        throw e;
                    }
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("could not prepare the code asset of the bundled handler " + name, e);
        }
    }

    /** The handler jar on the local disk. */
    public static Path jar(String name) {
        return EXTRACTED.computeIfAbsent(name, HandlerAssets::extract);
    }

    private static Path extract(String name) {
        String resource = RESOURCE_FOLDER + name + ".jar";
        byte[] bytes;
        try (InputStream in = HandlerAssets.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The bundled handler jar " + resource + " is missing from the "
                        + "classpath. It is embedded when gatehouse-constructs is built with Maven "
                        + "(`./mvnw package`); an IDE build of the sources alone does not produce it.");
            }
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the bundled handler jar " + resource, e);
        }
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "gatehouse-assets",
                name + "-" + Hashing.sha256Hex(bytes).substring(0, 16));
        Path target = dir.resolve(name + ".jar");
        try {
            if (Files.isRegularFile(target) && Files.size(target) == bytes.length) {
                return target;
            }
            Files.createDirectories(dir);
            Path partial = Files.createTempFile(dir, name, ".partial");
            Files.write(partial, bytes);
            try {
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the bundled handler jar to " + target, e);
        }
    }
}
