package dev.gatehouse.lambda.database;

import static dev.gatehouse.lambda.database.Requests.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.database.config.DatabaseEngine;
import dev.gatehouse.database.config.DatabaseRoute;
import dev.gatehouse.database.config.DatabaseRoutes;
import dev.gatehouse.database.config.ResultKind;
import dev.gatehouse.lambda.database.internal.Credentials;
import dev.gatehouse.lambda.database.internal.CredentialsUnavailableException;
import dev.gatehouse.lambda.database.internal.JdbcConnectionFactory;
import dev.gatehouse.lambda.database.internal.ProxyLog;
import dev.gatehouse.lambda.database.internal.SecretsManagerCredentialsProvider;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

class SecretsManagerCredentialsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void readsUsernameAndPasswordOverTheJsonProtocolAndCachesThem() throws Exception {
        try (LocalSecretsManager sm = new LocalSecretsManager("app_user", "s3cret-pw");
                SecretsManagerClient client = sm.client()) {
            SecretsManagerCredentialsProvider provider =
                    new SecretsManagerCredentialsProvider(() -> client, LocalSecretsManager.SECRET_ARN, MAPPER);

            // When the credentials are asked for twice
            Credentials first = provider.current();
            Credentials second = provider.current();

            // Then they come from the secret, Secrets Manager was called once, as the protocol says
            assertEquals(new Credentials("app_user", "s3cret-pw"), first);
            assertEquals(first, second);
            assertEquals(1, sm.calls());
            LocalSecretsManager.Received r = sm.received.get(0);
            assertEquals("POST", r.method);
            assertEquals("secretsmanager.GetSecretValue", r.target);
            assertTrue(r.contentType.startsWith("application/x-amz-json-1.1"), r.contentType);
            assertEquals(LocalSecretsManager.SECRET_ARN, r.body.get("SecretId").asText());
            assertTrue(r.authorization.startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/"), r.authorization);
            assertTrue(r.authorization.contains("/us-east-1/secretsmanager/aws4_request"), r.authorization);
            assertFalse(first.toString().contains("s3cret-pw"));
        }
    }

    @Test
    void refreshReadsTheSecretAgain() throws Exception {
        try (LocalSecretsManager sm = new LocalSecretsManager("app_user", "old");
                SecretsManagerClient client = sm.client()) {
            SecretsManagerCredentialsProvider provider =
                    new SecretsManagerCredentialsProvider(() -> client, LocalSecretsManager.SECRET_ARN, MAPPER);
            assertEquals("old", provider.current().password());

            sm.setCredentials("app_user", "new");

            assertEquals("old", provider.current().password(), "cached until refreshed");
            assertEquals("new", provider.refresh().password());
            assertEquals("new", provider.current().password());
            assertEquals(2, sm.calls());
        }
    }

    @Test
    void aMalformedSecretIsReportedWithoutQuotingIt() throws Exception {
        try (LocalSecretsManager sm = new LocalSecretsManager("u", "p"); SecretsManagerClient client = sm.client()) {
            SecretsManagerCredentialsProvider provider =
                    new SecretsManagerCredentialsProvider(() -> client, LocalSecretsManager.SECRET_ARN, MAPPER);

            sm.setSecretString("{\"username\": \"u\", \"password\": \"hunter2\"");
            CredentialsUnavailableException notJson = assertThrows(CredentialsUnavailableException.class, provider::current);
            assertFalse(notJson.getMessage().contains("hunter2"), notJson.getMessage());

            sm.setSecretString("{\"username\": \"u\", \"pass\": \"hunter2\"}");
            CredentialsUnavailableException noPassword = assertThrows(CredentialsUnavailableException.class, provider::current);
            assertTrue(noPassword.getMessage().contains("username and password"), noPassword.getMessage());
            assertFalse(noPassword.getMessage().contains("hunter2"), noPassword.getMessage());
        }
    }

    @Test
    void anUnknownSecretOrUnreachableSecretsManagerIs503() throws Exception {
        List<String> log = new CopyOnWriteArrayList<>();
        try (LocalSecretsManager sm = new LocalSecretsManager("u", "p"); SecretsManagerClient client = sm.client()) {
            SecretsManagerCredentialsProvider wrongSecret = new SecretsManagerCredentialsProvider(() -> client,
                    "arn:aws:secretsmanager:us-east-1:123456789012:secret:other", MAPPER);
            DatabaseProxy proxy = DatabaseProxy.builder(routes(DatabaseEngine.POSTGRESQL),
                            creds -> {
                                throw new AssertionError("no connection without credentials");
                            })
                    .credentials(wrongSecret).log(new ProxyLog(log::add)).build();

            APIGatewayProxyResponseEvent response = proxy.handle(request("GET", "/me", "/me").build(), "x");

            assertEquals(503, response.getStatusCode());
            assertEquals("1", response.getHeaders().get("Retry-After"));
            assertTrue(log.stream().anyMatch(l -> l.contains("ResourceNotFoundException")), log.toString());
        }
    }

    private static DatabaseRoutes routes(DatabaseEngine engine) {
        return DatabaseRoutes.builder(engine)
                .route(DatabaseRoute.builder("GET /me")
                        .sql(engine == DatabaseEngine.MYSQL ? "SELECT CURRENT_USER() AS me, CONNECTION_ID() AS pid"
                                : "SELECT current_user AS me, pg_backend_pid() AS pid")
                        .result(ResultKind.ONE).build())
                .build();
    }

    @Test
    void aRotatedPasswordIsPickedUpAfterOneAuthenticationFailure() throws Exception {
        // Given a MariaDB user with a password, and its secret
        String adminUrl = TestDatabases.mariadbUrl();
        String user = TestDatabases.uniqueName();
        List<String> log = new CopyOnWriteArrayList<>();
        try (Connection admin = MariaDbProxyTest.connect(adminUrl); Statement s = admin.createStatement();
                LocalSecretsManager sm = new LocalSecretsManager(user, "first-Pw1");
                SecretsManagerClient client = sm.client()) {
            s.execute("CREATE USER '" + user + "'@'%' IDENTIFIED BY 'first-Pw1'");
            try {
                DatabaseProxy proxy = DatabaseProxy.builder(routes(DatabaseEngine.MYSQL),
                                JdbcConnectionFactory.forUrl(DatabaseEngine.MYSQL,
                                        TestDatabases.withoutQuery(TestDatabases.withDatabase(adminUrl, "")),
                                        Duration.ofSeconds(2), Duration.ofSeconds(2)))
                        .credentials(new SecretsManagerCredentialsProvider(() -> client, LocalSecretsManager.SECRET_ARN, MAPPER))
                        .log(new ProxyLog(log::add))
                        .build();
                JsonNode me = MAPPER.readTree(proxy.handle(request("GET", "/me", "/me").build(), "a").getBody());
                assertTrue(me.get("me").asText().startsWith(user + "@"), me.toString());
                assertEquals(1, sm.calls());

                // When the password is rotated and the proxy has to open a new connection
                s.execute("ALTER USER '" + user + "'@'%' IDENTIFIED BY 'second-Pw2'");
                sm.setCredentials(user, "second-Pw2");
                s.execute("KILL CONNECTION " + me.get("pid").asLong());

                // Then the old password is refused once, the secret is read again, and the request succeeds
                APIGatewayProxyResponseEvent after = proxy.handle(request("GET", "/me", "/me").build(), "b");
                assertEquals(200, after.getStatusCode(), after.getBody());
                assertEquals(2, sm.calls());
                assertTrue(log.stream().anyMatch(l -> l.contains("credentials_refreshed")), log.toString());

                // And when the secret itself is wrong, the secret is read once more only, and clients get 503
                s.execute("ALTER USER '" + user + "'@'%' IDENTIFIED BY 'third-Pw3'");
                sm.setCredentials(user, "not-the-password");
                s.execute("KILL CONNECTION " + MAPPER.readTree(after.getBody()).get("pid").asLong());
                APIGatewayProxyResponseEvent refused = proxy.handle(request("GET", "/me", "/me").build(), "c");
                assertEquals(503, refused.getStatusCode(), refused.getBody());
                assertEquals(3, sm.calls());
                assertFalse(String.join("\n", log).contains("second-Pw2"), "no password in logs");
                assertFalse(String.join("\n", log).contains("not-the-password"), "no password in logs");
                proxy.close();
            } finally {
                s.execute("DROP USER '" + user + "'@'%'");
            }
        }
    }
}
