package dev.gatehouse.lambda.jwt;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Finds the shaded jwt-authorizer jar and runs mains against it in a fresh JVM. */
final class ShadedJar {
    private ShadedJar() {}

    /** {@code lambda-handlers/target/...-jwt-authorizer.jar}, found from the test classes directory. */
    static Path jar() throws IOException {
        Path target = testClasses().getParent();
        try (var files = Files.list(target)) {
            return files.filter(p -> p.getFileName().toString().endsWith("-jwt-authorizer.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no *-jwt-authorizer.jar in " + target
                            + " (built at process-classes)"));
        }
    }

    static Path testClasses() {
        try {
            return Path.of(ShadedJar.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The result of a child JVM: exit code, output, wall time, and the CPU time it printed (or -1). */
    record Run(int exitCode, String output, long millis) {
        long cpuMillis() {
            for (String line : output.split("\\R")) {
                if (line.startsWith("cpu-ms ")) {
                    return Long.parseLong(line.substring("cpu-ms ".length()).trim());
                }
            }
            return -1;
        }
    }

    /**
     * Runs {@code mainClass} (from the test classes) in a fresh JVM whose class path is the given
     * entries plus a copy of just that class, with the given extra environment.
     */
    static Run run(List<Path> classPath, Class<?> mainClass, Map<String, String> env, String... args)
            throws IOException, InterruptedException {
        Path onlyMain = Files.createTempDirectory("gatehouse-main");
        String relative = mainClass.getName().replace('.', '/') + ".class";
        Path copy = onlyMain.resolve(relative);
        Files.createDirectories(copy.getParent());
        Files.copy(testClasses().resolve(relative), copy);
        List<String> entries = new ArrayList<>();
        classPath.forEach(p -> entries.add(p.toString()));
        entries.add(onlyMain.toString());
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", String.join(java.io.File.pathSeparator, entries),
                mainClass.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(k -> k.startsWith("GATEHOUSE_"));
        builder.environment().putAll(env);
        long started = System.nanoTime();
        Process process = builder.start();
        String output;
        try (InputStream in = process.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("child JVM did not finish");
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        return new Run(process.exitValue(), output, millis);
    }
}
