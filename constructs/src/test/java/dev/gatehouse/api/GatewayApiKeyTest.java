package dev.gatehouse.api;

import static dev.gatehouse.testing.Fixtures.onlyResource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.integrations.Integrations;
import dev.gatehouse.integrations.MockResponse;
import dev.gatehouse.testing.Fixtures;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;

/** API keys made by the API or imported, as usage plans and IAM policies use them. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GatewayApiKeyTest {
    private Stack stack;
    private GatewayApiKey created;
    private GatewayApiKey imported;
    private JsonNode template;

    @BeforeAll
    void synthesize() {
        // Given a key made by the API and one imported by its id, both in a usage plan
        App app = new App();
        stack = new Stack(app, "S");
        GatewayApi api = new GatewayApi(stack, "Api");
        api.route("GET /a", Integrations.mock(MockResponse.json(200, "{}")), RouteOptions.builder()
                .authorization(Authorization.iam()).apiKeyRequired(true).build());
        created = api.addApiKey("Acme", ApiKeySettings.builder().apiKeyName("acme").build());
        imported = GatewayApiKey.fromKeyId(stack, "Legacy", "k3y1d");
        api.addUsagePlan("Plan", UsagePlanOptions.builder().apiKeys(List.of(created, imported)).build());

        // When the app is synthesized
        template = Fixtures.templateJson(stack);
    }

    @Test
    void aCreatedKeyKeepsTheLogicalIdOfTheKeyItWraps() {
        JsonNode key = onlyResource(template, "AWS::ApiGateway::ApiKey");
        // the logical id of a key at S/Api/Acme: the wrapped key's "Default" id adds nothing to it
        assertTrue(key.get("id").asText().startsWith("ApiAcme"), key.toString());
        assertEquals("acme", key.at("/Properties/Name").asText());
        assertEquals("S/Api/Acme/Default", created.getApiKey().getNode().getPath());
        assertEquals(key.get("id").asText(), stack.resolve(created.getKeyId()).toString()
                .replaceAll(".*Ref=([^}]*)}.*", "$1"));
    }

    @Test
    void bothKeysJoinThePlanByTheirIds() {
        List<String> keyIds = new ArrayList<>();
        template.get("Resources").forEach(r -> {
            if (r.get("Type").asText().equals("AWS::ApiGateway::UsagePlanKey")) {
                keyIds.add(r.at("/Properties/KeyId").toString());
            }
        });
        assertEquals(2, keyIds.size(), keyIds.toString());
        assertTrue(keyIds.contains("\"k3y1d\""), keyIds.toString());
        assertTrue(keyIds.stream().anyMatch(id -> id.contains("\"Ref\":\"ApiAcme")), keyIds.toString());
    }

    @Test
    void theImportedKeyHasItsIdAndArnAndTheCdkKeyAsEscapeHatch() {
        assertEquals("k3y1d", imported.getKeyId());
        assertEquals("k3y1d", imported.getApiKey().getKeyId());
        String arn = stack.resolve(imported.getKeyArn()).toString();
        assertTrue(arn.contains(":apigateway:") && arn.contains("/apikeys/k3y1d"), arn);
    }
}
