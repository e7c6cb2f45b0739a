package dev.gatehouse.checks.cfn;

import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the database file ({@code db.json.gz} of {@code @aws-cdk/aws-service-spec}) without
 * configuration, in any project:
 *
 * <ol>
 *   <li>the system property {@code gatehouse.cfnSpec}: the path of a {@code db.json.gz}, to use
 *       another version than the pinned one;</li>
 *   <li>the copy inside the gatehouse-checks jar ({@value #BUNDLED}, with its {@code package.json}
 *       and license), put there by the build from the version pinned in the repository's
 *       {@code package.json}: a Maven dependency is all a project needs;</li>
 *   <li>the system property {@code gatehouse.root}: a directory whose {@code node_modules} holds
 *       the package;</li>
 *   <li>{@code node_modules} in the working directory and each of its parents.</li>
 * </ol>
 *
 * The last two are for a gatehouse-checks built without its copy (classes compiled by an IDE
 * that skipped the Maven resources).
 */
public final class CfnSpecLocator {
    /** System property naming the database file explicitly. */
    public static final String FILE_PROPERTY = "gatehouse.cfnSpec";
    /** System property naming the directory that holds {@code node_modules}. */
    public static final String ROOT_PROPERTY = "gatehouse.root";
    /** The database's place on the classpath, relative to this class. */
    public static final String BUNDLED = "aws-service-spec/db.json.gz";
    static final Path RELATIVE = Path.of("node_modules", "@aws-cdk", "aws-service-spec", "db.json.gz");

    private CfnSpecLocator() {
    }

    /**
     * The database file, or the copy inside the jar.
     *
     * @throws IllegalStateException when it is nowhere to be found, naming where it looked and how
     *     to fix it
     */
    public static URL locate() {
        String explicit = System.getProperty(FILE_PROPERTY);
        if (explicit != null && !explicit.isBlank()) {
            Path file = Path.of(explicit);
            if (Files.isRegularFile(file)) {
                return url(file);
            }
            throw new IllegalStateException("-D" + FILE_PROPERTY + "=" + explicit + " names no file. Point it at "
                    + CfnSpec.PACKAGE + "'s db.json.gz, or leave it unset to use the copy inside gatehouse-checks.");
        }
        URL bundled = CfnSpecLocator.class.getResource(BUNDLED);
        if (bundled != null) {
            return bundled;
        }
        List<Path> tried = new ArrayList<>();
        String root = System.getProperty(ROOT_PROPERTY);
        if (root != null && !root.isBlank()) {
            tried.add(Path.of(root).resolve(RELATIVE));
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            tried.add(dir.resolve(RELATIVE));
        }
        for (Path candidate : tried) {
            if (Files.isRegularFile(candidate)) {
                return url(candidate);
            }
        }
        throw new IllegalStateException("The CloudFormation resource database (" + CfnSpec.PACKAGE + ") is not on the "
                + "classpath: this gatehouse-checks was built without its copy (" + CfnSpecLocator.class.getPackageName()
                .replace('.', '/') + "/" + BUNDLED + "), and no node_modules holds it (looked for " + tried + "). Fix: "
                + "depend on a gatehouse-checks jar built by Maven (it carries the database), or set -D" + FILE_PROPERTY
                + "=node_modules/@aws-cdk/aws-service-spec/db.json.gz after `npm install " + CfnSpec.PACKAGE + "`.");
    }

    private static URL url(Path file) {
        try {
            return file.toAbsolutePath().toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("not a file path: " + file, e);
        }
    }
}
