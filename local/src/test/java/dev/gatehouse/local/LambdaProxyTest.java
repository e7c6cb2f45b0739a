package dev.gatehouse.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Java functions run in-process behind Lambda proxy integrations, as API Gateway and Lambda run them. */
class LambdaProxyTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static LocalGateway gateway;

    @BeforeAll
    static void serve() {
        gateway = LocalGateway.of(TestApps.probe(), TestApps.PROBE_STACK);
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    private static JsonNode body(LocalResponse response) throws Exception {
        assertEquals(200, response.status(), response.body());
        return JSON.readTree(response.body());
    }

    @Test
    void eventCarriesTheRequestAsPayloadFormatOne() throws Exception {
        // Given a request with repeated query parameters and headers
        LocalResponse response = gateway.client().get("/items/42?tag=a&tag=b&single=1")
                .header("X-Multi", "first").header("X-Multi", "second").send();

        // Then the function sees the REST proxy event
        JsonNode event = body(response).path("event");
        assertEquals("/items/{id}", event.path("resource").asText());
        assertEquals("/items/42", event.path("path").asText());
        assertEquals("GET", event.path("httpMethod").asText());
        assertEquals("42", event.path("pathParameters").path("id").asText());
        assertEquals("b", event.path("queryStringParameters").path("tag").asText());
        assertEquals("[\"a\",\"b\"]", event.path("multiValueQueryStringParameters").path("tag").toString());
        assertEquals("second", event.path("headers").path("X-Multi").asText());
        assertEquals("[\"first\",\"second\"]", event.path("multiValueHeaders").path("X-Multi").toString());
        JsonNode context = event.path("requestContext");
        assertEquals("prod", context.path("stage").asText());
        assertEquals("/prod/items/42", context.path("path").asText());
        assertEquals("/items/{id}", context.path("resourcePath").asText());
        assertEquals("127.0.0.1", context.path("identity").path("sourceIp").asText());
        assertEquals(response.header("x-amzn-RequestId"), context.path("requestId").asText());
        assertEquals(gateway.apiId(), context.path("apiId").asText());
        assertTrue(event.path("body").isNull());
        assertFalse(event.path("isBase64Encoded").asBoolean());
        // and its multi-value response headers reach the client
        assertEquals(List.of("one", "two"), response.headers("X-Probe"));
    }

    @Test
    void bodiesOfBinaryMediaTypesArriveBase64Encoded() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2};
        JsonNode binary = body(gateway.client().request("POST", "/probe").header("Content-Type", "image/png")
                .body(png).send()).path("event");
        assertTrue(binary.path("isBase64Encoded").asBoolean());
        assertEquals(Base64.getEncoder().encodeToString(png), binary.path("body").asText());

        JsonNode text = body(gateway.client().post("/probe", "{\"a\":1}").send()).path("event");
        assertFalse(text.path("isBase64Encoded").asBoolean());
        assertEquals("{\"a\":1}", text.path("body").asText());
    }

    @Test
    void functionSeesItsOwnEnvironmentAndClassLoaderAndIsConstructedOnce() throws Exception {
        JsonNode first = body(gateway.client().get("/probe").send());
        JsonNode second = body(gateway.client().get("/probe").send());
        assertEquals("hello from the template", first.path("greeting").asText());
        assertTrue(first.path("taskRoot").asText().contains("asset."), first.path("taskRoot").asText());
        // the process's own variables are not the function's
        assertTrue(first.path("home").isNull(), "HOME leaked into the function: " + first.path("home"));
        assertEquals("function Probe", first.path("loader").asText().replaceAll("[0-9A-F]{8}$", ""));
        assertEquals(1, second.path("constructed").asInt());
        assertTrue(second.path("invoked").asInt() > first.path("invoked").asInt());
    }

    @Test
    void routesPreferStaticResourcesAndGreedyVariablesTakeTheRest() throws Exception {
        assertEquals("/items/special", body(gateway.client().get("/items/special").send()).path("event")
                .path("resource").asText());
        JsonNode files = body(gateway.client().request("DELETE", "/files/a/b/c.txt").send()).path("event");
        assertEquals("a/b/c.txt", files.path("pathParameters").path("path").asText());
        assertEquals("DELETE", files.path("httpMethod").asText());
    }

    @Test
    void functionErrorsAndMalformedResultsAnswer502() {
        LocalResponse thrown = gateway.client().get("/probe?action=throw").send();
        assertEquals(502, thrown.status());
        assertEquals("{\"message\":\"Internal server error\"}", thrown.body());

        LocalResponse malformed = gateway.client().get("/probe?action=malformed").send();
        assertEquals(502, malformed.status());
        assertEquals("{\"message\":\"Internal server error\"}", malformed.body());
    }

    @Test
    void systemExitInAHandlerDoesNotStopTheGateway() throws Exception {
        assertEquals(502, gateway.client().get("/probe?action=exit").send().status());
        assertEquals("hello from the template", body(gateway.client().get("/probe").send()).path("greeting").asText());
    }

    @Test
    void functionTimeoutAnswers502AndAShorterIntegrationTimeout504() {
        // Given the function's timeout of 2 s, a call that sleeps 3 s fails as Lambda's "Task timed out"
        LocalResponse timedOut = gateway.client().get("/probe?action=sleep&ms=3000").send();
        assertEquals(502, timedOut.status());
        // and a route whose integration timeout (500 ms) is shorter answers API Gateway's 504
        LocalResponse integration = gateway.client().get("/short?action=sleep&ms=1500").send();
        assertEquals(504, integration.status());
        assertEquals("{\"message\":\"Endpoint request timed out\"}", integration.body());
    }

    @Test
    void reservedConcurrencyLimitsSimultaneousInvocations() throws Exception {
        // Given a function with reserved concurrency 2, when 4 calls arrive at once
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            calls.add(pool.submit(() -> {
                start.await();
                return gateway.client().get("/probe?action=sleep&ms=700").send().status();
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> call : calls) {
            statuses.add(call.get());
        }
        pool.shutdown();
        // Then two are served and the others throttled by Lambda, which API Gateway answers 500
        assertEquals(2, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
        assertEquals(2, statuses.stream().filter(s -> s == 500).count(), statuses.toString());
    }

    @Test
    void nonJavaFunctionsAnswer501NamingFunctionAndRuntime() {
        LocalResponse response = gateway.client().get("/node").send();
        assertEquals(501, response.status());
        assertTrue(response.body().contains("GET /node"), response.body());
        assertTrue(response.body().contains("nodejs20.x"), response.body());
        assertTrue(response.body().contains("Node"), response.body());
        assertNotEquals("", response.header("x-amzn-RequestId"));
    }

    @Test
    void contextCarriesTheGatewaysRequestIdAndTheFunctionsRemainingTime() throws Exception {
        // Given a Java handler taking the Lambda Context, of a function with a 3 s timeout and 256 MB
        // When it is called twice through the gateway
        LocalResponse first = gateway.client().get("/context").send();
        LocalResponse second = gateway.client().get("/context").send();

        for (LocalResponse response : List.of(first, second)) {
            JsonNode context = body(response);
            // Then its request id is the gateway's: the response header and the event's requestContext.requestId
            String requestId = response.header("x-amzn-RequestId");
            assertFalse(requestId == null || requestId.isEmpty());
            assertEquals(requestId, context.path("awsRequestId").asText());
            assertEquals(requestId, context.path("eventRequestId").asText());
            // and the remaining time is positive and at most the function's timeout
            int remaining = context.path("remainingTimeInMillis").asInt();
            assertTrue(remaining > 0 && remaining <= 3_000, "remaining " + remaining);
            assertTrue(context.path("invokedFunctionArn").asText().startsWith("arn:aws:lambda:us-east-1:123456789012:function:"),
                    context.toString());
            assertEquals(256, context.path("memoryLimitInMB").asInt());
        }
        // and each invocation has its own request id
        assertNotEquals(first.header("x-amzn-RequestId"), second.header("x-amzn-RequestId"));
    }

    @Test
    void contextsRemainingTimeIsTheFunctionsEvenBehindAShorterIntegrationTimeout() throws Exception {
        // Given the same function (3 s timeout) behind a route whose integration timeout is 1 s,
        // when it is called, then the Context counts down the function's timeout, as on Lambda,
        // which knows nothing of API Gateway's integration timeout
        int remaining = body(gateway.client().get("/context/short").send()).path("remainingTimeInMillis").asInt();
        assertTrue(remaining > 1_000 && remaining <= 3_000, "remaining " + remaining);
    }
}
