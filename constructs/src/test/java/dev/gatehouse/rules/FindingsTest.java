package dev.gatehouse.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How findings are collected, sorted by severity, and written. */
class FindingsTest {
    @Test
    void aFindingNamesItsRuleSubjectProblemAndFix() {
        Finding finding = new Finding(Rules.PATH_SYNTAX, "route 'GET orders'", "the path does not start with '/'.",
                "write '/orders'.");
        assertEquals("[GH101] route 'GET orders': the path does not start with '/'. Fix: write '/orders'.",
                finding.getMessage());
        assertEquals(finding.getMessage(), finding.toString());
        assertEquals(Rules.PATH_SYNTAX, finding.getRule());
        assertEquals("route 'GET orders'", finding.getSubject());
        assertEquals("the path does not start with '/'.", finding.getProblem());
        assertEquals("write '/orders'.", finding.getFix());
    }

    @Test
    void rulesPrintAsIdAndTitle() {
        assertEquals("GH106 Resource count within API Gateway's default quota", Rules.RESOURCE_QUOTA.toString());
        assertEquals(Severity.WARNING, Rules.RESOURCE_QUOTA.getSeverity());
        assertEquals("GH106", Rules.RESOURCE_QUOTA.getId());
        assertEquals("Resource count within API Gateway's default quota", Rules.RESOURCE_QUOTA.getTitle());
        assertTrue(Rules.RESOURCE_QUOTA.getExplanation().startsWith("API Gateway's default quota is 300 resources"));
    }

    @Test
    void errorsAndWarningsAreToldApart() {
        Findings findings = new Findings();
        assertTrue(findings.isEmpty());
        assertFalse(findings.hasErrors());

        findings.report(Rules.RESOURCE_QUOTA, "api", "too many resources.", "ask for more.");
        assertFalse(findings.isEmpty());
        assertFalse(findings.hasErrors(), "a warning is not an error");

        Findings more = new Findings();
        more.report(Rules.PATH_SYNTAX, "route 'GET x'", "bad.", "fix it.");
        findings.addAll(more);

        assertTrue(findings.hasErrors());
        assertEquals(List.of("GH106", "GH101"), findings.all().stream().map(f -> f.getRule().getId()).toList());
        assertEquals(List.of("GH101"), findings.withSeverity(Severity.ERROR).stream().map(f -> f.getRule().getId()).toList());
        assertEquals(List.of("GH106"), findings.withSeverity(Severity.WARNING).stream().map(f -> f.getRule().getId()).toList());
        assertThrows(UnsupportedOperationException.class, () -> findings.all().clear());
    }
}
