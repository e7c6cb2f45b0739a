package dev.gatehouse.lambda.database;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.database.config.DatabaseRoutes;
import dev.gatehouse.database.config.TimeoutBudget;
import dev.gatehouse.lambda.database.internal.CredentialsProvider;
import dev.gatehouse.lambda.database.internal.IamAuthTokenProvider;
import dev.gatehouse.lambda.database.internal.JdbcConnectionFactory;
import dev.gatehouse.lambda.database.internal.SecretsManagerCredentialsProvider;
import dev.gatehouse.lambda.database.internal.Settings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.rds.RdsUtilities;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Lambda entry point: {@code dev.gatehouse.lambda.database.DatabaseProxyHandler::handleRequest}.
 * Init reads and validates the environment and the routes (a misconfiguration fails the init with
 * every problem listed); it opens no connection. See docs/database-proxy.md for the contract.
 */
public final class DatabaseProxyHandler
        implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
    private final DatabaseProxy proxy;

    public DatabaseProxyHandler() {
        this(fromEnvironment(System.getenv()));
    }

    /** A handler around a proxy built elsewhere (tests). */
    public DatabaseProxyHandler(DatabaseProxy proxy) {
        this.proxy = proxy;
    }

    /**
     * Answers within the function's remaining time less {@link TimeoutBudget#ANSWER_MARGIN} (or
     * the configured request timeout when that is shorter), so the answer is out before Lambda
     * stops the function.
     */
    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent input, Context context) {
        if (context == null) {
            return proxy.handle(input, null);
        }
        Duration left = Duration.ofMillis(context.getRemainingTimeInMillis()).minus(TimeoutBudget.ANSWER_MARGIN);
        return proxy.handle(input, context.getAwsRequestId(), left);
    }

    /**
     * The proxy the environment variables describe.
     *
     * @throws IllegalArgumentException listing every missing or invalid setting
     * @throws dev.gatehouse.database.config.DatabaseConfigException listing every problem in the routes
     */
    public static DatabaseProxy fromEnvironment(Map<String, String> env) {
        Settings settings = Settings.fromEnvironment(env);
        DatabaseRoutes routes = loadRoutes(settings);
        if (routes.engine() != settings.engine()) {
            throw new IllegalArgumentException("the routes are written for " + routes.engine().jsonName() + " but "
                    + Settings.ENGINE + " is " + settings.engine().jsonName() + ": make them agree");
        }
        return DatabaseProxy.builder(routes, JdbcConnectionFactory.fromSettings(settings))
                .credentials(credentials(settings))
                .statementTimeout(settings.statementTimeout())
                .requestTimeout(settings.requestTimeout())
                .build();
    }

    private static DatabaseRoutes loadRoutes(Settings settings) {
        String json = settings.routesInline().orElse(null);
        if (json == null) {
            try {
                json = Files.readString(settings.routesFile(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("could not read the routes file " + settings.routesFile(), e);
            }
        }
        return DatabaseRoutes.fromJson(json).requireValid();
    }

    /** How the proxy (and the schema handler) log in: an IAM token or the secret's user and password. */
    static CredentialsProvider credentials(Settings s) {
        Region region = Region.of(s.region().orElseThrow());
        if (s.auth() == Settings.Auth.IAM) {
            RdsUtilities utilities = RdsUtilities.builder()
                    .region(region)
                    .credentialsProvider(EnvironmentVariableCredentialsProvider.create())
                    .build();
            String user = s.user().orElseThrow();
            return new IamAuthTokenProvider(IamAuthTokenProvider.rdsGenerator(utilities, s.host(), s.port(), user),
                    user, Clock.systemUTC(), IamAuthTokenProvider.DEFAULT_MAX_AGE);
        }
        Duration timeout = s.connectTimeout();
        return new SecretsManagerCredentialsProvider(() -> SecretsManagerClient.builder()
                .region(region)
                .credentialsProvider(EnvironmentVariableCredentialsProvider.create())
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(timeout)
                        .socketTimeout(timeout.plusSeconds(2))
                        .build())
                // one bound for the whole call, the SDK's retries included
                .overrideConfiguration(o -> o.apiCallTimeout(timeout.plusSeconds(2)))
                .build(), s.secretArn().orElseThrow(), new ObjectMapper());
    }
}
