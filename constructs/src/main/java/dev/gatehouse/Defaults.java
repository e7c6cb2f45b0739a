package dev.gatehouse;

import dev.gatehouse.api.ApiEndpointType;
import dev.gatehouse.api.ApiKeySource;
import dev.gatehouse.api.BodyFormat;
import dev.gatehouse.api.DocumentLocation;
import dev.gatehouse.api.ExecutionLogLevel;
import dev.gatehouse.api.RequestValidationMode;
import dev.gatehouse.api.UnauthorizedCacheControl;
import dev.gatehouse.api.internal.AccessLogJson;
import dev.gatehouse.integrations.TemplatePassthrough;
import dev.gatehouse.integrations.StreamingMode;
import dev.gatehouse.integrations.StepFunctionsExecution;
import java.util.List;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.logs.RetentionDays;

/**
 * Every default Gatehouse applies, in one place, so a reader sees them all at once.
 *
 * <p>Precedence everywhere: what a construct requires, then what the user set, then these.
 * Property Javadoc refers here ({@code @default}) instead of repeating values that could drift.
 */
public final class Defaults {
    private Defaults() {
    }

    // ---- API -----------------------------------------------------------------------------------

    /** Regional endpoint: no CloudFront distribution in front unless asked for. */
    public static final ApiEndpointType ENDPOINT_TYPE = ApiEndpointType.REGIONAL;

    /** {@code info.version} of the OpenAPI document. */
    public static final String API_VERSION = "1.0";

    /**
     * API Gateway's import fails instead of silently dropping a part of the document it does not
     * understand ({@code FailOnWarnings}).
     */
    public static final boolean FAIL_ON_WARNINGS = true;

    /**
     * The document goes into the RestApi's {@code Body} as a JSON object: the form aws-cdk-lib's
     * {@code SpecRestApi}, SAM and CloudFormation's own examples deploy. JSON text is an opt-in
     * that no deployment has proven yet (docs/design.md, "The document in the template").
     */
    public static final BodyFormat BODY_FORMAT = BodyFormat.OBJECT;

    /**
     * The document is in the template while it fits {@link #INLINE_DOCUMENTS_BUDGET_BYTES}, in S3
     * past it (docs/design.md, "Documents too large for the template").
     */
    public static final DocumentLocation DOCUMENT_LOCATION = DocumentLocation.AUTOMATIC;

    /**
     * How many bytes of a stack's template the OpenAPI documents written into it may take together,
     * as the CDK writes the template (indented): 600,000 of the 1,000,000 the CDK counts as
     * CloudFormation's limit for a template in S3, leaving 400,000 for the rest of the stack, about
     * 800 bytes for each of the 500 resources a stack may hold. With {@link DocumentLocation#AUTOMATIC}
     * a document that would take the stack past this goes to S3.
     */
    public static final long INLINE_DOCUMENTS_BUDGET_BYTES = 600_000;

    /** Clients may call the API's default {@code execute-api} endpoint (a mutual TLS domain turns it off). */
    public static final boolean DISABLE_EXECUTE_API_ENDPOINT = false;

    /** A route needs no API key unless it asks for one. */
    public static final boolean API_KEY_REQUIRED = false;

    /**
     * Routes that require an API key read it from the {@code x-api-key} header. This is API
     * Gateway's own default, so the document only names the source when one is set.
     */
    public static final ApiKeySource API_KEY_SOURCE = ApiKeySource.HEADER;

    /**
     * The request headers a CORS preflight allows: the ones API Gateway's own authorization
     * schemes (tokens, API keys, SigV4) need, and Content-Type.
     */
    public static final List<String> CORS_ALLOW_HEADERS =
            List.of("Content-Type", "Authorization", "X-Api-Key", "X-Amz-Date", "X-Amz-Security-Token");

    /** Browsers may send no cookies or HTTP authentication unless asked for. */
    public static final boolean CORS_ALLOW_CREDENTIALS = false;

    /** How long browsers may cache a preflight answer (10 minutes). */
    public static final int CORS_MAX_AGE_SECONDS = 600;

    /**
     * The account-wide API Gateway CloudWatch role is left alone: setting it would overwrite a role
     * another stack or team configured (aws-cdk #7140, #10878).
     */
    public static final boolean CLOUDWATCH_ROLE = false;

    /**
     * Every operation is covered by this request validator (declared in the document, validating
     * required parameters and the body against the operation's model, when it declares one).
     */
    public static final String REQUEST_VALIDATOR = "body-and-parameters";

    // ---- Stage ---------------------------------------------------------------------------------

    public static final String STAGE_NAME = "prod";

    /** X-Ray tracing of every request. */
    public static final boolean TRACING_ENABLED = true;

    /** Execution logging of errors only; INFO logs every request and costs accordingly. */
    public static final ExecutionLogLevel EXECUTION_LOGGING_LEVEL = ExecutionLogLevel.ERROR;

    /** Full request/response logging stays off: bodies and headers may carry credentials. */
    public static final boolean DATA_TRACE_ENABLED = false;

    /** Per-method CloudWatch metrics cost extra; API-level metrics are always on. */
    public static final boolean DETAILED_METRICS_ENABLED = false;

    /** JSON access logs, one line per request. */
    public static final boolean ACCESS_LOGGING_ENABLED = true;

    public static final RetentionDays ACCESS_LOG_RETENTION = RetentionDays.ONE_YEAR;

    /** One JSON object per request: request ids, caller, route, status, latencies, error messages. */
    public static final String ACCESS_LOG_FORMAT = AccessLogJson.FORMAT;

    /** No client certificate for HTTP backends unless asked for. */
    public static final boolean CLIENT_CERTIFICATE = false;

    // ---- Caching (docs/caching.md) --------------------------------------------------------------

    /**
     * A stage with a cache cluster caches no route unless the route (or the stage's caching
     * settings) asks: caching changes what callers see, so it is a decision per route.
     */
    public static final boolean CACHE_GET_ROUTES = false;

    /** API Gateway's own default TTL of cached responses, in seconds. */
    public static final int CACHE_TTL_SECONDS = 300;

    /** Cached responses are encrypted at rest (API Gateway's own default is unencrypted). */
    public static final boolean CACHE_DATA_ENCRYPTED = true;

    /**
     * Only callers granted {@code execute-api:InvalidateCache} may invalidate a cached response
     * with {@code Cache-Control: max-age=0}.
     */
    public static final boolean CACHE_REQUIRE_AUTHORIZATION_FOR_CACHE_CONTROL = true;

    /**
     * An unauthorized invalidation request is answered 403, so that a client learns it was not
     * honoured (API Gateway's own default serves it with a warning header).
     */
    public static final UnauthorizedCacheControl UNAUTHORIZED_CACHE_CONTROL = UnauthorizedCacheControl.FAIL_WITH_403;

    /** A deployment leaves the stage cache alone unless asked to flush it. */
    public static final boolean FLUSH_CACHE_ON_DEPLOY = false;

    // ---- Integrations --------------------------------------------------------------------------

    /** Smallest integration timeout API Gateway accepts, in milliseconds. */
    public static final int INTEGRATION_TIMEOUT_MIN_MILLIS = 50;

    /** Largest (and default) integration timeout for REST APIs, in milliseconds. */
    public static final int INTEGRATION_TIMEOUT_MAX_MILLIS = 29_000;

    // ---- Mapping templates and request validation ---------------------------------------------

    /**
     * Non-proxy integrations reject content types without a request template (415) once they have
     * templates, and pass bodies through while they have none: the behaviour the API Gateway console
     * marks as recommended, where AWS's own default (WHEN_NO_MATCH) would hand the backend a body no
     * template was written for.
     */
    public static final TemplatePassthrough TEMPLATE_PASSTHROUGH = TemplatePassthrough.WHEN_NO_TEMPLATES;

    /** Status code of the default integration response a non-proxy integration gets when it declares none. */
    public static final int MAPPING_DEFAULT_STATUS = 200;

    /** API Gateway's limit on one mapping template, in bytes (300 KB; it cannot be raised). */
    public static final int MAPPING_TEMPLATE_MAX_BYTES = 300 * 1024;

    /** A route validates its parameters and its body: the API's {@link #REQUEST_VALIDATOR}. */
    public static final RequestValidationMode REQUEST_VALIDATION_MODE = RequestValidationMode.BODY_AND_PARAMETERS;

    /** Content type of a request model given without one. */
    public static final String MODEL_CONTENT_TYPE = "application/json";
    /**
     * Responses are buffered: API Gateway sends them once the integration has answered in full
     * (streaming is an opt-in per route, {@code StreamingMode.STREAM}).
     */
    public static final StreamingMode STREAMING_MODE = StreamingMode.BUFFERED;

    /** Largest integration timeout of a route whose response streams (15 minutes), in milliseconds. */
    public static final int STREAMING_TIMEOUT_MAX_MILLIS = 900_000;

    /**
     * A private integration over HTTPS accepts only certificates of the authorities API Gateway
     * trusts ({@code tlsConfig.insecureSkipVerification} off).
     */
    public static final boolean INSECURE_SKIP_VERIFICATION = false;

    // ---- AWS-service and Step Functions integrations ---------------------------------------------

    /** Step Functions routes answer with the workflow's result (StartSyncExecution, EXPRESS workflows). */
    public static final StepFunctionsExecution STEP_FUNCTIONS_EXECUTION = StepFunctionsExecution.SYNCHRONOUS;

    /** The execution input carries the route's path parameters ({@code path}). */
    public static final boolean STEP_FUNCTIONS_INCLUDE_PATH = true;

    /** The execution input carries the query string parameters ({@code querystring}). */
    public static final boolean STEP_FUNCTIONS_INCLUDE_QUERY_STRING = true;

    /**
     * No request header goes into the execution input unless named: headers carry credentials
     * (Authorization, Cookie, X-Api-Key), and execution input is kept in the execution's history.
     */
    public static final List<String> STEP_FUNCTIONS_HEADERS = List.of();

    /** The authorizer's context (claims, principal) is not in the execution input unless asked for. */
    public static final boolean STEP_FUNCTIONS_INCLUDE_AUTHORIZER_CONTEXT = false;

    /**
     * A failed workflow's error cause is not told to the client: it may hold stack traces, ARNs
     * or data of other calls.
     */
    public static final boolean STEP_FUNCTIONS_EXPOSE_ERROR_CAUSE = false;

    /** DynamoDB reads are eventually consistent (half the read capacity of a strongly consistent one). */
    public static final boolean DYNAMODB_CONSISTENT_READ = false;

    /** A DynamoDB Query returns matches in ascending sort key order. */
    public static final boolean DYNAMODB_SCAN_INDEX_FORWARD = true;

    // ---- Bundled handlers ----------------------------------------------------------------------

    /** Graviton: cheaper per GB-second, and SnapStart supports it. */
    public static final Architecture HANDLER_ARCHITECTURE = Architecture.ARM_64;

    public static final int HANDLER_MEMORY_MB = 512;

    public static final int HANDLER_TIMEOUT_SECONDS = 10;

    /**
     * The OpenAPI document publisher (the custom resource of a document in S3) reads, fills in and
     * writes up to 6 MB in three S3 calls of at most 30 seconds each, and must then still answer
     * CloudFormation.
     */
    public static final int DOCUMENT_PUBLISHER_TIMEOUT_SECONDS = 120;

    /**
     * How long CloudFormation waits for the document publisher's answer before it fails the
     * resource (the custom resource's {@code ServiceTimeout}; CloudFormation's own default is an
     * hour): the function's timeout and a margin for its start.
     */
    public static final int DOCUMENT_PUBLISHER_SERVICE_TIMEOUT_SECONDS = 300;

    public static final RetentionDays HANDLER_LOG_RETENTION = RetentionDays.THREE_MONTHS;

    /**
     * With SnapStart, API Gateway invokes this alias of the handler's current version: a stable ARN
     * and permission across code changes.
     */
    public static final String HANDLER_ALIAS = "live";
}
