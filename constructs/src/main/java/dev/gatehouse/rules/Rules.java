package dev.gatehouse.rules;

import java.util.List;

/**
 * Every synth-time rule Gatehouse applies, in id order. Ids are stable: a rule may be retired but
 * its id is never reused.
 *
 * <p>Numbering: GH1xx routes, GH2xx integrations, GH3xx stage and API settings, GH4xx access
 * control, GH5xx database routes, GH600-GH619 caching, GH700-GH749 service limits
 * (docs/service-limits.md).
 */
public final class Rules {
    private Rules() {
    }

    // ---- Routes ------------------------------------------------------------------------------

    public static final Rule ROUTE_SPEC = new Rule("GH100", Severity.ERROR,
            "A route is written as METHOD /path",
            "Routes are declared as one string, an HTTP method and a path separated by one space, e.g. "
                    + "\"GET /orders/{id}\". The method is one of GET, POST, PUT, PATCH, DELETE, HEAD, "
                    + "OPTIONS or ANY (any case).");

    public static final Rule PATH_SYNTAX = new Rule("GH101", Severity.ERROR,
            "Route paths use API Gateway's resource path characters",
            "A path starts with '/', has no empty segment and no trailing '/' (the root is \"/\"), and "
                    + "each literal segment uses only a-z, A-Z, 0-9, '.', '_', '-', ':' and '$' — the "
                    + "characters API Gateway accepts in a resource path part.");

    public static final Rule PATH_VARIABLE = new Rule("GH102", Severity.ERROR,
            "Path variables are whole segments; a greedy variable comes last",
            "A path variable is a whole segment, {name}, its name made of letters, digits, '.', '_' and "
                    + "'-'. The greedy form {name+} catches the rest of the path and may only be the last "
                    + "segment. A name may appear once per path.");

    public static final Rule SIBLING_VARIABLES = new Rule("GH103", Severity.ERROR,
            "At most one path variable among sibling segments",
            "API Gateway allows one variable child per resource: /orders/{id} and /orders/{orderId}/lines "
                    + "cannot both exist, because /orders would have two variable children. Use the same "
                    + "variable name in every route under the same parent.");

    public static final Rule DUPLICATE_ROUTE = new Rule("GH104", Severity.ERROR,
            "Each method and path is declared once",
            "Two routes with the same method and path would overwrite one another. ANY and an explicit "
                    + "method on the same path may coexist: API Gateway serves the explicit method and "
                    + "sends every other method to ANY.");

    public static final Rule NO_ROUTES = new Rule("GH105", Severity.ERROR,
            "An API has at least one route",
            "API Gateway refuses to deploy a REST API without methods (\"The REST API doesn't contain "
                    + "any methods\"), which would roll the stack back.");

    public static final Rule RESOURCE_QUOTA = new Rule("GH106", Severity.WARNING,
            "Resource count within API Gateway's default quota",
            "API Gateway's default quota is 300 resources (distinct paths) per REST API. It can be "
                    + "raised through Service Quotas; request the increase before deploying a larger API, "
                    + "or the import fails.");

    public static final Rule OPERATION_ID = new Rule("GH107", Severity.ERROR,
            "Operation ids are unique",
            "OpenAPI requires every operationId to be unique within the document; generated clients "
                    + "name their methods after it.");

    public static final Rule AUTHORIZATION_REQUIRED = new Rule("GH110", Severity.ERROR,
            "Every route declares who may call it",
            "Gatehouse is secure by default: a route without authorization is an error, not a public "
                    + "endpoint. Give the route an authorization (e.g. Authorization.iam()), or mark it "
                    + "public explicitly with Authorization.none().");

    // ---- Integrations ------------------------------------------------------------------------

    public static final Rule HTTP_URL = new Rule("GH200", Severity.ERROR,
            "HTTP integrations target an absolute http(s) URL",
            "An HTTP integration's URL is absolute, starts with http:// or https://, has a host, and "
                    + "carries no query string or fragment (the client's query string is passed through).");

    public static final Rule HTTP_URL_VARIABLES = new Rule("GH201", Severity.ERROR,
            "Variables in an HTTP integration URL come from the route path",
            "Each {name} in the backend URL is filled from the route's path variable of the same name "
                    + "(a greedy {name+} route variable fills {name}); a URL variable the route does not "
                    + "have would reach the backend unfilled.");

    public static final Rule INTEGRATION_TIMEOUT = new Rule("GH202", Severity.ERROR,
            "Integration timeout between 50 ms and 29 seconds",
            "API Gateway accepts integration timeouts from 50 ms to 29,000 ms for REST APIs (longer "
                    + "timeouts for Regional APIs need a quota increase and are not supported here yet).");

    public static final Rule MOCK_RESPONSE = new Rule("GH203", Severity.ERROR,
            "Mock responses are static and well-formed",
            "A mock response has a 3-digit status code from 100 to 599, header names that are HTTP "
                    + "tokens, header values without single quotes or line breaks, and a body without '$' "
                    + "or '#' (the body is rendered as a VTL template, where those characters are code).");

    public static final Rule SNAPSTART_QUALIFIER = new Rule("GH204", Severity.ERROR,
            "SnapStart functions are invoked through a version or alias",
            "Lambda SnapStart only applies to published versions. Routing to the unqualified function "
                    + "($LATEST) silently runs without SnapStart; route to an alias of the current version "
                    + "(create it once with fn.addAlias(\"live\") and reuse it: stable ARN and permission across "
                    + "updates) or to fn.getCurrentVersion().");

    public static final Rule IMPORTED_FUNCTION_PERMISSION = new Rule("GH205", Severity.WARNING,
            "Functions in another account or Region are granted by their owner",
            "A Lambda permission can only be created in the function's own account and Region. Gatehouse "
                    + "creates one for imported functions in the stack's account and Region (conditionally, "
                    + "when the stack is environment-agnostic); for a function elsewhere, its owner must allow "
                    + "apigateway.amazonaws.com to invoke it for this API, or every call answers 500.");

    // ---- Mapping templates, request validation, binary media (GH220-GH239) ---------------------

    public static final Rule MAPPING_TEMPLATE_SYNTAX = new Rule("GH220", Severity.ERROR,
            "Mapping templates are valid VTL",
            "Every request, integration response and gateway response template in the document is parsed "
                    + "with Apache Velocity, the template language API Gateway evaluates, whoever wrote it. A "
                    + "template that does not parse would fail every request it applies to; the message names the "
                    + "route, the template's content type and the line.");

    public static final Rule MAPPING_TEMPLATE_SIZE = new Rule("GH221", Severity.ERROR,
            "Mapping templates are at most 300 KB",
            "API Gateway's quota for the size of one mapping template is 300 KB, and it cannot be raised "
                    + "(API Gateway quotas, \"Mapping template size\").");

    public static final Rule MEDIA_TYPE = new Rule("GH222", Severity.ERROR,
            "Template and model content types are type/subtype",
            "Request templates, response templates and request models are keyed by a media type, "
                    + "type/subtype made of HTTP token characters (e.g. application/json), without parameters; "
                    + "API Gateway picks them by the request's Content-Type or the client's Accept header.");

    public static final Rule PARAMETER_MAPPING = new Rule("GH223", Severity.ERROR,
            "Parameter mappings use API Gateway's expressions",
            "A request parameter maps integration.request.path|querystring|header|multivaluequerystring|"
                    + "multivalueheader.<name> from method.request.path|querystring|header|multivaluequerystring|"
                    + "multivalueheader.<name>, method.request.body[.<JSONPath>], context.<name>, "
                    + "stageVariables.<name> or a 'static value'. A response parameter maps "
                    + "method.response.header.<name> from integration.response.header|multivalueheader.<name>, "
                    + "integration.response.body[.<JSONPath>], context.<name>, stageVariables.<name> or a "
                    + "'static value'. Names use a-z, A-Z, 0-9, '.', '_', '$' and '-'; a path source is a "
                    + "variable of the route.");

    public static final Rule INTEGRATION_RESPONSES = new Rule("GH224", Severity.ERROR,
            "Integration responses select with a valid pattern and a status code",
            "A selection pattern is a Java regular expression (API Gateway's dialect), used once per "
                    + "integration; for HTTP and AWS backends it is matched against the 3-digit status code, so "
                    + "it must match at least one. The status code is 100 to 599.");

    public static final Rule LAMBDA_SELECTION_PATTERN = new Rule("GH225", Severity.WARNING,
            "Lambda error patterns do not select successful invocations",
            "For a Lambda function a selection pattern is matched against the errorMessage of a failed "
                    + "invocation, and a successful invocation has none: a pattern that matches the empty string "
                    + "(.*, (.|\\n)*) selects successes too, so they get the error's status code. Use .+ (or "
                    + "(.|\\n)+) to catch every error.");

    public static final Rule NO_DEFAULT_RESPONSE = new Rule("GH226", Severity.WARNING,
            "Non-proxy integrations have a default response",
            "Without an integration response that has no selection pattern, a backend response that no "
                    + "pattern selects becomes a 500 error (\"No match for output mapping and no default output "
                    + "mapping configured\").");

    public static final Rule PASSTHROUGH_WITHOUT_TEMPLATES = new Rule("GH227", Severity.ERROR,
            "Passthrough NEVER comes with request templates",
            "With passthroughBehavior NEVER, API Gateway rejects every request whose content type has no "
                    + "request template with 415 Unsupported Media Type; without any template that is every request.");

    public static final Rule REQUEST_MODEL = new Rule("GH228", Severity.ERROR,
            "Request models are valid JSON Schema draft 4",
            "API Gateway validates bodies against models written in JSON Schema draft 4. A model is checked "
                    + "against the draft-4 meta-schema with a JSON Schema library; its name uses only letters and "
                    + "digits; its $refs point to models of the same API (#/components/schemas/<Name>); one name "
                    + "stands for one schema.");

    public static final Rule MODEL_KEYWORDS = new Rule("GH229", Severity.ERROR,
            "Request models use only what API Gateway supports",
            "AWS's \"Amazon API Gateway important notes for REST APIs\" lists what API Gateway does not "
                    + "support in models: discriminator, example, exclusiveMinimum, readOnly, number with format "
                    + "int32 or int64, and format decimal.");

    public static final Rule REQUEST_PARAMETERS = new Rule("GH230", Severity.ERROR,
            "Required request parameters are named as API Gateway accepts",
            "Required query string parameters and headers are named with a-z, A-Z, 0-9, '.', '_', '$' and "
                    + "'-' (headers: HTTP token characters), each once.");

    public static final Rule VALIDATION_COVERAGE = new Rule("GH231", Severity.WARNING,
            "A route's request validator checks what the route declares",
            "A request model is only enforced by a validator that validates the body, and required "
                    + "parameters only by one that validates parameters; otherwise they are documentation only.");

    public static final Rule WEAKENED_VALIDATION = new Rule("GH232", Severity.WARNING,
            "Routes that accept a body validate the body and the parameters",
            "Gatehouse validates every request's parameters and body (against the model the route declares). "
                    + "A POST, PUT, PATCH or ANY route that reaches a backend with a weaker validator is allowed, "
                    + "but the deploy checks' posture rule reports it.");

    public static final Rule BINARY_MEDIA_TYPES = new Rule("GH233", Severity.ERROR,
            "Binary media types are type/subtype, wildcards allowed",
            "Each binary media type is a media type (image/png) or a wildcard of one (image/*, */*), each "
                    + "once; API Gateway treats payloads of these types as binary.");

    public static final Rule CONTENT_HANDLING_WITHOUT_BINARY = new Rule("GH234", Severity.WARNING,
            "Converting request bodies to text needs binary media types",
            "CONVERT_TO_TEXT Base64-encodes binary request bodies, and a request body is binary only when its "
                    + "Content-Type is one of the API's binary media types; without any, the conversion never "
                    + "happens.");
    public static final Rule PRIVATE_LINK_TARGET = new Rule("GH260", Severity.ERROR,
            "A VPC link V1 reaches Network Load Balancers only",
            "A VPC link V1 (AWS::ApiGateway::VpcLink, the legacy kind) targets Network Load Balancers; API "
                    + "Gateway cannot send its traffic to an Application Load Balancer. A VPC link V2 "
                    + "(AWS::ApiGatewayV2::VpcLink: a GatewayVpcLink, or the one Gatehouse creates per API and VPC) "
                    + "reaches both.");

    public static final Rule PRIVATE_TLS = new Rule("GH261", Severity.ERROR,
            "HTTPS to a private load balancer names the host its certificate is for",
            "In a private integration API Gateway sets the Host header, and verifies the backend's certificate, "
                    + "from the host of the integration URI. A load balancer's own DNS name (*.elb.amazonaws.com) "
                    + "is on no certificate its owner can hold, so an HTTPS or TLS listener needs host(...) set to "
                    + "a name its certificate covers. insecureSkipVerification accepts certificates of private "
                    + "certificate authorities (the host name is still checked) and means nothing over plain HTTP.");

    public static final Rule PRIVATE_LINK_VPC = new Rule("GH262", Severity.ERROR,
            "A private integration knows its VPC link",
            "Without a link in its options, a private integration goes through a VPC link V2 that Gatehouse "
                    + "creates once per API and VPC, in the load balancer's VPC and private subnets. A load balancer "
                    + "imported without its VPC gives none to create it in: pass a GatewayVpcLink.");

    public static final Rule PRIVATE_PATH = new Rule("GH263", Severity.ERROR,
            "Private integration hosts and paths are well-formed",
            "The backend path starts with '/' and has no query string, fragment or whitespace (the client's "
                    + "query string is passed through); its {name} variables are path variables of the route "
                    + "(GH201). The host is a DNS name without scheme, port, path or whitespace.");

    public static final Rule STREAMING_TYPE = new Rule("GH264", Severity.ERROR,
            "Only proxy integrations stream responses",
            "API Gateway streams responses (responseTransferMode STREAM) of HTTP_PROXY and AWS_PROXY integrations "
                    + "only: Lambda proxy, HTTP proxy and private HTTP proxy routes. Every other type needs the whole "
                    + "response (mapping templates, integration responses), so STREAM on it fails the import.");

    public static final Rule STREAMING_LAMBDA_URI = new Rule("GH265", Severity.ERROR,
            "Streamed Lambda routes invoke InvokeWithResponseStream",
            "A Lambda proxy integration streams through the .../2021-11-15/functions/{arn}/response-streaming-"
                    + "invocations URI and buffers through .../2015-03-31/functions/{arn}/invocations; API Gateway "
                    + "supports neither mixed combination. Integrations.lambda picks the URI from the streaming mode; "
                    + "this rule catches integrations written by hand.");

    public static final Rule STREAMING_TIMEOUT = new Rule("GH266", Severity.ERROR,
            "Streamed responses time out between 50 ms and 15 minutes",
            "A streamed response may last up to 15 minutes (900,000 ms), and only a streamed one may go past the "
                    + "29 s limit without a quota increase. Streams also end after an idle time without data: 5 "
                    + "minutes for REGIONAL and PRIVATE APIs, 30 seconds for EDGE ones.");

    public static final Rule STREAMING_RUNTIME = new Rule("GH267", Severity.WARNING,
            "Streamed Lambda functions write the streaming format",
            "API Gateway streams a Lambda function's answer only when the function writes its metadata JSON, 8 null "
                    + "bytes and then the body through Lambda response streaming, which Lambda's Node.js runtimes "
                    + "offer; other runtimes need a custom runtime or the Lambda Web Adapter. A function that answers "
                    + "the usual proxy JSON gets 500 for every request.");

    // ---- AWS-service and Step Functions integrations (GH240-GH259) ---------------------------

    public static final Rule STEP_FUNCTIONS_SYNC_STANDARD = new Rule("GH240", Severity.ERROR,
            "Synchronous Step Functions routes run EXPRESS state machines",
            "StartSyncExecution runs EXPRESS workflows only. API Gateway accepts the integration on a "
                    + "STANDARD state machine, and then every call fails (StateMachineTypeNotSupported). Run "
                    + "a STANDARD workflow asynchronously (the route answers 202 with the execution ARN), or "
                    + "make the state machine EXPRESS.");

    public static final Rule STEP_FUNCTIONS_TYPE_UNKNOWN = new Rule("GH241", Severity.WARNING,
            "A synchronous route to an imported state machine states its type",
            "The type of a state machine imported by ARN or name is not known at synth. A synchronous "
                    + "route to it works only if it is EXPRESS; say so with stateMachineType(EXPRESS) in the "
                    + "route's options, which also makes a STANDARD one an error (GH240).");

    public static final Rule STEP_FUNCTIONS_OPTIONS = new Rule("GH242", Severity.ERROR,
            "Step Functions route options fit the mapping templates",
            "Workflow error names mapped to statuses are non-empty, at most 256 characters, without "
                    + "quotes, backslashes, '$', '#' or control characters (they are written into the "
                    + "response template), and map to 400-499 (failures are 5xx already); headers passed to "
                    + "the workflow are named with letters, digits, '-' and '_'. An asynchronous route has no workflow result, so "
                    + "error statuses and the error cause do not apply to it.");

    public static final Rule SQS_MESSAGE = new Rule("GH243", Severity.ERROR,
            "SQS routes give FIFO queues a message group",
            "A FIFO queue refuses messages without a MessageGroupId, so a route to one names its message "
                    + "group (1 to 128 letters, digits and punctuation); a standard queue takes none. Each "
                    + "request is its own message (the deduplication id is the request id).");

    public static final Rule EVENTBRIDGE_ENTRY = new Rule("GH244", Severity.ERROR,
            "EventBridge routes fix a valid source and detail type",
            "PutEvents needs a source (1 to 256 characters, not starting with 'aws.', which AWS services "
                    + "use) and a detail type (1 to 128 characters). Both are written into the request "
                    + "template, so they may not contain quotes, backslashes, '$', '#' or control characters.");

    public static final Rule DYNAMODB_KEY = new Rule("GH245", Severity.ERROR,
            "DynamoDB routes give the table's whole key",
            "GetItem and PutItem name every key attribute of the table (partition and, if the table has "
                    + "one, sort key); Query names the partition key of the table or index, and optionally its "
                    + "sort key. Key values come from the route's own path variables or from query string "
                    + "parameters; key attributes are strings or numbers; an index is one of the table's and "
                    + "only Query reads it. A table imported by name or ARN has no known key schema: give it "
                    + "(keySchema). Attribute names are written into the request template, so they may not "
                    + "contain quotes, backslashes, '$', '#' or control characters.");

    // ---- Stage and API settings --------------------------------------------------------------

    public static final Rule STAGE_NAME = new Rule("GH300", Severity.ERROR,
            "Stage names use letters, digits, '-' and '_' (at most 128)",
            "API Gateway stage names may contain only alphanumeric characters, hyphens and underscores, "
                    + "and are at most 128 characters long.");

    public static final Rule THROTTLE_VALUES = new Rule("GH301", Severity.ERROR,
            "Throttle rate and burst are non-negative",
            "Throttling uses a token bucket: the rate (requests per second) refills it and the burst is "
                    + "its size. Both must be zero or more; a burst of 0 or a rate of 0 rejects every "
                    + "request with 429.");

    public static final Rule ACCESS_LOG_FORMAT = new Rule("GH302", Severity.ERROR,
            "Access log formats include the request id",
            "An access log line without $context.requestId or $context.extendedRequestId cannot be "
                    + "matched with execution logs or with a client's error report; API Gateway also "
                    + "requires one of them.");

    public static final Rule ENDPOINT_TYPE = new Rule("GH303", Severity.ERROR,
            "PRIVATE APIs name the VPC endpoints that may call them",
            "A PRIVATE API is reachable only through interface VPC endpoints for execute-api, and API "
                    + "Gateway refuses to deploy one without a resource policy. Gatehouse writes that policy "
                    + "from the endpoints given in ResourcePolicy.vpcEndpoints(...), so at least one is needed.");

    public static final Rule BODY_FORMAT = new Rule("GH304", Severity.ERROR,
            "A JSON-text Body holds only values that need no escaping",
            "As JSON text, the document's deploy-time values are filled in by Fn::Sub, which does not "
                    + "escape quotes, backslashes or line breaks. Ids, names, ARNs and pseudo parameters never "
                    + "contain them; a template parameter, an SSM or dynamic reference or another import might. "
                    + "The default object form has no such limit; JSON_TEXT is an opt-in.");

    // ---- Access control ----------------------------------------------------------------------

    public static final Rule AUTHORIZER_TTL = new Rule("GH400", Severity.ERROR,
            "Authorizer result cache TTL between 0 and 3600 seconds",
            "API Gateway caches a Lambda authorizer's result for at most 3600 seconds; 0 turns caching off.");

    public static final Rule AUTHORIZER_IDENTITY_SOURCE = new Rule("GH401", Severity.ERROR,
            "Authorizer identity sources are valid",
            "A TOKEN authorizer reads one header, named with HTTP token characters. A REQUEST authorizer's "
                    + "identity sources are method.request.header|querystring|multivalueheader|"
                    + "multivaluequerystring.<name>, stageVariables.<name> or context.<name>; with result "
                    + "caching it needs at least one, because they are the cache key.");

    public static final Rule JWT_SETTINGS = new Rule("GH402", Severity.ERROR,
            "JWT authorizer settings are complete and safe",
            "The issuer is required and, unless the JWKS URL is given, an https URL (OpenID Connect "
                    + "issuers are); the JWKS URL is an absolute https URL without credentials or fragment; at "
                    + "least one audience is required unless the audience check is turned off explicitly, and "
                    + "audiences contain no commas; algorithms come from RS256, RS384, RS512, PS256, ES256 and "
                    + "ES384 (never none or HMAC); the clock skew is 0 to 60 seconds; context claims are claim "
                    + "names the authorizer does not set itself. These are the checks the bundled authorizer "
                    + "makes when it starts, so a configuration that synthesizes also starts.");

    public static final Rule JWT_ROUTE_SCOPES_SIZE = new Rule("GH403", Severity.ERROR,
            "JWT authorizer route configuration fits what the handler reads",
            "The JWT authorizer's function receives every route's required scopes in a file beside its "
                    + "code, and reads at most 1 MiB of it.");

    public static final Rule JWT_ROUTE_CONFLICT = new Rule("GH404", Severity.ERROR,
            "A route asks one JWT authorizer for one set of scopes",
            "An authorizer shared by several APIs keys its configuration by method and path; the same "
                    + "route may not require different scopes in two APIs that share the authorizer.");

    public static final Rule JWT_POLICY_AMBIGUITY = new Rule("GH405", Severity.ERROR,
            "Cached JWT decisions can be expressed exactly",
            "A TOKEN authorizer's cached policy must cover every route the caller may use. When routes that "
                    + "need different scopes overlap in ways an IAM policy's wildcards cannot separate (for "
                    + "example a greedy {proxy+} route beside a more specific one), a cached policy would be "
                    + "wrong for some routes. Turn result caching off for that authorizer (TTL 0), or give "
                    + "the overlapping routes separate authorizers.");

    public static final Rule JWT_SCOPE = new Rule("GH406", Severity.ERROR,
            "Required JWT scopes are scope tokens",
            "A token's scope claim is a space-separated list of RFC 6749 scope tokens: printable ASCII "
                    + "characters other than space, '\"' and '\\'. A required scope outside that set could never "
                    + "be granted, and the bundled authorizer refuses such a configuration when it starts (every "
                    + "request would then be denied).");

    public static final Rule JWT_LOCAL_ISSUER = new Rule("GH407", Severity.WARNING,
            "A JWT issuer on this machine only works locally",
            "The bundled authorizer fetches keys over https; plain http is accepted only from localhost, "
                    + "127.0.0.1 and [::1], for Gatehouse's local gateway and tests. Deployed to AWS, such an "
                    + "authorizer cannot reach its keys and denies every request.");

    public static final Rule JWT_ISSUER_SCHEME = new Rule("GH408", Severity.WARNING,
            "A JWT issuer written as a host names its scheme",
            "A token is accepted only when its 'iss' claim equals the issuer exactly. OpenID Connect issuers "
                    + "are https URLs (\"https://auth.example.com/\"), so an issuer written as a bare host "
                    + "(\"auth.example.com\") usually matches no token, and every request is denied. A JWKS URL "
                    + "given separately does not change that; an issuer whose tokens really carry a bare host keeps it.");

    public static final Rule API_KEY_VALUE = new Rule("GH410", Severity.ERROR,
            "API key values are 20 to 128 letters and digits",
            "API Gateway requires API key values of at least 20 characters; Gatehouse accepts 20 to 128 "
                    + "letters and digits. Leaving the value out lets API Gateway generate one.");

    public static final Rule USAGE_PLAN_SETTINGS = new Rule("GH411", Severity.ERROR,
            "Usage plans throttle and meter real API-key routes",
            "A usage plan's route throttle names a route of the API as declared (\"GET /orders\") that "
                    + "requires an API key (other requests are not counted against any plan), and a plan with "
                    + "route throttles has a throttle of its own (API Gateway: \"Can not define fine grain "
                    + "throttling if usage plan throttle is not defined\"). Throttle values "
                    + "are non-negative; a quota allows at least one request, and its offset fits the period "
                    + "(DAY 0, WEEK 0-6, MONTH 0-27).");

    public static final Rule API_KEY_IN_TEMPLATE = new Rule("GH412", Severity.WARNING,
            "API key values given in code end up in the template",
            "A key value set in code is written to the CloudFormation template and the cloud assembly in "
                    + "clear text. Prefer generated values, or import existing keys with GatewayApiKey.fromKeyId.");

    public static final Rule API_KEY_WITHOUT_PLAN = new Rule("GH413", Severity.WARNING,
            "Routes that require an API key have a usage plan",
            "API Gateway only accepts API keys that belong to a usage plan associated with the stage. "
                    + "Without a plan in this app, no key can call those routes unless a plan is managed "
                    + "elsewhere.");

    public static final Rule CORS_CREDENTIALS = new Rule("GH420", Severity.ERROR,
            "CORS with credentials names its origins",
            "Browsers refuse credentialed responses that allow origin '*'; allowing credentials for any "
                    + "origin would also expose users' sessions to every site. List the origins instead.");

    public static final Rule CORS_SETTINGS = new Rule("GH421", Severity.ERROR,
            "CORS origins, methods and headers are well-formed",
            "Origins are '*' or scheme://host[:port] without a path or trailing slash; at least one is "
                    + "given; header names are HTTP tokens; allowed methods are explicit (not ANY).");

    public static final Rule SOURCE_IP = new Rule("GH430", Severity.ERROR,
            "Resource policy IP ranges are IP addresses or CIDR blocks",
            "aws:SourceIp conditions take IPv4 or IPv6 addresses or CIDR blocks such as 203.0.113.0/24; "
                    + "anything else never matches, which would silently allow or deny everyone.");

    public static final Rule RESOURCE_POLICY_OVERLAP = new Rule("GH431", Severity.ERROR,
            "A resource policy can tell IAM routes from the others",
            "With IAM routes, Gatehouse's resource policy allows principal '*' only on the other routes. "
                    + "Policy patterns turn path variables into '*', which also matches '/': a public "
                    + "/orders/{id} matches /orders/1/invoice. When such a pattern reaches an IAM route, "
                    + "that route would be open to any signed caller, so it is an error.");

    public static final Rule MTLS_SETTINGS = new Rule("GH440", Severity.ERROR,
            "Custom domains and mutual TLS are well-formed",
            "Public custom domains map to REGIONAL or EDGE APIs, not PRIVATE ones; mutual TLS is "
                    + "available on REGIONAL custom domains only; the truststore is an S3 object "
                    + "(s3://bucket/key) holding the PEM bundle of accepted client CAs; a base path is "
                    + "segments separated by '/' without leading or trailing '/'.");

    public static final Rule MTLS_BYPASS = new Rule("GH441", Severity.WARNING,
            "Mutual TLS cannot be bypassed through execute-api",
            "With the default execute-api endpoint on, clients can reach the API without a client "
                    + "certificate, around the mutual TLS domain.");

    public static final Rule WEB_ACL = new Rule("GH450", Severity.ERROR,
            "Web ACLs are REGIONAL WAFv2 ACLs",
            "A REST API stage can be associated with a WAFv2 web ACL of scope REGIONAL "
                    + "(arn:aws:wafv2:<region>:<account>:regional/webacl/<name>/<id>); CLOUDFRONT ACLs and "
                    + "WAF Classic are not accepted. A created ACL's rate limit is at least 10 requests per "
                    + "5 minutes, or 0 for none.");

    // ---- Database routes ---------------------------------------------------------------------

    public static final Rule DATABASE_ROUTES = new Rule("GH500", Severity.ERROR,
            "Database route configuration is consistent",
            "Every parameter used in a route's SQL is declared and every declared parameter is used; path "
                    + "parameters match the path; routes are unique; pagination, limits and result kinds fit "
                    + "the route (the full list is in docs/database-proxy.md). Clients never send SQL and "
                    + "identifiers are never built from input.");

    public static final Rule DATABASE_TARGET = new Rule("GH501", Severity.ERROR,
            "The database matches the routes' engine",
            "The routes' SQL is written for one engine (PostgreSQL or MySQL/MariaDB); the cluster or "
                    + "instance they run against must be of the same family.");

    public static final Rule DATABASE_OPTIONS = new Rule("GH502", Severity.ERROR,
            "Database backend options are usable",
            "Per-route options name configured routes; the connect and statement timeouts are at least "
                    + "100 ms (GH504 bounds them from above) and the function's timeout is whole seconds; a TLS "
                    + "CA bundle file exists; schema statements are not blank; a secret's reader can reach "
                    + "Secrets Manager.");

    public static final Rule DATABASE_TLS = new Rule("GH503", Severity.ERROR,
            "Connections to the database verify its certificate",
            "RDS Proxy certificates chain to a public CA and are verified with the JVM's trust store. "
                    + "Clusters and instances present certificates from the RDS CA: give its bundle "
                    + "(tlsCaBundle) so the connection is verify-full, or opt in to encrypted but "
                    + "unverified TLS with allowUnverifiedTls(true). Setting both, or opting in for RDS "
                    + "Proxy, is a contradiction.");

    public static final Rule DATABASE_TIMEOUTS = new Rule("GH504", Severity.ERROR,
            "Database proxy timeouts nest",
            "A request through the database proxy (a connection, its statement, and once more on a new "
                    + "connection after a broken one: twice the connect and statement timeouts) must fit in the "
                    + "function's timeout less 1 s, the margin the proxy keeps to answer; past that deadline it "
                    + "answers 504 (503 while connecting). The function's timeout must end at least 2 s before "
                    + "API Gateway's 29 s integration timeout, or clients get API Gateway's 504 while a write "
                    + "may still commit.");

    // ---- Caching -----------------------------------------------------------------------------

    public static final Rule CACHE_CLUSTER_SIZE = new Rule("GH600", Severity.ERROR,
            "Cache clusters have one of API Gateway's sizes",
            "A stage's cache cluster is 0.5, 1.6, 6.1, 13.5, 28.4, 58.2, 118 or 237 GB, written as API Gateway "
                    + "names the size (\"0.5\", \"118\"); any other value fails the deployment.");

    public static final Rule CACHE_TTL = new Rule("GH601", Severity.ERROR,
            "Cache TTL between 0 and 3600 whole seconds",
            "API Gateway keeps a cached response for 0 to 3600 seconds (300 by default); 0 caches nothing. "
                    + "The TTL is a whole number of seconds.");

    public static final Rule CACHE_WITHOUT_CLUSTER = new Rule("GH602", Severity.ERROR,
            "Caching needs the stage's cache cluster",
            "Cached routes, stage-wide caching and flushing on deploy need a cache cluster on the stage. "
                    + "Gatehouse does not create one implicitly: a cluster is billed by the hour from the moment "
                    + "it exists, so its size is a decision (StageSettings.cacheClusterSize).");

    public static final Rule CACHE_KEY = new Rule("GH603", Severity.ERROR,
            "Cache key parameters are request parameters of the route",
            "A cache key part names a path variable of the route, or a query string parameter or header "
                    + "with a valid name (Gatehouse declares those as optional request parameters of the "
                    + "operation, as API Gateway requires of cache key parameters). A part the route cannot "
                    + "have would never tell two requests apart.");

    public static final Rule CACHE_WRITE_METHOD = new Rule("GH604", Severity.WARNING,
            "Write methods are cached only on purpose",
            "API Gateway caches GET methods when a stage turns caching on; caching a POST, PUT, PATCH or "
                    + "DELETE route answers repeated writes from the cache without reaching the backend. An "
                    + "ANY route's caching applies to its GET requests only.");

    public static final Rule CACHE_IDENTITY = new Rule("GH605", Severity.ERROR,
            "Cached responses are never served to another caller",
            "API Gateway checks authorization before it looks in the cache, but the cache key holds only "
                    + "the parameters it is given: behind an authorization that identifies callers (JWT, "
                    + "Cognito, Lambda authorizers, IAM), caller B would get the response cached for caller A. "
                    + "A cached route behind such an authorization keys its cache by the caller "
                    + "(CacheKey.caller(): the token header or the authorizer's identity sources) or declares "
                    + "its responses the same for everyone (sharedAcrossCallers). A caller key needs an "
                    + "authorization whose identity is in the request (a header or query parameter).");

    public static final Rule CACHE_SIGV4_KEY = new Rule("GH606", Severity.WARNING,
            "A cache keyed by SigV4 signatures never hits",
            "An IAM route identifies callers by their Signature Version 4 Authorization header, which "
                    + "changes with every request (it signs the time). Keyed by it, the cache is safe but "
                    + "serves nothing; cache only responses that are the same for every caller "
                    + "(sharedAcrossCallers) on IAM routes.");

    public static final Rule CACHE_INVALIDATION = new Rule("GH607", Severity.WARNING,
            "Cache invalidation requires authorization",
            "Any client may invalidate a cached response with Cache-Control: max-age=0 unless invalidation "
                    + "requires execute-api:InvalidateCache; a client sending it on every request turns the "
                    + "cache off and passes its load to the backend.");

    // ---- Service limits (docs/service-limits.md) -------------------------------------------------

    public static final Rule DOCUMENT_IMPORT_SIZE = new Rule("GH700", Severity.ERROR,
            "A document is at most the 6 MB API Gateway imports",
            "API Gateway imports an OpenAPI document of at most 6 MB (PutRestApi, ImportRestApi); CloudFormation "
                    + "hands it the whole document on every deployment of the API. Measured as the document is "
                    + "written to S3, before its deploy-time values are filled in (the publisher checks the filled "
                    + "document again at deploy time). A larger API must be split into several APIs.");

    public static final Rule DOCUMENT_TEMPLATE_SIZE = new Rule("GH701", Severity.ERROR,
            "Documents kept in the template fit CloudFormation's template size",
            "CloudFormation reads a template of at most 1 MB from S3 (the CDK counts 1,000,000 characters). "
                    + "Documents kept in the template with documentLocation(INLINE) that take more than that "
                    + "together cannot deploy, whatever else the stack holds.");

    public static final Rule DOCUMENT_INLINE_BUDGET = new Rule("GH702", Severity.WARNING,
            "Documents kept in the template leave room for the rest of the stack",
            "With documentLocation(INLINE), a stack's documents may take more of the template than the budget "
                    + "Gatehouse keeps for them (600,000 bytes), leaving the rest of the stack less than 400,000 of "
                    + "CloudFormation's 1 MB. The default, AUTOMATIC, puts such a document in S3.");

    public static final Rule DOCUMENT_DYNAMIC_REFERENCE = new Rule("GH703", Severity.ERROR,
            "A document in S3 holds no dynamic references",
            "CloudFormation resolves dynamic references ({{resolve:ssm:...}}, {{resolve:secretsmanager:...}}) in "
                    + "a template, not in a file in S3: a document in S3 would reach API Gateway with the reference "
                    + "text itself.");

    public static final Rule AUTHORIZERS_PER_API = new Rule("GH710", Severity.WARNING,
            "At most 10 authorizers per API (default quota)",
            "API Gateway's quota 'Authorizers per API (AWS Lambda and Amazon Cognito)' is 10 by default. It can be "
                    + "raised, through the AWS Support Center; without the increase the import fails.");

    public static final Rule RESOURCE_POLICY_LENGTH = new Rule("GH711", Severity.WARNING,
            "A resource policy within 8,192 characters (default quota)",
            "API Gateway's quota 'Length, in characters, of API Gateway resource policy' is 8,192 by default. It "
                    + "can be raised through Service Quotas; without the increase the deployment fails. Measured on "
                    + "the policy as API Gateway keeps it, with each execute-api:/ pattern written out as the API's "
                    + "ARN.");

    public static final Rule METHOD_ARN_LENGTH = new Rule("GH712", Severity.ERROR,
            "A method's ARN is at most 1,600 bytes",
            "When a method has authorization, or the API a resource policy, API Gateway builds the request's "
                    + "method ARN (arn:aws:execute-api:region:account:api/stage/METHOD/path), which may be 1,600 "
                    + "bytes at most: longer requests are answered 414. A route whose path is longer than that even "
                    + "with one-character path variables can never be called.");

    public static final Rule URL_LENGTH = new Rule("GH713", Severity.ERROR,
            "A route's URL fits API Gateway's URL length",
            "API Gateway accepts request URLs of at most 10,240 characters for a Regional API and 8,192 for an "
                    + "edge-optimized or private one. A route whose URL is longer than that even with "
                    + "one-character path variables can never be called.");

    public static final Rule STAGE_VARIABLE_COUNT = new Rule("GH714", Severity.ERROR,
            "At most 100 stage variables",
            "API Gateway allows at most 100 stage variables per stage (not adjustable).");

    public static final Rule STAGE_VARIABLE_NAME = new Rule("GH715", Severity.ERROR,
            "Stage variable names are at most 64 letters, digits and underscores",
            "A stage variable's name is at most 64 characters (not adjustable) of A-Z, a-z, 0-9 and '_'.");

    public static final Rule STAGE_VARIABLE_VALUE = new Rule("GH716", Severity.ERROR,
            "Stage variable values are at most 512 characters",
            "A stage variable's value is at most 512 characters (not adjustable), of letters, digits and "
                    + "-._~:/?#&=, only.");

    public static final Rule STAGE_TAGS = new Rule("GH717", Severity.ERROR,
            "At most 50 tags on a stage and on an API",
            "API Gateway allows 50 tags per stage (not adjustable), and 50 per resource in general. Tags applied "
                    + "to the whole app (Tags.of(app)) count too; tags whose keys start with aws: do not.");

    public static final Rule ACCOUNT_THROTTLE = new Rule("GH718", Severity.WARNING,
            "Throttles within the account's default throttle quota",
            "API Gateway throttles each account in a Region at 10,000 requests per second with a burst of 5,000 "
                    + "by default (2,500 and 1,250 in some Regions), across all its APIs. A stage, route or usage "
                    + "plan throttle above that never applies unless the quota ('Throttle rate') is raised through "
                    + "Service Quotas.");

    public static final Rule MODEL_SIZE = new Rule("GH719", Severity.ERROR,
            "An API's models take at most 400 KB",
            "API Gateway's quota 'Model size per API' is 400 KB (not adjustable): the request models of an API "
                    + "(components.schemas), counted here as their compact JSON. Past it the import fails.");

    public static final Rule METRIC_DIMENSIONS = new Rule("GH720", Severity.WARNING,
            "Names within CloudWatch's 255-character dimensions",
            "CloudWatch metric dimension values are at most 255 characters. API Gateway's metrics carry the API "
                    + "name and, with detailed metrics, the resource path: longer names do not fit them.");

    public static final Rule RESERVED_PATHS = new Rule("GH721", Severity.WARNING,
            "No /ping or /sping at the root of a custom domain",
            "API Gateway reserves /ping and /sping for its health check: through a custom domain that maps the "
                    + "API at the root, routes at those paths do not get the requests.");

    public static final Rule USAGE_PLANS_PER_KEY = new Rule("GH725", Severity.WARNING,
            "An API key is in at most 10 usage plans (default quota)",
            "API Gateway's quota 'Usage plans per API key' is 10 by default. It can be raised through Service "
                    + "Quotas; without the increase adding the key to more plans fails.");

    public static final Rule USAGE_PLAN_ROUTE_THROTTLES = new Rule("GH726", Severity.WARNING,
            "At most 20 route throttles per stage in a usage plan (default quota)",
            "API Gateway's quota 'Method-level throttling settings for a stage in a usage plan' is 20 by default. "
                    + "It can be raised through Service Quotas.");

    public static final Rule USAGE_PLANS_PER_REGION = new Rule("GH730", Severity.WARNING,
            "A stack creates at most 300 usage plans (default quota)",
            "API Gateway's quota 'Usage plans per account per Region' is 300 by default, for everything in the "
                    + "account. It can be raised through Service Quotas.");

    public static final Rule CLIENT_CERTIFICATES_PER_REGION = new Rule("GH731", Severity.WARNING,
            "A stack creates at most 60 client certificates (default quota)",
            "API Gateway's quota 'Client certificates per account per Region' is 60 by default, for everything "
                    + "in the account. It can be raised through Service Quotas.");

    public static final Rule CUSTOM_DOMAINS_PER_REGION = new Rule("GH732", Severity.WARNING,
            "A stack creates at most 120 custom domain names (default quota)",
            "API Gateway's quota 'Public custom domain names per account per Region' is 120 by default, for "
                    + "everything in the account. It can be raised through Service Quotas.");

    public static final Rule EDGE_APIS_PER_REGION = new Rule("GH733", Severity.ERROR,
            "A stack creates at most 120 edge-optimized APIs",
            "API Gateway allows 120 edge-optimized APIs per account and Region (not adjustable). A RestApi "
                    + "without an endpoint type is edge-optimized.");

    public static final Rule VPC_LINKS_PER_REGION = new Rule("GH734", Severity.WARNING,
            "A stack creates VPC links within the account's default quotas",
            "API Gateway's quotas on VPC links per account and Region are 20 for VPC links V1 "
                    + "(AWS::ApiGateway::VpcLink, listed with REST APIs) and 10 for VPC links V2 "
                    + "(AWS::ApiGatewayV2::VpcLink, listed with HTTP APIs), for everything in the account. Both can be "
                    + "raised through Service Quotas.");

    public static final Rule STACK_OUTPUTS = new Rule("GH740", Severity.ERROR,
            "A stack has at most 200 outputs",
            "CloudFormation accepts at most 200 outputs in a template. Each GatewayApi adds one (its URL).");

    public static final Rule STACK_PARAMETERS = new Rule("GH741", Severity.ERROR,
            "A stack has at most 200 parameters",
            "CloudFormation accepts at most 200 parameters in a template. The CDK's legacy synthesizer adds "
                    + "parameters for each asset (Gatehouse's bundled functions and documents in S3 are assets).");

    public static final Rule STACK_MAPPINGS = new Rule("GH742", Severity.ERROR,
            "A stack has at most 200 mappings",
            "CloudFormation accepts at most 200 mappings in a template.");

    public static final Rule RESOURCE_NAME_LENGTH = new Rule("GH743", Severity.ERROR,
            "Resource logical ids are at most 255 characters",
            "CloudFormation's resource names (logical ids) are at most 255 characters. The CDK keeps the ids it "
                    + "makes within that; an id set with overrideLogicalId may not be.");

    public static final Rule OUTPUT_NAME_LENGTH = new Rule("GH744", Severity.ERROR,
            "Output names are at most 255 characters",
            "CloudFormation's output names are at most 255 characters.");

    public static final Rule PARAMETER_NAME_LENGTH = new Rule("GH745", Severity.ERROR,
            "Parameter names are at most 255 characters",
            "CloudFormation's parameter names are at most 255 characters.");

    public static final Rule MAPPING_NAME_LENGTH = new Rule("GH746", Severity.ERROR,
            "Mapping names are at most 255 characters",
            "CloudFormation's mapping names are at most 255 characters.");

    private static final List<Rule> ALL = List.of(
            ROUTE_SPEC, PATH_SYNTAX, PATH_VARIABLE, SIBLING_VARIABLES, DUPLICATE_ROUTE, NO_ROUTES,
            RESOURCE_QUOTA, OPERATION_ID, AUTHORIZATION_REQUIRED,
            HTTP_URL, HTTP_URL_VARIABLES, INTEGRATION_TIMEOUT, MOCK_RESPONSE, SNAPSTART_QUALIFIER,
            IMPORTED_FUNCTION_PERMISSION,
            MAPPING_TEMPLATE_SYNTAX, MAPPING_TEMPLATE_SIZE, MEDIA_TYPE, PARAMETER_MAPPING, INTEGRATION_RESPONSES,
            LAMBDA_SELECTION_PATTERN, NO_DEFAULT_RESPONSE, PASSTHROUGH_WITHOUT_TEMPLATES, REQUEST_MODEL, MODEL_KEYWORDS,
            REQUEST_PARAMETERS, VALIDATION_COVERAGE, WEAKENED_VALIDATION, BINARY_MEDIA_TYPES,
            CONTENT_HANDLING_WITHOUT_BINARY,
            STEP_FUNCTIONS_SYNC_STANDARD, STEP_FUNCTIONS_TYPE_UNKNOWN, STEP_FUNCTIONS_OPTIONS, SQS_MESSAGE,
            EVENTBRIDGE_ENTRY, DYNAMODB_KEY,
            PRIVATE_LINK_TARGET, PRIVATE_TLS, PRIVATE_LINK_VPC, PRIVATE_PATH,
            STREAMING_TYPE, STREAMING_LAMBDA_URI, STREAMING_TIMEOUT, STREAMING_RUNTIME,
            STAGE_NAME, THROTTLE_VALUES, ACCESS_LOG_FORMAT, ENDPOINT_TYPE, BODY_FORMAT,
            AUTHORIZER_TTL, AUTHORIZER_IDENTITY_SOURCE, JWT_SETTINGS, JWT_ROUTE_SCOPES_SIZE, JWT_ROUTE_CONFLICT,
            JWT_POLICY_AMBIGUITY, JWT_SCOPE, JWT_LOCAL_ISSUER, JWT_ISSUER_SCHEME, API_KEY_VALUE, USAGE_PLAN_SETTINGS,
            API_KEY_IN_TEMPLATE, API_KEY_WITHOUT_PLAN,
            CORS_CREDENTIALS, CORS_SETTINGS, SOURCE_IP, RESOURCE_POLICY_OVERLAP, MTLS_SETTINGS, MTLS_BYPASS, WEB_ACL,
            DATABASE_ROUTES, DATABASE_TARGET, DATABASE_OPTIONS, DATABASE_TLS, DATABASE_TIMEOUTS,
            CACHE_CLUSTER_SIZE, CACHE_TTL, CACHE_WITHOUT_CLUSTER, CACHE_KEY, CACHE_WRITE_METHOD, CACHE_IDENTITY,
            CACHE_SIGV4_KEY, CACHE_INVALIDATION,
            DOCUMENT_IMPORT_SIZE, DOCUMENT_TEMPLATE_SIZE, DOCUMENT_INLINE_BUDGET, DOCUMENT_DYNAMIC_REFERENCE,
            AUTHORIZERS_PER_API, RESOURCE_POLICY_LENGTH, METHOD_ARN_LENGTH, URL_LENGTH, STAGE_VARIABLE_COUNT,
            STAGE_VARIABLE_NAME, STAGE_VARIABLE_VALUE, STAGE_TAGS, ACCOUNT_THROTTLE, MODEL_SIZE, METRIC_DIMENSIONS, RESERVED_PATHS,
            USAGE_PLANS_PER_KEY, USAGE_PLAN_ROUTE_THROTTLES, USAGE_PLANS_PER_REGION, CLIENT_CERTIFICATES_PER_REGION,
            CUSTOM_DOMAINS_PER_REGION, EDGE_APIS_PER_REGION, VPC_LINKS_PER_REGION, STACK_OUTPUTS, STACK_PARAMETERS, STACK_MAPPINGS,
            RESOURCE_NAME_LENGTH, OUTPUT_NAME_LENGTH, PARAMETER_NAME_LENGTH, MAPPING_NAME_LENGTH);

    /** Every rule, in id order. */
    public static List<Rule> all() {
        return ALL;
    }
}
