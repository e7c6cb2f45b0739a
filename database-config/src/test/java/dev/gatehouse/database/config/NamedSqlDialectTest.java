package dev.gatehouse.database.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Where PostgreSQL and MySQL read the same characters differently, and so where a {@code :name}
 * is or is not a parameter. A wrong parse binds a value where the SQL has text, or leaves a
 * placeholder in a literal.
 */
class NamedSqlDialectTest {
    private static List<String> pg(String sql) {
        return NamedSql.parse(sql, DatabaseEngine.POSTGRESQL).statements().get(0).placeholders();
    }

    private static List<String> my(String sql) {
        return NamedSql.parse(sql, DatabaseEngine.MYSQL).statements().get(0).placeholders();
    }

    @Test
    void doubleQuotesAreIdentifiersWithoutEscapesInPostgresButStringsWithEscapesInMysql() {
        // PostgreSQL: "a\" is a whole identifier; the backslash is an ordinary character
        assertEquals(List.of("x"), pg("SELECT \"a\\\" , :x"));
        // MySQL: "it\"s :nope" is one string; \" does not end it
        assertEquals(List.of("x"), my("SELECT \"it\\\"s :nope\", :x"));
    }

    @Test
    void unterminatedDoubleQuotesAreNamedAfterWhatTheyAreInEachDialect() {
        SqlSyntaxException pg = assertThrows(SqlSyntaxException.class,
                () -> NamedSql.parse("SELECT \"abc", DatabaseEngine.POSTGRESQL));
        assertEquals("unterminated quoted identifier (at character 8)", pg.getMessage());
        assertEquals(7, pg.position());
        SqlSyntaxException my = assertThrows(SqlSyntaxException.class,
                () -> NamedSql.parse("SELECT \"abc", DatabaseEngine.MYSQL));
        assertEquals("unterminated string literal (at character 8)", my.getMessage());
    }

    @Test
    void escapeStringsTakeAnEPrefixOfEitherCaseOnlyAsAWordOfTheirOwn() {
        // E'...' and e'...': \' does not end the string
        assertEquals(List.of("x"), pg("SELECT E'it\\'s :nope', :x"));
        assertEquals(List.of("x"), pg("SELECT e'it\\'s :nope', :x"));
        assertEquals(List.of("x"), pg("E'\\' :nope' || :x"));
        // namE'\' is the identifier namE then the standard string '\' (the backslash is text)
        assertEquals(List.of("x"), pg("SELECT namE'\\' :x"));
        assertEquals(List.of("x"), pg("xE'\\' :x"));
        assertEquals(List.of("x"), pg("SELECT F'\\' :x"));
        assertEquals(List.of("x"), pg("'C:\\' || :x"));
    }

    @Test
    void doubledQuotesStayInsideTheLiteral() {
        assertEquals(List.of("x"), pg("SELECT 'a''b :nope', :x"));
        assertEquals(List.of("x"), pg("SELECT '', :x"));
        assertEquals(List.of("x"), pg("SELECT :x, 'end'"));
        assertEquals(List.of("x"), my("SELECT `a``b :nope`, :x"));
    }

    @Test
    void mysqlDoubleDashIsACommentOnlyBeforeWhitespaceOrTheEnd() {
        assertEquals(List.of("a"), my("SELECT :a --"));
        assertEquals(List.of("a"), my("SELECT :a -- :nope"));
        assertEquals(List.of("a", "b"), my("SELECT :a --:b"));
        assertEquals(List.of("a"), pg("SELECT :a --:nope"));
    }

    @Test
    void bareQuestionMarkMessageMentionsTheJsonbOperatorOnlyForPostgres() {
        SqlSyntaxException pg = assertThrows(SqlSyntaxException.class,
                () -> NamedSql.parse("SELECT ?", DatabaseEngine.POSTGRESQL));
        assertEquals("a bare '?' is not allowed: use :name parameters, and write the jsonb operator ? as ??"
                + " (at character 8)", pg.getMessage());
        SqlSyntaxException my = assertThrows(SqlSyntaxException.class,
                () -> NamedSql.parse("SELECT ?", DatabaseEngine.MYSQL));
        assertEquals("a bare '?' is not allowed: use :name parameters (at character 8)", my.getMessage());
        assertThrows(SqlSyntaxException.class, () -> NamedSql.parse("SELECT a ?? b", DatabaseEngine.MYSQL));
    }

    @Test
    void aColonRightAfterACastIsText() {
        NamedSql.Statement s = NamedSql.parse("SELECT a:::b, :c", DatabaseEngine.POSTGRESQL).statements().get(0);
        assertEquals(List.of("c"), s.placeholders());
        assertEquals("SELECT a:::b, ?", s.positionalSql());
        assertEquals(List.of("a"), pg(":a"));
        assertEquals(List.of("a"), pg(":a::int"));
    }

    @Test
    void dollarQuotesNeedATagThatIsNotPartOfAWordOrNumber() {
        assertEquals(List.of("x"), pg("$$ :nope $$ || :x"));
        assertEquals(List.of("x"), pg("SELECT $a$ :nope $a$ || :x"));
        assertEquals(List.of("x"), pg("SELECT $_t1$ :nope $_t1$ || :x"));
        // $$ right after a number is not a dollar quote; nor is a lone or unclosed tag
        assertEquals(List.of("x"), pg("SELECT 1$$, :x"));
        assertEquals(List.of("x"), pg("SELECT :x $"));
        assertEquals(List.of("x"), pg("SELECT :x, $abc"));
        assertEquals(List.of("x"), pg("SELECT $1, :x"));
        // in MySQL '$' is an ordinary character
        assertEquals(List.of("x", "nope"), my("SELECT $$ :x $$ :nope"));
    }

    @Test
    void nestedBlockCommentsInPostgresOnly() {
        assertEquals(List.of("x"), pg("SELECT /* a /* b */ :nope */ :x"));
        assertEquals(List.of("yes", "x"), my("SELECT /* a /* b */ :yes /* c */ :x"));
    }

    @Test
    void statementsAreTrimmed() {
        NamedSql sql = NamedSql.parse("SELECT 1  ;\n  SELECT :a  ;  :b + 1 ; SELECT 2 + :c",
                DatabaseEngine.POSTGRESQL);
        assertEquals(List.of("SELECT 1", "SELECT ?", "? + 1", "SELECT 2 + ?"),
                sql.statements().stream().map(NamedSql.Statement::positionalSql).toList());
        assertEquals("SELECT ?", sql.statements().get(1).toString());
        assertEquals("SELECT 1  ;\n  SELECT :a  ;  :b + 1 ; SELECT 2 + :c", sql.source());
        assertEquals(List.of("SELECT"), sql.statements().get(1).words());
        assertEquals("", sql.statements().get(2).firstKeyword());
    }
}
