package dev.gatehouse.docs;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every ```java block in README.md and docs/ compiles against the current code. A block that
 * declares a package is a whole file and compiles exactly as written (its own imports only); a
 * block that declares a class is compiled as a source file; any other block as the body of a
 * Stack's constructor (see {@link DocsExampleBase}).
 */
class DocsSnippetsCompileTest {
    private static final Path ROOT = Path.of(System.getProperty("gatehouse.root", ".."));
    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern PACKAGE_DECLARATION = Pattern.compile("^package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
    private static final Pattern PUBLIC_TYPE =
            Pattern.compile("^(?:public\\s+)?(?:(?:abstract|final)\\s+)?(?:class|interface|record|enum)\\s+(\\w+)", Pattern.MULTILINE);
    private static final Pattern CLASS_DECLARATION =
            Pattern.compile("^(public\\s+)?((abstract|final)\\s+)?class\\s", Pattern.MULTILINE);
    private static final String IMPORTS = String.join("\n",
            "import com.fasterxml.jackson.databind.JsonNode;",
            "import com.fasterxml.jackson.databind.node.JsonNodeFactory;",
            "import com.fasterxml.jackson.databind.node.ObjectNode;",
            "import dev.gatehouse.api.*;",
            "import dev.gatehouse.auth.*;",
            "import dev.gatehouse.database.*;",
            "import dev.gatehouse.database.config.*;",
            "import dev.gatehouse.functions.*;",
            "import dev.gatehouse.integrations.*;",
            "import dev.gatehouse.rules.*;",
            "import dev.gatehouse.sample.*;",
            "import java.util.List;",
            "import java.util.Map;",
            "import software.amazon.awscdk.*;",
            "import software.amazon.awscdk.services.apigateway.IdentitySource;",
            "import software.amazon.awscdk.services.certificatemanager.Certificate;",
            "import software.amazon.awscdk.services.certificatemanager.ICertificate;",
            "import software.amazon.awscdk.services.cognito.UserPool;",
            "import software.amazon.awscdk.services.ec2.InterfaceVpcEndpoint;",
            "import software.amazon.awscdk.services.ec2.InterfaceVpcEndpointAwsService;",
            "import software.amazon.awscdk.services.ec2.Vpc;",
            "import software.amazon.awscdk.services.iam.AccountRootPrincipal;",
            "import software.amazon.awscdk.services.iam.Role;",
            "import software.amazon.awscdk.services.lambda.Alias;",
            "import software.amazon.awscdk.services.lambda.Function;",
            "import software.amazon.awscdk.services.lambda.IFunction;",
            "import software.amazon.awscdk.services.logs.LogGroup;",
            "import software.amazon.awscdk.services.rds.AuroraPostgresClusterEngineProps;",
            "import software.amazon.awscdk.services.rds.AuroraPostgresEngineVersion;",
            "import software.amazon.awscdk.services.rds.ClusterInstance;",
            "import software.amazon.awscdk.services.rds.DatabaseCluster;",
            "import software.amazon.awscdk.services.rds.DatabaseClusterEngine;",
            "import software.amazon.awscdk.services.rds.DatabaseProxy;",
            "import software.amazon.awscdk.services.rds.DatabaseProxyOptions;",
            "import software.amazon.awscdk.services.logs.RetentionDays;",
            "import software.constructs.Construct;",
            "");

    record Snippet(String origin, String code) {
    }

    static List<Snippet> snippets() throws IOException {
        List<Path> files = new ArrayList<>();
        files.add(ROOT.resolve("README.md"));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
        }
        List<Snippet> result = new ArrayList<>();
        for (Path file : files) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            Matcher m = JAVA_BLOCK.matcher(text);
            while (m.find()) {
                int line = (int) text.substring(0, m.start()).lines().count() + 1;
                result.add(new Snippet(ROOT.relativize(file) + ":" + line, m.group(1)));
            }
        }
        return result;
    }

    static JavaFileObject source(String className, String code) {
        return new SimpleJavaFileObject(URI.create("string:///" + className.replace('.', '/') + ".java"),
                JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return code;
            }
        };
    }

    @Test
    void everyJavaSnippetInTheDocsCompiles(@TempDir Path out) throws IOException {
        List<Snippet> snippets = snippets();
        assertTrue(snippets.size() >= 10, "expected the docs to have Java examples, found " + snippets.size());

        List<JavaFileObject> sources = new ArrayList<>();
        for (int i = 0; i < snippets.size(); i++) {
            Snippet s = snippets.get(i);
            String pkg = "docs.snippet" + i;
            String header = "// " + s.origin() + "\npackage " + pkg + ";\n" + IMPORTS;
            Matcher declaredPackage = PACKAGE_DECLARATION.matcher(s.code());
            Matcher declaredClass = PUBLIC_TYPE.matcher(s.code());
            if (declaredPackage.find() && declaredClass.find()) {
                // a whole file, as a reader copies it: its own package and imports, nothing added
                sources.add(source(declaredPackage.group(1) + "." + declaredClass.group(1),
                        "// " + s.origin() + "\n" + s.code()));
            } else if (CLASS_DECLARATION.matcher(s.code()).find()) {
                String code = s.code().replaceAll("(?m)^public\\s+((abstract|final)\\s+)?class\\s", "$1class ");
                sources.add(source(pkg + ".Snippet", header + code));
            } else {
                sources.add(source(pkg + ".Snippet", header
                        + "class Snippet extends dev.gatehouse.docs.DocsExampleBase {\n"
                        + "  Snippet(Construct scope) {\n    super(scope);\n" + s.code() + "\n  }\n}\n"));
            }
        }

        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        StringWriter output = new StringWriter();
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
            boolean ok = compiler.getTask(output, files, diagnostics,
                    List.of("-classpath", classpath, "-d", out.toString(), "-proc:none"), null, sources).call();
            StringBuilder report = new StringBuilder();
            diagnostics.getDiagnostics().stream()
                    .filter(d -> d.getKind() == javax.tools.Diagnostic.Kind.ERROR)
                    .forEach(d -> report.append(originOf(d.getSource())).append(" (snippet line ")
                            .append(d.getLineNumber()).append("): ").append(d.getMessage(null)).append('\n'));
            assertFalse(!ok, "documentation snippets do not compile:\n" + report + output);
        }
    }

    private static String originOf(JavaFileObject source) {
        try {
            return source.getCharContent(true).toString().lines().findFirst().orElse("?");
        } catch (IOException e) {
            return source.getName();
        }
    }
}
