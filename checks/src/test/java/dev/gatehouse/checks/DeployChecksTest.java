package dev.gatehouse.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeployChecksTest {

    @Test
    void runsEveryCheckAndCollectsTheirFindings() {
        assertEquals(List.of("cfn-schema", "lambda-vpc", "openapi", "api-posture"),
                DeployChecks.all(GatehouseTemplate.template()).stream().map(CheckResult::check).toList());
        assertEquals(List.of(), DeployChecks.findings(GatehouseTemplate.template()));

        // one problem of each kind is found by its own check
        ObjectNode broken = GatehouseTemplate.template();
        GatehouseTemplate.properties(broken, GatehouseTemplate.FUNCTION).put("MemorySize", "lots");
        GatehouseTemplate.at(GatehouseTemplate.body(broken), "/info").remove("title");
        GatehouseTemplate.at(GatehouseTemplate.body(broken), "/paths/~1orders/get").remove("security");
        GatehouseTemplate.properties(broken, GatehouseTemplate.FUNCTION).putObject("VpcConfig")
                .putArray("SubnetIds").add("subnet-0123");
        List<String> checks = DeployChecks.findings(broken).stream().map(Finding::check).toList();
        assertEquals(List.of("cfn-schema", "lambda-vpc", "openapi", "api-posture"), checks);
        assertTrue(DeployChecks.deployabilityFindings(broken).stream().noneMatch(f -> f.check().equals("api-posture")));
    }
}
