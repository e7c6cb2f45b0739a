package dev.gatehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.api.GatewayApi;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.services.apigateway.CfnRestApi;

/**
 * The naming rule of docs/design.md ("Names"): no public Gatehouse type shares its simple name with
 * a type of aws-cdk-lib's {@code software.amazon.awscdk.services.apigateway}, so that a user can
 * import both packages side by side. Checked for every public top-level type under
 * {@code dev.gatehouse} that a user's app gets with gatehouse-constructs: this module's and those of
 * its runtime dependencies (Maven passes their classpath as {@code gatehouse.runtime.classpath}).
 */
class NamingRuleTest {
    private static final String CDK_PACKAGE = "software/amazon/awscdk/services/apigateway/";
    private static final String GATEHOUSE_PACKAGE = "dev/gatehouse/";

    @Test
    void noPublicGatehouseTypeIsNamedLikeATypeOfCdksApiGatewayPackage() throws IOException {
        // Given the types of the aws-cdk-lib jar's apigateway package
        Set<String> cdkTypes = new TreeSet<>();
        for (String entry : entries(location(CfnRestApi.class))) {
            topLevelClass(entry, CDK_PACKAGE, false).ifPresent(name -> cdkTypes.add(simpleName(name)));
        }
        assertTrue(cdkTypes.containsAll(Set.of("RestApi", "LambdaIntegration", "ThrottleSettings", "CorsOptions")),
                "the aws-cdk-lib jar was not read: " + cdkTypes);

        // And Gatehouse's public types on the constructs' runtime classpath
        Map<String, List<String>> gatehouseTypes = new TreeMap<>();
        for (Path location : gatehouseLocations()) {
            for (String entry : entries(location)) {
                topLevelClass(entry, GATEHOUSE_PACKAGE, true).filter(NamingRuleTest::isPublic).ifPresent(name ->
                        gatehouseTypes.computeIfAbsent(simpleName(name), k -> new ArrayList<>()).add(name));
            }
        }
        assertTrue(gatehouseTypes.keySet().containsAll(Set.of("GatewayApi", "Integrations", "DatabaseRoutes", "RouteScopes")),
                "expected the constructs and their dev.gatehouse dependencies: " + gatehouseTypes.keySet());

        // When the names are compared
        List<String> clashes = new ArrayList<>();
        gatehouseTypes.forEach((simpleName, types) -> {
            if (cdkTypes.contains(simpleName)) {
                clashes.addAll(types);
            }
        });

        // Then none is shared
        assertEquals(List.of(), clashes, "these public types share their simple name with a type of "
                + "software.amazon.awscdk.services.apigateway; rename them (docs/design.md, \"Names\")");
    }

    @Test
    void theRuntimeClasspathComesFromMaven() {
        String classpath = System.getProperty("gatehouse.runtime.classpath", "");
        assertFalse(classpath.isBlank() || classpath.contains("${"),
                "run through Maven, which passes the constructs' runtime classpath: '" + classpath + "'");
        assertTrue(classpath.contains("aws-cdk-lib"), classpath);
    }

    /** This module's classes and every runtime dependency that has dev.gatehouse classes. */
    private static List<Path> gatehouseLocations() throws IOException {
        List<Path> locations = new ArrayList<>();
        locations.add(location(GatewayApi.class));
        for (String element : System.getProperty("gatehouse.runtime.classpath", "").split(File.pathSeparator)) {
            if (!element.isBlank()) {
                locations.add(Path.of(element));
            }
        }
        return locations;
    }

    /** The class-file names in a jar or a classes directory, with '/' separators. */
    private static List<String> entries(Path location) throws IOException {
        if (Files.isDirectory(location)) {
            try (Stream<Path> files = Files.walk(location)) {
                return files.filter(Files::isRegularFile)
                        .map(file -> location.relativize(file).toString().replace(File.separatorChar, '/')).toList();
            }
        }
        try (ZipFile jar = new ZipFile(location.toFile())) {
            return jar.stream().map(ZipEntry::getName).toList();
        }
    }

    /**
     * The binary name of a top-level class file in {@code packagePath} (and its subpackages, if
     * {@code subpackages}), skipping nested classes and package-info.
     */
    private static Optional<String> topLevelClass(String entry, String packagePath, boolean subpackages) {
        if (!entry.startsWith(packagePath) || !entry.endsWith(".class") || entry.contains("$")
                || entry.endsWith("package-info.class") || entry.endsWith("module-info.class")) {
            return Optional.empty();
        }
        if (!subpackages && entry.indexOf('/', packagePath.length()) >= 0) {
            return Optional.empty();
        }
        return Optional.of(entry.substring(0, entry.length() - ".class".length()).replace('/', '.'));
    }

    private static boolean isPublic(String className) {
        try {
            return Modifier.isPublic(Class.forName(className, false, NamingRuleTest.class.getClassLoader()).getModifiers());
        } catch (ClassNotFoundException e) {
            throw new AssertionError(className + " is on the runtime classpath but cannot be loaded", e);
        }
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    private static Path location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("no location for " + type, e);
        }
    }
}
