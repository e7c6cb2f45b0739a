package dev.gatehouse.checks.posture;

import static dev.gatehouse.checks.GatehouseTemplate.STAGE;
import static dev.gatehouse.checks.GatehouseTemplate.at;
import static dev.gatehouse.checks.GatehouseTemplate.body;
import static dev.gatehouse.checks.GatehouseTemplate.properties;
import static dev.gatehouse.checks.GatehouseTemplate.template;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.checks.CheckResult;
import dev.gatehouse.checks.Finding;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Each posture rule, passing on a real template and failing on a broken copy. */
class ApiPostureCheckTest {
    private final ApiPostureCheck check = new ApiPostureCheck();

    private List<Finding> findings(Consumer<ObjectNode> breakIt) {
        ObjectNode template = template();
        breakIt.accept(template);
        return check.checkTemplate(template).findings();
    }

    private void assertOnly(Consumer<ObjectNode> breakIt, String path, String message) {
        List<Finding> findings = findings(breakIt);
        assertEquals(1, findings.size(), findings.toString());
        assertEquals(path, findings.get(0).path(), findings.toString());
        assertTrue(findings.get(0).message().contains(message), "expected '" + message + "' in " + findings.get(0));
    }

    @Test
    void aGatehouseApiPassesAndItsPublicOperationsAreListed() {
        CheckResult result = check.checkTemplate(template());
        assertEquals(List.of(), result.findings());
        // the public OPTIONS operations (CORS preflights) are counted, any other public one named
        assertTrue(result.checked().startsWith("13 operations (7 public on purpose: GET /health, OPTIONS on 6 paths)"),
                result.checked());
    }

    @Test
    void anOperationWithoutSecurityHasNoAuthorizationDeclared() {
        assertOnly(t -> at(body(t), "/paths/~1orders/get").remove("security"), "paths./orders.get",
                "GET /orders: no authorization declared");
    }

    @Test
    void operationsAcceptingABodyNeedAValidatorOfBodyAndParameters() {
        List<Finding> none = findings(t -> body(t).remove("x-amazon-apigateway-request-validator"));
        // POST /orders, ANY /catalog/{proxy+} and PUT /session reach a backend; the mock preflights do not
        assertEquals(List.of("paths./catalog/{proxy+}.x-amazon-apigateway-any-method", "paths./orders.post",
                "paths./session.put"), none.stream().map(Finding::path).sorted().toList(), none.toString());
        assertTrue(none.get(0).message().contains("accepts a body, but no request validator applies to it"));

        List<Finding> bodyOff = findings(t -> at(body(t), "/x-amazon-apigateway-request-validators/body-and-parameters")
                .put("validateRequestBody", false));
        assertEquals(List.of("paths./catalog/{proxy+}.x-amazon-apigateway-any-method", "paths./orders.post",
                "paths./session.put"), bodyOff.stream().map(Finding::path).sorted().toList(), bodyOff.toString());
        assertTrue(bodyOff.stream().allMatch(f -> f.message().contains("does not validate both the body and the parameters")),
                bodyOff.toString());
        // an operation may name its own validator
        assertOnly(t -> {
            at(body(t), "/x-amazon-apigateway-request-validators").putObject("params-only")
                    .put("validateRequestBody", false).put("validateRequestParameters", true);
            at(body(t), "/paths/~1orders/post").put("x-amazon-apigateway-request-validator", "params-only");
        }, "paths./orders.post", "its request validator 'params-only' does not validate both the body and the parameters");
    }

    @Test
    void stagesKeepTracingLogsAndNoDataTrace() {
        assertOnly(t -> properties(t, STAGE).put("TracingEnabled", false), "Properties.TracingEnabled", "X-Ray tracing is off");
        assertOnly(t -> properties(t, STAGE).remove("AccessLogSetting"), "Properties.AccessLogSetting", "access logging is off");
        List<Finding> off = findings(t -> at(properties(t, STAGE), "/MethodSettings/0").put("LoggingLevel", "OFF"));
        assertEquals(List.of("Properties.MethodSettings", "Properties.MethodSettings[0].LoggingLevel"),
                off.stream().map(Finding::path).sorted().toList(), off.toString());
        assertOnly(t -> at(properties(t, STAGE), "/MethodSettings/0").put("DataTraceEnabled", true),
                "Properties.MethodSettings[0].DataTraceEnabled", "data trace logs full requests and responses");
    }
}
