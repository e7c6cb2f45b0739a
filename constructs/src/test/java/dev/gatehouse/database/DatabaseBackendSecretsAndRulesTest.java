package dev.gatehouse.database;

import static dev.gatehouse.testing.Fixtures.synthError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.api.Authorization;
import dev.gatehouse.api.GatewayApi;
import dev.gatehouse.api.GatewayApiProps;
import dev.gatehouse.api.RouteOptions;
import dev.gatehouse.database.config.DatabaseEngine;
import dev.gatehouse.database.config.DatabaseRoute;
import dev.gatehouse.database.config.DatabaseRoutes;
import dev.gatehouse.database.config.ParameterType;
import dev.gatehouse.database.config.ResultKind;
import dev.gatehouse.database.config.RouteParameter;
import dev.gatehouse.testing.Fixtures;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.rds.AuroraMysqlClusterEngineProps;
import software.amazon.awscdk.services.rds.AuroraMysqlEngineVersion;
import software.amazon.awscdk.services.rds.ClusterInstance;
import software.amazon.awscdk.services.rds.DatabaseCluster;
import software.amazon.awscdk.services.rds.DatabaseClusterEngine;
import software.amazon.awscdk.services.rds.DatabaseInstance;
import software.amazon.awscdk.services.rds.DatabaseProxy;
import software.amazon.awscdk.services.rds.DatabaseProxyOptions;
import software.amazon.awscdk.services.rds.DatabaseInstanceEngine;
import software.amazon.awscdk.services.rds.MariaDbEngineVersion;
import software.amazon.awscdk.services.rds.MariaDbInstanceEngineProps;

class DatabaseBackendSecretsAndRulesTest {
    private static final DatabaseRoutes MYSQL_ROUTES = DatabaseRoutes.builder(DatabaseEngine.MYSQL)
            .route(DatabaseRoute.builder("GET /items/{id}").sql("SELECT id, name FROM items WHERE id = :id")
                    .result(ResultKind.ONE).param(RouteParameter.path("id", ParameterType.INTEGER)).build())
            .build();

    private static DatabaseInstance mariaDb(Stack stack, Vpc vpc) {
        return DatabaseInstance.Builder.create(stack, "Db")
                .engine(DatabaseInstanceEngine.mariaDb(MariaDbInstanceEngineProps.builder()
                        .version(MariaDbEngineVersion.VER_10_11).build()))
                .vpc(vpc).build();
    }

    private static GatewayApi iamApi(Stack stack) {
        return new GatewayApi(stack, "Api", GatewayApiProps.builder().defaultAuthorization(Authorization.iam()).build());
    }

    @Test
    void plainRdsInstanceWithItsSecret() {
        App app = new App();
        Stack stack = new Stack(app, "S");
        Vpc vpc = Vpc.Builder.create(stack, "Vpc").maxAzs(2).natGateways(1).build();
        DatabaseInstance instance = mariaDb(stack, vpc);
        GatewayApi api = iamApi(stack);
        DatabaseBackend.Builder.create(stack, "Items").api(api).vpc(vpc).databaseName("shop")
                .target(DatabaseTarget.instance(instance, DatabaseCredentials.secret(instance.getSecret())))
                .routes(MYSQL_ROUTES).statementTimeout(Duration.seconds(2)).snapStart(false)
                .allowUnverifiedTls(true).build();

        JsonNode template = Fixtures.templateJson(stack);
        JsonNode env = null;
        for (JsonNode r : template.get("Resources")) {
            if (r.at("/Properties/Handler").asText().equals(DatabaseBackend.HANDLER)) {
                env = r.at("/Properties/Environment/Variables");
                assertTrue(r.at("/Properties/SnapStart").isMissingNode());
            }
        }
        assertEquals("mysql", env.get("GATEHOUSE_DB_ENGINE").asText());
        assertEquals("secret", env.get("GATEHOUSE_DB_AUTH").asText());
        assertTrue(env.get("GATEHOUSE_DB_SECRET_ARN").toString().contains("DbSecret"), env.toString());
        assertEquals("require", env.get("GATEHOUSE_DB_TLS").asText(), "asked for: RDS CA is not in the JVM trust store");
        assertEquals("2000", env.get("GATEHOUSE_DB_STATEMENT_TIMEOUT_MS").asText());
        assertTrue(env.has("GATEHOUSE_DB_PORT"));
        String all = template.toString();
        assertTrue(all.contains("secretsmanager:GetSecretValue"), "secret read granted");
        assertTrue(all.contains("\"Description\":\"Secrets Manager over HTTPS\""), "egress to Secrets Manager");
        Fixtures.assertPassesDeployChecks(template);
    }

    @Test
    void gh500Gh501Gh502() {
        App app = new App();
        Stack stack = new Stack(app, "S");
        Vpc vpc = Vpc.Builder.create(stack, "Vpc").maxAzs(2).natGateways(0).build();
        DatabaseCluster mysql = DatabaseCluster.Builder.create(stack, "Db")
                .engine(DatabaseClusterEngine.auroraMysql(AuroraMysqlClusterEngineProps.builder()
                        .version(AuroraMysqlEngineVersion.VER_3_08_0).build()))
                .writer(ClusterInstance.serverlessV2("Writer")).vpc(vpc)
                .vpcSubnets(software.amazon.awscdk.services.ec2.SubnetSelection.builder()
                        .subnetType(software.amazon.awscdk.services.ec2.SubnetType.PRIVATE_ISOLATED).build())
                .build();
        GatewayApi api = iamApi(stack);
        DatabaseRoutes broken = DatabaseRoutes.builder(DatabaseEngine.POSTGRESQL)
                .route(DatabaseRoute.builder("GET /items/{id}").sql("SELECT * FROM items WHERE id = :id AND owner = :owner")
                        .result(ResultKind.ONE).param(RouteParameter.path("id", ParameterType.INTEGER)).build())
                .build();
        DatabaseBackend.Builder.create(stack, "Items").api(api).vpc(vpc).databaseName("shop")
                .target(DatabaseTarget.cluster(mysql, DatabaseCredentials.iam("app")))
                .routes(broken)
                .statementTimeout(Duration.millis(50))
                .routeOptionsByRoute(Map.of("GET /nope", RouteOptions.of(Authorization.none())))
                .tlsCaBundle(Path.of("/nonexistent/rds-ca.pem"))
                .schema(List.of("CREATE TABLE IF NOT EXISTS items (id int)", " "))
                .build();
        String message = synthError(app);
        assertTrue(message.contains("[GH500] database route 'GET /items/{id}': "), message);
        assertTrue(message.contains("owner"), message);
        assertTrue(message.contains("[GH501] DatabaseBackend 'Items': the routes are written for postgresql but the cluster's engine family is MYSQL."), message);
        assertTrue(message.contains("[GH502] DatabaseBackend 'Items': the statement timeout is 50 ms. Fix: make it at least 100 ms."),
                message);
        assertTrue(message.contains("[GH502] DatabaseBackend 'Items': route options are given for 'GET /nope'"), message);
        assertTrue(message.contains("[GH502] DatabaseBackend 'Items': the TLS CA bundle '/nonexistent/rds-ca.pem' cannot be read"), message);
        assertTrue(message.contains("[GH502] DatabaseBackend 'Items': a schema statement is blank."), message);
        // IAM credentials in a VPC without egress: isolated subnets are fine, no finding about them
        assertTrue(!message.contains("no private subnets with egress"), message);
    }

    @Test
    void aMalformedDatabaseRoutePathIsReportedOnceWithTheApisGrammarMessage() {
        // Given a database route with an unclosed brace, beside the same mistake in an API route
        App app = new App();
        Stack stack = new Stack(app, "S");
        Vpc vpc = Vpc.Builder.create(stack, "Vpc").maxAzs(2).natGateways(1).build();
        DatabaseInstance instance = mariaDb(stack, vpc);
        GatewayApi api = iamApi(stack);
        api.route("GET /other/{id", dev.gatehouse.integrations.Integrations.mock(
                dev.gatehouse.integrations.MockResponse.json(200, "{}")));
        DatabaseBackend.Builder.create(stack, "Items").api(api).vpc(vpc).databaseName("shop")
                .target(DatabaseTarget.instance(instance, DatabaseCredentials.secret(instance.getSecret())))
                .routes(DatabaseRoutes.builder(DatabaseEngine.MYSQL)
                        .route(DatabaseRoute.builder("GET /items/{id").sql("SELECT 1").build()).build())
                .allowUnverifiedTls(true).build();
        // When synthesized
        String message = synthError(app);
        // Then the database route's problem is the same sentence as the API route's, and is reported once
        String problem = "the segment '{id' opens a variable with '{' but never closes it. Fix: close it with '}': '{id}'.";
        assertTrue(message.contains("[GH102] route 'GET /other/{id': " + problem), message);
        assertTrue(message.contains("[GH500] database route 'GET /items/{id': " + problem), message);
        assertEquals(2, message.split("opens a variable", -1).length - 1, "once per route: " + message);
    }

    @Test
    void secretCredentialsNeedAWayOutOfTheVpc() {
        App app = new App();
        Stack stack = new Stack(app, "S");
        Vpc vpc = Vpc.Builder.create(stack, "Vpc").maxAzs(2).natGateways(0).build();
        DatabaseInstance instance = DatabaseInstance.Builder.create(stack, "Db")
                .engine(DatabaseInstanceEngine.mariaDb(MariaDbInstanceEngineProps.builder()
                        .version(MariaDbEngineVersion.VER_10_11).build()))
                .vpc(vpc).vpcSubnets(software.amazon.awscdk.services.ec2.SubnetSelection.builder()
                        .subnetType(software.amazon.awscdk.services.ec2.SubnetType.PRIVATE_ISOLATED).build()).build();
        GatewayApi api = iamApi(stack);
        DatabaseBackend.Builder.create(stack, "Items").api(api).vpc(vpc).databaseName("shop")
                .target(DatabaseTarget.instance(instance, DatabaseCredentials.secret(instance.getSecret())))
                .routes(MYSQL_ROUTES).build();
        String message = synthError(app);
        assertTrue(message.contains("[GH502] DatabaseBackend 'Items': the VPC has no private subnets with egress"), message);
    }

    @Test
    void gh503UnverifiedTlsIsAnExplicitChoiceAndNeverContradictsAVerifiedOne() {
        App app = new App();
        Stack stack = new Stack(app, "S");
        Vpc vpc = Vpc.Builder.create(stack, "Vpc").maxAzs(2).natGateways(1).build();
        DatabaseInstance instance = mariaDb(stack, vpc);
        GatewayApi api = iamApi(stack);
        DatabaseTarget target = DatabaseTarget.instance(instance, DatabaseCredentials.secret(instance.getSecret()));
        DatabaseBackend.Builder.create(stack, "Silent").api(api).vpc(vpc).databaseName("shop")
                .target(target).routes(MYSQL_ROUTES).build();
        DatabaseRoutes other = DatabaseRoutes.builder(DatabaseEngine.MYSQL)
                .route(DatabaseRoute.builder("GET /others/{id}").sql("SELECT id FROM others WHERE id = :id")
                        .result(ResultKind.ONE).param(RouteParameter.path("id", ParameterType.INTEGER)).build())
                .build();
        DatabaseBackend.Builder.create(stack, "Both").api(api).vpc(vpc).databaseName("shop")
                .target(target).routes(other).tlsCaBundle(Path.of("pom.xml")).allowUnverifiedTls(true).build();

        String message = synthError(app);
        assertTrue(message.contains("[GH503] DatabaseBackend 'Silent': the instance's TLS certificate is issued by the RDS CA, "
                + "which the JVM does not trust, and no CA bundle is given. Fix: download the RDS CA bundle"), message);
        assertTrue(message.contains(".allowUnverifiedTls(true)"), message);
        assertTrue(message.contains("[GH503] DatabaseBackend 'Both': allowUnverifiedTls is set, but a TLS CA bundle is given"), message);
    }

    @Test
    void gh503RdsProxyIsAlwaysVerified() {
        App app = new App();
        Stack stack = new Stack(app, "S");
        Vpc vpc = Vpc.Builder.create(stack, "Vpc").maxAzs(2).natGateways(1).build();
        DatabaseInstance instance = mariaDb(stack, vpc);
        DatabaseProxy proxy = instance.addProxy("Proxy", DatabaseProxyOptions.builder()
                .secrets(List.of(instance.getSecret())).vpc(vpc).iamAuth(true).build());
        DatabaseBackend.Builder.create(stack, "Items").api(iamApi(stack)).vpc(vpc).databaseName("shop")
                .target(DatabaseTarget.proxy(proxy, DatabaseCredentials.iam("app")))
                .routes(MYSQL_ROUTES).allowUnverifiedTls(true).build();
        String message = synthError(app);
        assertTrue(message.contains("[GH503] DatabaseBackend 'Items': allowUnverifiedTls is set, but RDS Proxy's "
                + "certificate is always verified (it chains to a public CA). Fix: remove allowUnverifiedTls(true)."), message);
    }
}
