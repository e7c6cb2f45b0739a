package dev.gatehouse.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * Every ```java block in README.md and docs/ compiles against the current code, with exactly the
 * imports its page shows, so that a reader who copies a snippet and its page's imports has code that
 * compiles. A page shows its imports in a block of nothing but import lines; a snippet may add its
 * own import lines. A block that declares a package is a whole file and compiles exactly as written
 * (its own imports only); a block that declares a class is compiled as a source file; any other
 * block as the body of a Stack's constructor (see {@link DocsExampleBase}).
 */
class DocsSnippetsCompileTest {
    private static final Path ROOT = Path.of(System.getProperty("gatehouse.root", ".."));
    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern PACKAGE_DECLARATION = Pattern.compile("^package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
    private static final Pattern PUBLIC_TYPE =
            Pattern.compile("^(?:public\\s+)?(?:(?:abstract|final)\\s+)?(?:class|interface|record|enum)\\s+(\\w+)", Pattern.MULTILINE);
    private static final Pattern CLASS_DECLARATION =
            Pattern.compile("^(public\\s+)?((abstract|final)\\s+)?class\\s", Pattern.MULTILINE);
    /** A line that imports a type, a package's types or a static member. */
    private static final Pattern IMPORT_LINE = Pattern.compile("^import\\s+(static\\s+)?[\\w.]+(\\.\\*)?\\s*;\\s*$");

    /**
     * One block of a page.
     *
     * @param page the page's path, e.g. {@code docs/access-control.md}
     * @param origin the page and line, for messages
     */
    record Snippet(String page, String origin, String code) {
        /** Whether every line that is not blank or a comment imports something: the page's imports. */
        boolean isImportsBlock() {
            List<String> lines = code.lines().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("//")).toList();
            return !lines.isEmpty() && lines.stream().allMatch(line -> IMPORT_LINE.matcher(line).matches());
        }

        /** The snippet's own import lines. */
        List<String> imports() {
            return code.lines().map(String::strip).filter(line -> IMPORT_LINE.matcher(line).matches()).toList();
        }

        /** The snippet without its import lines. */
        String body() {
            return code.lines().filter(line -> !IMPORT_LINE.matcher(line.strip()).matches())
                    .collect(java.util.stream.Collectors.joining("\n", "", "\n"));
        }
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
                result.add(new Snippet(ROOT.relativize(file).toString(), ROOT.relativize(file) + ":" + line, m.group(1)));
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

    /**
     * The imports each page declares for its snippets: the union of its blocks that hold nothing but
     * imports, in page order.
     */
    static Map<String, List<String>> pageImports(List<Snippet> snippets) {
        Map<String, List<String>> byPage = new LinkedHashMap<>();
        for (Snippet s : snippets) {
            List<String> imports = byPage.computeIfAbsent(s.page(), page -> new ArrayList<>());
            if (s.isImportsBlock()) {
                s.imports().stream().filter(line -> !imports.contains(line)).forEach(imports::add);
            }
        }
        return byPage;
    }

    /**
     * The compilation unit of one snippet, with exactly the imports a reader sees: the page's
     * imports block and the snippet's own import lines; nothing hidden. A statement snippet is the
     * body of a Stack's constructor ({@link DocsExampleBase}, named in full so as to import nothing).
     */
    static JavaFileObject compilationUnit(int index, Snippet s, List<String> pageImports) {
        String pkg = "docs.snippet" + index;
        List<String> imports = new ArrayList<>(pageImports);
        s.imports().stream().filter(line -> !imports.contains(line)).forEach(imports::add);
        String header = "// " + s.origin() + "\npackage " + pkg + ";\n" + String.join("\n", imports) + "\n";
        Matcher declaredPackage = PACKAGE_DECLARATION.matcher(s.code());
        Matcher declaredClass = PUBLIC_TYPE.matcher(s.code());
        if (declaredPackage.find() && declaredClass.find()) {
            // a whole file, as a reader copies it: its own package and imports, nothing added
            return source(declaredPackage.group(1) + "." + declaredClass.group(1), "// " + s.origin() + "\n" + s.code());
        }
        if (CLASS_DECLARATION.matcher(s.code()).find()) {
            String code = s.body().replaceAll("(?m)^public\\s+((abstract|final)\\s+)?class\\s", "$1class ");
            return source(pkg + ".Snippet", header + code);
        }
        return source(pkg + ".Snippet", header
                + "class Snippet extends dev.gatehouse.docs.DocsExampleBase {\n"
                + "  Snippet(software.constructs.Construct scope) {\n    super(scope);\n" + s.body() + "\n  }\n}\n");
    }

    @Test
    void everyJavaSnippetInTheDocsCompilesWithItsPagesImports(@TempDir Path out) throws IOException {
        List<Snippet> snippets = snippets();
        assertTrue(snippets.size() >= 10, "expected the docs to have Java examples, found " + snippets.size());
        Map<String, List<String>> imports = pageImports(snippets);

        List<JavaFileObject> sources = new ArrayList<>();
        for (int i = 0; i < snippets.size(); i++) {
            Snippet s = snippets.get(i);
            if (!s.isImportsBlock()) {
                sources.add(compilationUnit(i, s, imports.get(s.page())));
            }
        }
        String report = compile(sources, out);
        assertTrue(report.isEmpty(), "documentation snippets do not compile with the imports their page shows "
                + "(a page lists them in a ```java block of import lines):\n" + report);
    }

    @Test
    void aPageMissingAnImportFailsToCompile(@TempDir Path out) {
        // Given a statement snippet that uses GatewayApi, on a page whose imports block lacks it
        Snippet uses = new Snippet("docs/x.md", "docs/x.md:9", "GatewayApi other = new GatewayApi(this, \"Other\");\n");
        Snippet declared = new Snippet("docs/x.md", "docs/x.md:3", "import java.util.List;\n");
        List<String> pageImports = pageImports(List.of(declared, uses)).get("docs/x.md");
        assertEquals(List.of("import java.util.List;"), pageImports);
        // When compiled as the test compiles pages, then it fails, naming the page's snippet and the type
        String report = compile(List.of(compilationUnit(0, uses, pageImports)), out);
        assertTrue(report.contains("docs/x.md:9") && report.contains("GatewayApi"), report);
        // and with the import shown on the page, it compiles
        assertEquals("", compile(List.of(compilationUnit(1, uses, List.of("import dev.gatehouse.api.GatewayApi;"))),
                out));
    }

    /** Compiles {@code sources}; the errors, one per line with the snippet's origin, or "" when none. */
    private static String compile(List<JavaFileObject> sources, Path out) {
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
                    .forEach(d -> report.append(originOf(d.getSource())).append(" (line ")
                            .append(d.getLineNumber()).append(" of the compiled unit): ").append(d.getMessage(null))
                            .append('\n'));
            return ok ? "" : report.append(output).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
