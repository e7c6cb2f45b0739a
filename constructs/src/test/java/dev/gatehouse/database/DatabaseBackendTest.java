package dev.gatehouse.database;

import static dev.gatehouse.testing.Fixtures.countResources;
import static dev.gatehouse.testing.Fixtures.onlyResource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.api.Authorization;
import dev.gatehouse.api.GatewayApi;
import dev.gatehouse.api.GatewayApiProps;
import dev.gatehouse.api.RouteOptions;
import dev.gatehouse.database.config.DatabaseEngine;
import dev.gatehouse.database.config.DatabaseRoute;
import dev.gatehouse.database.config.DatabaseRoutes;
import dev.gatehouse.database.config.Pagination;
import dev.gatehouse.database.config.ParameterLocation;
import dev.gatehouse.database.config.ParameterType;
import dev.gatehouse.database.config.ResultKind;
import dev.gatehouse.database.config.RouteParameter;
import dev.gatehouse.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.cxapi.CloudAssembly;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.rds.AuroraPostgresClusterEngineProps;
import software.amazon.awscdk.services.rds.AuroraPostgresEngineVersion;
import software.amazon.awscdk.services.rds.ClusterInstance;
import software.amazon.awscdk.services.rds.DatabaseCluster;
import software.amazon.awscdk.services.rds.DatabaseClusterEngine;
import software.amazon.awscdk.services.rds.DatabaseProxy;
import software.amazon.awscdk.services.rds.DatabaseProxyOptions;

/** An Aurora PostgreSQL Serverless v2 cluster behind RDS Proxy with IAM authentication. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatabaseBackendTest {
    static final DatabaseRoutes ROUTES = DatabaseRoutes.builder(DatabaseEngine.POSTGRESQL)
            .route(DatabaseRoute.builder("GET /orders")
                    .sql("SELECT id, total FROM orders WHERE id > :cursor ORDER BY id LIMIT :limit")
                    .result(ResultKind.LIST)
                    .pagination(Pagination.builder("id", ParameterType.INTEGER).build())
                    .build())
            .route(DatabaseRoute.builder("GET /orders/{id}")
                    .sql("SELECT id, total FROM orders WHERE id = :id")
                    .result(ResultKind.ONE)
                    .param(RouteParameter.path("id", ParameterType.INTEGER))
                    .build())
            .route(DatabaseRoute.builder("POST /orders")
                    .sql("INSERT INTO orders (total) VALUES (:total) RETURNING id, total")
                    .result(ResultKind.ONE)
                    .write(true)
                    .successStatus(201)
                    .param(RouteParameter.builder("total", ParameterLocation.BODY, ParameterType.NUMBER).required(true).build())
                    .build())
            .build();

    static final List<String> SCHEMA = List.of(
            "CREATE TABLE IF NOT EXISTS orders (id bigserial PRIMARY KEY, status text NOT NULL, total numeric NOT NULL)");

    private JsonNode template;
    private CloudAssembly assembly;
    private Stack stack;

    @BeforeAll
    void synthesize() {
        App app = new App();
        stack = new Stack(app, "S");
        Vpc vpc = Vpc.Builder.create(stack, "Vpc").maxAzs(2).natGateways(1).build();
        DatabaseCluster cluster = DatabaseCluster.Builder.create(stack, "Db")
                .engine(DatabaseClusterEngine.auroraPostgres(AuroraPostgresClusterEngineProps.builder()
                        .version(AuroraPostgresEngineVersion.VER_16_4).build()))
                .writer(ClusterInstance.serverlessV2("Writer"))
                .vpc(vpc)
                .build();
        DatabaseProxy proxy = cluster.addProxy("Proxy", DatabaseProxyOptions.builder()
                .secrets(List.of(cluster.getSecret())).vpc(vpc).iamAuth(true).requireTls(true).build());
        GatewayApi api = new GatewayApi(stack, "Api", GatewayApiProps.builder()
                .defaultAuthorization(Authorization.iam()).build());
        DatabaseBackend.Builder.create(stack, "Orders")
                .api(api)
                .vpc(vpc)
                .target(DatabaseTarget.proxy(proxy, DatabaseCredentials.iam("postgres")))
                .databaseName("shop")
                .routes(ROUTES)
                .routeOptionsByRoute(Map.of("GET /orders", RouteOptions.of(Authorization.none())))
                .schema(SCHEMA)
                .build();
        template = Fixtures.templateJson(stack);
        assembly = app.synth();
    }

    private JsonNode proxyFunction() {
        return proxyFunctionResource().get("Properties");
    }

    private JsonNode proxyFunctionResource() {
        for (JsonNode resource : template.get("Resources")) {
            if (resource.get("Type").asText().equals("AWS::Lambda::Function")
                    && resource.at("/Properties/Handler").asText().equals(DatabaseBackend.HANDLER)) {
                return resource;
            }
        }
        throw new AssertionError("no database proxy function");
    }

    /** The logical id and properties of the IAM policy attached to the proxy function's role. */
    private Map.Entry<String, JsonNode> rolePolicy() {
        String role = proxyFunction().at("/Role/Fn::GetAtt/0").asText();
        for (Map.Entry<String, JsonNode> r : template.get("Resources").properties()) {
            if (r.getValue().get("Type").asText().equals("AWS::IAM::Policy")
                    && r.getValue().at("/Properties/Roles").toString().contains("\"" + role + "\"")) {
                return Map.entry(r.getKey(), r.getValue().get("Properties"));
            }
        }
        throw new AssertionError("no policy on " + role);
    }

    private static List<String> actions(JsonNode statement) {
        JsonNode action = statement.get("Action");
        List<String> list = new ArrayList<>();
        if (action.isArray()) {
            action.forEach(a -> list.add(a.asText()));
        } else {
            list.add(action.asText());
        }
        return list;
    }

    @Test
    void functionRunsInThePrivateSubnetsWithSnapStart() {
        JsonNode fn = proxyFunction();
        assertEquals("java21", fn.get("Runtime").asText());
        assertEquals(2, fn.at("/VpcConfig/SubnetIds").size());
        assertTrue(fn.at("/VpcConfig/SubnetIds/0/Ref").asText().contains("PrivateSubnet"), fn.at("/VpcConfig").toString());
        assertEquals("PublishedVersions", fn.at("/SnapStart/ApplyOn").asText());
        assertEquals(1024, fn.get("MemorySize").asInt());
    }

    @Test
    void roleMayCreateTheNetworkInterfacesOfAVpcFunction() {
        // without them Lambda refuses to create the function: granted on the function's own role,
        // and the function waits for the policy
        Map.Entry<String, JsonNode> policy = rolePolicy();
        List<String> onAnything = new ArrayList<>();
        policy.getValue().at("/PolicyDocument/Statement").forEach(s -> {
            if (s.get("Resource").asText().equals("*")) {
                onAnything.addAll(actions(s));
            }
        });
        assertTrue(onAnything.containsAll(DatabaseBackend.VPC_ACCESS_ACTIONS), onAnything.toString());
        assertTrue(proxyFunctionResource().get("DependsOn").toString().contains("\"" + policy.getKey() + "\""),
                proxyFunctionResource().get("DependsOn").toString());
    }

    @Test
    void theSchemaIsAppliedByACustomResourceWhoseFunctionConnectsLikeTheProxy() {
        JsonNode schema = onlyResource(template, "Custom::GatehouseSchema");
        assertEquals(Fixtures.JSON.valueToTree(SCHEMA), schema.at("/Properties/Statements"));
        // a new database (host, name, user, engine) applies the schema again
        assertEquals(proxyFunction().at("/Environment/Variables/GATEHOUSE_DB_HOST"), schema.at("/Properties/Database/HOST"));
        assertEquals("shop", schema.at("/Properties/Database/NAME").asText());
        assertEquals("postgres", schema.at("/Properties/Database/USER").asText());
        assertEquals("postgresql", schema.at("/Properties/Database/ENGINE").asText());
        JsonNode schemaFunction = null;
        for (JsonNode r : template.get("Resources")) {
            if (r.at("/Properties/Handler").asText().equals(DatabaseBackend.SCHEMA_HANDLER)) {
                schemaFunction = r.get("Properties");
            }
        }
        assertTrue(schemaFunction != null, "a function runs the schema handler");
        // the same environment, network and security group as the proxy, no SnapStart
        assertEquals(proxyFunction().at("/Environment/Variables/GATEHOUSE_DB_HOST"), schemaFunction.at("/Environment/Variables/GATEHOUSE_DB_HOST"));
        // statements may take minutes (an index on a filled table), unlike API requests
        assertEquals("240000", schemaFunction.at("/Environment/Variables/GATEHOUSE_DB_STATEMENT_TIMEOUT_MS").asText());
        assertEquals(proxyFunction().at("/VpcConfig"), schemaFunction.at("/VpcConfig"));
        assertEquals(proxyFunction().at("/Code"), schemaFunction.at("/Code"), "one code asset");
        assertTrue(schemaFunction.at("/SnapStart").isMissingNode());
        assertEquals(DatabaseBackend.SCHEMA_TIMEOUT_MINUTES * 60, schemaFunction.get("Timeout").asInt());
        // its role may connect as the same user and attach to the VPC
        String role = schemaFunction.at("/Role/Fn::GetAtt/0").asText();
        String policies = "";
        for (JsonNode r : template.get("Resources")) {
            if (r.get("Type").asText().equals("AWS::IAM::Policy") && r.at("/Properties/Roles").toString().contains(role)) {
                policies += r.toString();
            }
        }
        assertTrue(policies.contains("rds-db:connect") && policies.contains("/postgres\""), policies);
        assertTrue(policies.contains("ec2:CreateNetworkInterface"), policies);
        // the custom resource goes through the Provider framework to that function, once the proxy
        // has its targets
        assertTrue(schema.at("/Properties/ServiceToken").toString().contains("SchemaProvider"), schema.toString());
        String targetGroup = onlyResource(template, "AWS::RDS::DBProxyTargetGroup").get("id").asText();
        assertTrue(schema.get("DependsOn").toString().contains("\"" + targetGroup + "\""), schema.toString());
        template.get("Resources").properties().forEach(e -> {
            if (e.getValue().get("Type").asText().equals("AWS::EC2::SecurityGroupEgress")
                    && e.getValue().at("/Properties/GroupId/Fn::GetAtt/0").asText().startsWith("OrdersSecurityGroup")) {
                assertTrue(schema.get("DependsOn").toString().contains("\"" + e.getKey() + "\""),
                        "waits for the egress rule " + e.getKey() + ": " + schema);
            }
        });
    }

    @Test
    void passesTheDeployChecks() {
        Fixtures.assertPassesDeployChecks(template);
    }

    @Test
    void environmentPointsAtTheProxyWithIamAndVerifiedTls() {
        JsonNode env = proxyFunction().at("/Environment/Variables");
        assertEquals("postgresql", env.get("GATEHOUSE_DB_ENGINE").asText());
        assertTrue(env.get("GATEHOUSE_DB_HOST").toString().contains("Endpoint"), env.get("GATEHOUSE_DB_HOST").toString());
        assertEquals("shop", env.get("GATEHOUSE_DB_NAME").asText());
        assertEquals("iam", env.get("GATEHOUSE_DB_AUTH").asText());
        assertEquals("postgres", env.get("GATEHOUSE_DB_USER").asText());
        assertEquals("verify-full", env.get("GATEHOUSE_DB_TLS").asText());
        assertEquals("5000", env.get("GATEHOUSE_DB_STATEMENT_TIMEOUT_MS").asText());
        assertEquals("3000", env.get("GATEHOUSE_DB_CONNECT_TIMEOUT_MS").asText());
        assertEquals(DatabaseBackend.DEFAULT_TIMEOUT_SECONDS, proxyFunction().get("Timeout").asInt());
        assertFalse(env.has("GATEHOUSE_DB_SECRET_ARN"));
    }

    @Test
    void functionMayConnectAsItsUserAndReachOnlyTheProxyPort() {
        // rds-db:connect on the proxy, as the configured user only
        List<JsonNode> connect = new ArrayList<>();
        rolePolicy().getValue().at("/PolicyDocument/Statement").forEach(s -> {
            if (actions(s).contains("rds-db:connect")) {
                connect.add(s);
            }
        });
        assertEquals(1, connect.size(), connect.toString());
        JsonNode parts = connect.get(0).at("/Resource/Fn::Join/1");
        assertEquals("/postgres", parts.get(parts.size() - 1).asText(), parts.toString());
        assertTrue(parts.toString().contains("DBProxyArn") && parts.toString().contains(":dbuser:"), parts.toString());

        // the function's security group: its only egress is the proxy's port, to the proxy's group
        String group = proxyFunction().at("/VpcConfig/SecurityGroupIds/0/Fn::GetAtt/0").asText();
        JsonNode groupProperties = template.at("/Resources/" + group + "/Properties");
        assertTrue(!groupProperties.has("SecurityGroupEgress")
                || groupProperties.get("SecurityGroupEgress").toString().contains("255.255.255.255/32"),
                "no open egress on the group itself: " + groupProperties);
        List<JsonNode> egress = new ArrayList<>();
        template.get("Resources").forEach(r -> {
            if (r.get("Type").asText().equals("AWS::EC2::SecurityGroupEgress")
                    && r.at("/Properties/GroupId/Fn::GetAtt/0").asText().equals(group)) {
                egress.add(r.get("Properties"));
            }
        });
        assertEquals(1, egress.size(), egress.toString());
        assertEquals(5432, egress.get(0).get("FromPort").asInt());
        assertEquals(5432, egress.get(0).get("ToPort").asInt());
        assertTrue(egress.get(0).get("DestinationSecurityGroupId").toString().contains("Proxy"), egress.toString());
        List<JsonNode> rules = new ArrayList<>();
        template.get("Resources").forEach(r -> {
            String type = r.get("Type").asText();
            if (type.equals("AWS::EC2::SecurityGroupIngress") || type.equals("AWS::EC2::SecurityGroupEgress")) {
                rules.add(r.get("Properties"));
            }
        });
        assertTrue(rules.stream().anyMatch(r -> r.get("FromPort").asInt() == 5432
                && r.toString().contains("OrdersSecurityGroup")), rules.toString());
        JsonNode sg = null;
        for (JsonNode r : template.get("Resources")) {
            if (r.get("Type").asText().equals("AWS::EC2::SecurityGroup")
                    && r.at("/Properties/GroupDescription").asText().startsWith("Gatehouse database proxy")) {
                sg = r.get("Properties");
            }
        }
        assertTrue(sg != null && !sg.toString().contains("0.0.0.0/0"), "no open egress: " + sg);
    }

    @Test
    void routesAreOnTheApiAndInvokeTheLiveAliasOfTheCurrentVersion() {
        JsonNode paths = onlyResource(template, "AWS::ApiGateway::RestApi").at("/Properties/Body/paths");
        JsonNode alias = onlyResource(template, "AWS::Lambda::Alias");
        assertEquals("live", alias.at("/Properties/Name").asText());
        assertTrue(alias.at("/Properties/FunctionVersion").toString().contains("CurrentVersion"), alias.toString());
        assertTrue(paths.at("/~1orders~1{id}/get/x-amazon-apigateway-integration/uri/Fn::Sub").asText()
                .contains("${" + alias.get("id").asText() + "}"), paths.toString());
        assertEquals("{\"Ref\":\"" + alias.get("id").asText() + "\"}",
                onlyResource(template, "AWS::Lambda::Permission").at("/Properties/FunctionName").toString());
        assertEquals("[{\"sigv4\":[]}]", paths.at("/~1orders/post/security").toString());
        assertEquals("[]", paths.at("/~1orders/get/security").toString(), "per-route options apply");
        assertEquals(1, countResources(template, "AWS::Lambda::Permission"));
    }

    @Test
    void routeConfigurationShipsInTheCodeAssetNextToTheJar() throws Exception {
        String key = proxyFunction().at("/Code/S3Key").asText();
        Path dir = Path.of(assembly.getDirectory(), "asset." + key.replace(".zip", ""));
        assertTrue(Files.isRegularFile(dir.resolve("lib/database-proxy.jar")), "jar in lib/: " + dir);
        assertEquals(ROUTES.toJson(), Files.readString(dir.resolve(DatabaseBackend.ROUTES_FILE)));
        assertEquals(ROUTES, DatabaseRoutes.fromJson(Files.readString(dir.resolve(DatabaseBackend.ROUTES_FILE))));
    }
}
