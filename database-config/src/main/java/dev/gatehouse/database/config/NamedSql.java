package dev.gatehouse.database.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.ToIntFunction;

/**
 * SQL with {@code :name} placeholders, split into statements at top-level {@code ;} and ready to be
 * rendered with JDBC's positional {@code ?}.
 *
 * <p>The parser knows where a colon is not a placeholder: {@code ::type} casts, string literals
 * ({@code '...'}, PostgreSQL {@code E'...'} with backslash escapes, MySQL {@code "..."} and
 * backslash escapes), quoted identifiers ({@code "..."} in PostgreSQL, {@code `...`} in MySQL),
 * comments ({@code --}, {@code /* *}{@code /} nested in PostgreSQL, {@code #} in MySQL) and
 * PostgreSQL dollar-quoted strings ({@code $$...$$}, {@code $tag$...$tag$}). A bare {@code ?}
 * outside those is rejected (write PostgreSQL's jsonb {@code ?} operator as {@code ??}).
 */
public final class NamedSql {
    private final String source;
    private final List<Statement> statements;

    private NamedSql(String source, List<Statement> statements) {
        this.source = source;
        this.statements = Collections.unmodifiableList(statements);
    }

    /**
     * Parses SQL written for {@code engine}.
     *
     * @throws SqlSyntaxException when a literal, identifier or comment is not terminated, or a bare
     *     {@code ?} appears
     */
    public static NamedSql parse(String sql, DatabaseEngine engine) {
        return new Parser(Objects.requireNonNull(sql, "sql"), Objects.requireNonNull(engine, "engine")).parse();
    }

    /** The SQL as written. */
    public String source() {
        return source;
    }

    /** The non-empty statements, in order. */
    public List<Statement> statements() {
        return statements;
    }

    /** Every parameter name used, in order of first use. */
    public Set<String> parameterNames() {
        Set<String> names = new LinkedHashSet<>();
        statements.forEach(s -> names.addAll(s.placeholders()));
        return Collections.unmodifiableSet(names);
    }

    /** One SQL statement: literal text and placeholders. */
    public static final class Statement {
        private final List<Object> parts; // String (literal text) or Placeholder
        private final List<String> placeholders;
        private final List<String> words;

        private Statement(List<Object> parts, List<String> words) {
            this.parts = Collections.unmodifiableList(parts);
            List<String> names = new ArrayList<>();
            for (Object p : parts) {
                if (p instanceof Placeholder) {
                    names.add(((Placeholder) p).name);
                }
            }
            this.placeholders = Collections.unmodifiableList(names);
            this.words = Collections.unmodifiableList(words);
        }

        /** Parameter names in the order their placeholders appear (repeats included). */
        public List<String> placeholders() {
            return placeholders;
        }

        /**
         * The upper-cased keywords and unquoted identifiers of the statement, in order, outside
         * literals and comments; used to tell reads from writes.
         */
        public List<String> words() {
            return words;
        }

        /** The first keyword ({@code SELECT}, {@code INSERT}...), or "" for none. */
        public String firstKeyword() {
            return words.isEmpty() ? "" : words.get(0);
        }

        /** The statement with each placeholder replaced by one {@code ?}. */
        public String positionalSql() {
            return render(name -> 1); // (render writes at least one '?': 0 here would be equivalent)
        }

        /**
         * The statement with each placeholder replaced by {@code arity(name)} comma-separated
         * {@code ?} (at least one), for MySQL array expansion.
         */
        public String render(ToIntFunction<String> arity) {
            StringBuilder sb = new StringBuilder();
            for (Object p : parts) {
                if (p instanceof Placeholder) {
                    int n = Math.max(1, arity.applyAsInt(((Placeholder) p).name));
                    for (int i = 0; i < n; i++) {
                        sb.append(i == 0 ? "?" : ", ?");
                    }
                } else {
                    sb.append((String) p);
                }
            }
            return sb.toString();
        }

        @Override
        public String toString() {
            return positionalSql();
        }
    }

    private static final class Placeholder {
        final String name;

        Placeholder(String name) {
            this.name = name;
        }
    }

    private static final class Parser {
        private final String sql;
        private final boolean pg;
        private final int n;
        private final List<Statement> statements = new ArrayList<>();
        private List<Object> parts = new ArrayList<>();
        private List<String> words = new ArrayList<>();
        private StringBuilder text = new StringBuilder();
        private boolean content;

        Parser(String sql, DatabaseEngine engine) {
            this.sql = sql;
            this.pg = engine == DatabaseEngine.POSTGRESQL;
            this.n = sql.length();
        }

        NamedSql parse() {
            int i = 0;
            while (i < n) {
                char c = sql.charAt(i);
                char next = i + 1 < n ? sql.charAt(i + 1) : '\0';
                if (c == '\'') {
                    boolean backslash = !pg || isEscapeStringPrefix(i);
                    i = copyQuoted(i, '\'', backslash, "string literal");
                } else if (c == '"') {
                    i = copyQuoted(i, '"', !pg, pg ? "quoted identifier" : "string literal");
                } else if (c == '`' && !pg) {
                    i = copyQuoted(i, '`', false, "quoted identifier");
                } else if (c == '-' && next == '-' && (pg || i + 2 >= n || Character.isWhitespace(sql.charAt(i + 2)))) {
                    i = copyLineComment(i);
                } else if (c == '#' && !pg) {
                    i = copyLineComment(i);
                } else if (c == '/' && next == '*') {
                    i = copyBlockComment(i);
                } else if (c == '$' && pg && dollarTagEnd(i) > 0) { // (never 0: ">= 0" is equivalent)
                    i = copyDollarQuoted(i, dollarTagEnd(i));
                } else if (c == ':') {
                    i = colon(i, next);
                } else if (c == '?') {
                    if (pg && next == '?') {
                        content = true;
                        text.append("??");
                        i += 2;
                    } else {
                        throw new SqlSyntaxException("a bare '?' is not allowed: use :name parameters"
                                + (pg ? ", and write the jsonb operator ? as ??" : ""), i);
                    }
                } else if (c == ';') {
                    endStatement();
                    i++;
                } else if (isIdentStart(c)) {
                    int end = i + 1;
                    while (end < n && isIdentPart(sql.charAt(end))) {
                        end++;
                    }
                    content = true;
                    words.add(sql.substring(i, end).toUpperCase(Locale.ROOT));
                    text.append(sql, i, end);
                    i = end;
                } else {
                    if (!Character.isWhitespace(c)) {
                        content = true;
                    }
                    text.append(c);
                    i++;
                }
            }
            endStatement();
            return new NamedSql(sql, statements);
        }

        private int colon(int i, char next) {
            if (next == ':') {
                // A ::type cast: both colons are literal, and the type name after them is not a placeholder.
                content = true;
                text.append("::");
                return i + 2;
            }
            boolean afterColon = i > 0 && sql.charAt(i - 1) == ':';
            if (isIdentStart(next) && next != '$' && !afterColon) {
                int end = i + 2;
                while (end < n && isIdentPart(sql.charAt(end)) && sql.charAt(end) != '$') {
                    end++;
                }
                flushText();
                parts.add(new Placeholder(sql.substring(i + 1, end)));
                content = true;
                return end;
            }
            content = true;
            text.append(':');
            return i + 1;
        }

        private boolean isEscapeStringPrefix(int quote) {
            if (quote == 0) {
                return false;
            }
            char p = sql.charAt(quote - 1);
            if (p != 'E' && p != 'e') {
                return false;
            }
            return quote - 2 < 0 || !isIdentPart(sql.charAt(quote - 2));
        }

        private int copyQuoted(int start, char quote, boolean backslash, String what) {
            int i = start + 1;
            while (i < n) {
                char c = sql.charAt(i);
                if (backslash && c == '\\') {
                    i += 2;
                } else if (c == quote) {
                    if (i + 1 < n && sql.charAt(i + 1) == quote) {
                        i += 2;
                    } else {
                        content = true;
                        text.append(sql, start, i + 1);
                        return i + 1;
                    }
                } else {
                    i++;
                }
            }
            throw new SqlSyntaxException("unterminated " + what, start);
        }

        private int copyLineComment(int start) {
            int end = sql.indexOf('\n', start);
            end = end < 0 ? n : end; // (end >= start > 0 when found: "<= 0" is equivalent)
            text.append(sql, start, end);
            return end;
        }

        private int copyBlockComment(int start) {
            int depth = 1;
            int i = start + 2;
            while (i < n) { // ("i <= n" adds one round that matches nothing: equivalent)
                if (sql.startsWith("*/", i)) {
                    depth--;
                    i += 2;
                    if (depth == 0 || !pg) {
                        text.append(sql, start, i);
                        return i;
                    }
                } else if (pg && sql.startsWith("/*", i)) {
                    depth++;
                    i += 2;
                } else {
                    i++;
                }
            }
            throw new SqlSyntaxException("unterminated /* comment", start);
        }

        /** End index (exclusive) of a dollar-quote opening tag at {@code i}, or -1 (0 would do: callers test > 0). */
        private int dollarTagEnd(int i) {
            if (i > 0 && isIdentPart(sql.charAt(i - 1))) {
                return -1; // part of an identifier such as a$b
            }
            int j = i + 1;
            if (j < n && sql.charAt(j) == '$') {
                return j + 1;
            }
            if (j >= n || !isIdentStart(sql.charAt(j)) || sql.charAt(j) == '$') {
                return -1; // $1 positional parameters, or a lone $
            }
            while (j < n && isIdentPart(sql.charAt(j)) && sql.charAt(j) != '$') {
                j++;
            }
            return j < n && sql.charAt(j) == '$' ? j + 1 : -1;
        }

        private int copyDollarQuoted(int start, int tagEnd) {
            String tag = sql.substring(start, tagEnd);
            int close = sql.indexOf(tag, tagEnd);
            if (close < 0) { // (close >= tagEnd > 0 when found: "<= 0" is equivalent)
                throw new SqlSyntaxException("unterminated dollar-quoted string " + tag, start);
            }
            int end = close + tag.length();
            content = true;
            text.append(sql, start, end);
            return end;
        }

        private void flushText() {
            // (">= 0" would add empty parts, which render and trimming treat as nothing: equivalent)
            if (text.length() > 0) {
                parts.add(text.toString());
                text = new StringBuilder();
            }
        }

        private void endStatement() {
            flushText();
            if (content) {
                // Trim surrounding whitespace of the statement text.
                if (!parts.isEmpty() && parts.get(0) instanceof String) {
                    parts.set(0, ((String) parts.get(0)).stripLeading());
                }
                int last = parts.size() - 1;
                if (last >= 0 && parts.get(last) instanceof String) {
                    parts.set(last, ((String) parts.get(last)).stripTrailing());
                }
                statements.add(new Statement(parts, words));
            }
            parts = new ArrayList<>();
            words = new ArrayList<>();
            content = false;
        }

        private static boolean isIdentStart(char c) {
            return Character.isLetter(c) || c == '_';
        }

        private static boolean isIdentPart(char c) {
            return Character.isLetterOrDigit(c) || c == '_' || c == '$';
        }
    }
}
