package dev.gatehouse.database.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NamedSqlTest {
    private static NamedSql pg(String sql) {
        return NamedSql.parse(sql, DatabaseEngine.POSTGRESQL);
    }

    private static NamedSql my(String sql) {
        return NamedSql.parse(sql, DatabaseEngine.MYSQL);
    }

    @Test
    void replacesPlaceholdersWithPositionalMarksInOrderIncludingRepeats() {
        NamedSql sql = pg("SELECT * FROM t WHERE a = :a AND (b = :b OR :a IS NULL)");

        NamedSql.Statement s = sql.statements().get(0);
        assertEquals("SELECT * FROM t WHERE a = ? AND (b = ? OR ? IS NULL)", s.positionalSql());
        assertEquals(List.of("a", "b", "a"), s.placeholders());
        assertEquals(Set.of("a", "b"), sql.parameterNames());
    }

    @Test
    void ignoresCastsStringsQuotedIdentifiersCommentsAndDollarQuotes() {
        NamedSql sql = pg("SELECT :id::bigint, ':nope', E'it\\'s :nope', \"col:nope\", 'a''b :nope' "
                + "-- :nope in a comment\n /* :nope /* nested :nope */ still :nope */ "
                + "$$ :nope $$, $tag$ :nope $$ :nope $tag$, x::text, :other");

        assertEquals(List.of("id", "other"), sql.statements().get(0).placeholders());
        assertTrue(sql.statements().get(0).positionalSql().startsWith("SELECT ?::bigint, ':nope'"));
    }

    @Test
    void keepsPostgresJsonbQuestionMarkEscapesAndPositionalDollarParameters() {
        NamedSql sql = pg("SELECT data ?? 'k', a$b FROM t WHERE x = :x");

        assertEquals("SELECT data ?? 'k', a$b FROM t WHERE x = ?", sql.statements().get(0).positionalSql());
    }

    @Test
    void readsMysqlBackslashEscapesBacktickIdentifiersAndHashComments() {
        NamedSql sql = my("SELECT `a:nope`, 'it\\'s :nope', \"dq :nope\", x -- :nope\n # :nope\n FROM t WHERE y = :y");

        assertEquals(List.of("y"), sql.statements().get(0).placeholders());
    }

    @Test
    void mysqlDoubleDashNeedsWhitespaceToStartAComment() {
        NamedSql sql = my("SELECT 1--:a\n");

        assertEquals(List.of("a"), sql.statements().get(0).placeholders());
    }

    @Test
    void splitsStatementsAtTopLevelSemicolonsOnly() {
        NamedSql sql = pg("INSERT INTO t VALUES (:a, ';'); -- done;\n UPDATE u SET x = :b; ;");

        assertEquals(2, sql.statements().size());
        assertEquals("INSERT INTO t VALUES (?, ';')", sql.statements().get(0).positionalSql());
        assertEquals(List.of("b"), sql.statements().get(1).placeholders());
        assertEquals("UPDATE", sql.statements().get(1).firstKeyword());
    }

    @Test
    void expandsAPlaceholderIntoSeveralMarks() {
        NamedSql.Statement s = my("SELECT * FROM t WHERE id IN (:ids) AND k = :k").statements().get(0);

        assertEquals("SELECT * FROM t WHERE id IN (?, ?, ?) AND k = ?", s.render(n -> n.equals("ids") ? 3 : 1));
        assertEquals("SELECT * FROM t WHERE id IN (?) AND k = ?", s.render(n -> 0));
    }

    @Test
    void colonsThatAreNotPlaceholdersStayLiteral() {
        NamedSql.Statement s = pg("SELECT a[1:2], x := 1, ':' || :v").statements().get(0);

        assertEquals(List.of("v"), s.placeholders());
        assertEquals("SELECT a[1:2], x := 1, ':' || ?", s.positionalSql());
    }

    @Test
    void rejectsUnterminatedLiteralsAndCommentsAndBareQuestionMarks() {
        for (String bad : List.of("SELECT 'abc", "SELECT \"abc", "SELECT /* x", "SELECT $$ x", "SELECT $t$ x $$",
                "SELECT * FROM t WHERE a = ?", "SELECT E'\\'")) {
            assertThrows(SqlSyntaxException.class, () -> pg(bad), bad);
        }
        for (String bad : List.of("SELECT 'a\\'", "SELECT `a", "SELECT ?", "SELECT /* /* */ */ x /* ")) {
            assertThrows(SqlSyntaxException.class, () -> my(bad), bad);
        }
    }

    @Test
    void postgresStandardStringsTreatBackslashAsText() {
        NamedSql.Statement s = pg("SELECT 'C:\\' || :v").statements().get(0);

        assertEquals(List.of("v"), s.placeholders());
    }

    @Test
    void dropsStatementsThatAreOnlyComments() {
        assertEquals(1, pg("SELECT 1; -- trailing\n").statements().size());
        assertTrue(pg("-- nothing\n").statements().isEmpty());
    }
}
