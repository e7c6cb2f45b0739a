package dev.gatehouse.lambda.jwt;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.IamPolicyResponse;
import dev.gatehouse.lambda.jwt.internal.AuthorizerLog;
import dev.gatehouse.lambda.jwt.internal.HttpJwksFetcher;
import dev.gatehouse.lambda.jwt.internal.JwksFetcher;
import dev.gatehouse.lambda.jwt.internal.JwksKeySource;
import dev.gatehouse.lambda.jwt.internal.Primer;
import dev.gatehouse.lambda.jwt.internal.Rejection;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * Lambda entry point of the JWT authorizer:
 * {@code dev.gatehouse.lambda.jwt.JwtAuthorizerHandler::handleRequest}, for API Gateway REST API
 * authorizers of type TOKEN or REQUEST.
 *
 * <p>Reads its configuration from the environment at init (see {@link JwtAuthorizerConfig}); a
 * configuration error is logged once and every request is then answered 401. Any failure answers
 * exactly {@code RuntimeException("Unauthorized")}, which API Gateway maps to 401; a principal
 * lacking a route's scopes gets an explicit Deny (403). Nothing touches the network at init; the
 * JWKS is fetched on first use. Registered as a CRaC resource for SnapStart: before the checkpoint
 * it primes its code paths with keys generated in-process; after restore it forgets cached keys and
 * fetches the JWKS in the background.
 */
public final class JwtAuthorizerHandler
        implements RequestHandler<APIGatewayCustomAuthorizerEvent, IamPolicyResponse>, org.crac.Resource {
    private final AuthorizerLog log;
    private final JwtAuthorizerConfig config;
    private final JwksKeySource keys;
    private final JwtAuthorizer authorizer;

    /** Used by Lambda: the process environment, the system clock, stdout. */
    public JwtAuthorizerHandler() {
        this(org.crac.Core.getGlobalContext());
    }

    /** As Lambda builds it, registered with {@code cracContext} (the global context, or a test's). */
    JwtAuthorizerHandler(org.crac.Context<org.crac.Resource> cracContext) {
        this(System::getenv, Clock.systemUTC(), AuthorizerLog.stdout(), null, JwtAuthorizerHandler::backgroundThread);
        cracContext.register(this); // the handler instance keeps itself reachable
    }

    /**
     * For tests and embedding.
     *
     * @param fetcher the JWKS fetcher, or null for HTTP with the configured limits
     * @param refreshExecutor runs refresh-ahead fetches
     */
    JwtAuthorizerHandler(Function<String, String> environment, Clock clock, AuthorizerLog log, JwksFetcher fetcher,
            Executor refreshExecutor) {
        this.log = log;
        JwtAuthorizerConfig loaded = null;
        try {
            loaded = JwtAuthorizerConfig.fromEnvironment(environment);
        } catch (ConfigurationException e) {
            log.write("configuration-error (every request will be answered 401): " + e.getMessage());
        }
        this.config = loaded;
        if (loaded == null) {
            this.keys = null;
            this.authorizer = null;
            return;
        }
        JwksFetcher http = fetcher != null ? fetcher : new HttpJwksFetcher(loaded.jwksConnectTimeoutMillis(),
                loaded.jwksReadTimeoutMillis(), loaded.jwksMaxBytes());
        // a request waits at most this long for a fetch under way: the fetcher's own deadline, doubled
        Duration maxWait = Duration.ofMillis(2L * (loaded.jwksConnectTimeoutMillis() + loaded.jwksReadTimeoutMillis()));
        this.keys = new JwksKeySource(loaded.jwksUri(), http, clock, loaded.jwksCacheTtl(), loaded.jwksMinRefetch(),
                maxWait, loaded.algorithms(), refreshExecutor, log);
        this.authorizer = new JwtAuthorizer(loaded, keys, clock, log);
    }

    /** Runs a refresh-ahead fetch on a new daemon thread, which cannot keep the runtime from freezing. */
    static void backgroundThread(Runnable task) {
        Thread thread = new Thread(task, "gatehouse-jwks-refresh");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public IamPolicyResponse handleRequest(APIGatewayCustomAuthorizerEvent event, Context context) {
        String requestId = requestId(event, context);
        if (authorizer == null) {
            log.write("reject reason=configuration-error requestId=" + requestId);
            throw unauthorized();
        }
        try {
            return authorizer.authorize(event, requestId);
        } catch (Rejection rejection) {
            log.write("reject reason=" + rejection.reason().code() + " requestId=" + requestId);
            throw unauthorized();
        } catch (RuntimeException e) {
            // Deliberate catch-all at the handler boundary: any other exception would reach API
            // Gateway as a 500 (or leak a message); the request fails closed as 401 instead.
            log.write("reject reason=internal-error requestId=" + requestId + " error=" + e.getClass().getName());
            throw unauthorized();
        }
    }

    /** The Lambda request id, and API Gateway's request id when the event carries it. */
    private static String requestId(APIGatewayCustomAuthorizerEvent event, Context context) {
        String lambda = context != null && context.getAwsRequestId() != null ? context.getAwsRequestId() : "-";
        if (event != null && event.getRequestContext() != null && event.getRequestContext().getRequestId() != null) {
            return lambda + " apiRequestId=" + event.getRequestContext().getRequestId();
        }
        return lambda;
    }

    private static RuntimeException unauthorized() {
        return new RuntimeException("Unauthorized"); // the exact message API Gateway maps to 401
    }

    /** The JWKS key source (null after a configuration error); exposes the fetch count for tests. */
    JwksKeySource keySource() {
        return keys;
    }

    /** Whether the configuration was valid. */
    boolean configured() {
        return authorizer != null;
    }

    /**
     * Primes the code paths with an in-process key before a SnapStart checkpoint; never fetches the
     * real JWKS.
     */
    @Override
    public void beforeCheckpoint(org.crac.Context<? extends org.crac.Resource> context) throws Exception {
        if (config == null) {
            return;
        }
        int decisions = Primer.prime(config.algorithms(), config.issuer(), config.audiences(), config.routeScopes(),
                config.jwksUri(), keySource -> {
                    JwtAuthorizer primed = new JwtAuthorizer(config, keySource, Clock.systemUTC(), line -> { });
                    return event -> primed.authorize(event, "primer");
                });
        log.write("primed decisions=" + decisions);
    }

    /**
     * Forgets cached keys and the fetch rate-limit clock (their ages mean nothing after a restore)
     * and starts fetching the JWKS in the background; the first request joins that fetch.
     */
    @Override
    public void afterRestore(org.crac.Context<? extends org.crac.Resource> context) {
        if (keys != null) {
            keys.reset();
            keys.refreshInBackground();
        }
    }
}
