package dev.gatehouse.checks.cfn;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the database file ({@code node_modules/@aws-cdk/aws-service-spec/db.json.gz}) without
 * configuration in this repository's builds:
 *
 * <ol>
 *   <li>the system property {@code gatehouse.cfnSpec}: the path of a {@code db.json.gz};</li>
 *   <li>the system property {@code gatehouse.root}: a directory whose {@code node_modules} holds
 *       the package (the Maven builds pass the repository root);</li>
 *   <li>the working directory and each of its parents.</li>
 * </ol>
 */
public final class CfnSpecLocator {
    /** System property naming the database file explicitly. */
    public static final String FILE_PROPERTY = "gatehouse.cfnSpec";
    /** System property naming the directory that holds {@code node_modules}. */
    public static final String ROOT_PROPERTY = "gatehouse.root";
    static final Path RELATIVE = Path.of("node_modules", "@aws-cdk", "aws-service-spec", "db.json.gz");

    private CfnSpecLocator() {
    }

    /**
     * The database file.
     *
     * @throws IllegalStateException when it is nowhere to be found, naming where it looked and how
     *     to install it
     */
    public static Path locate() {
        List<Path> tried = new ArrayList<>();
        String explicit = System.getProperty(FILE_PROPERTY);
        if (explicit != null && !explicit.isBlank()) {
            Path file = Path.of(explicit);
            if (Files.isRegularFile(file)) {
                return file;
            }
            throw new IllegalStateException("-D" + FILE_PROPERTY + "=" + explicit + " names no file. Point it at "
                    + CfnSpec.PACKAGE + "'s db.json.gz, or leave it unset.");
        }
        String root = System.getProperty(ROOT_PROPERTY);
        if (root != null && !root.isBlank()) {
            Path candidate = Path.of(root).resolve(RELATIVE);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
            tried.add(candidate);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(RELATIVE);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
            tried.add(candidate);
        }
        throw new IllegalStateException("The CloudFormation resource database (" + CfnSpec.PACKAGE
                + ", pinned in the repository's package.json) is not installed; looked for " + tried
                + ". Run `npm ci` at the repository root (`./mvnw verify` does it when node_modules lacks it), "
                + "or set -D" + FILE_PROPERTY + "=/path/to/db.json.gz.");
    }
}
