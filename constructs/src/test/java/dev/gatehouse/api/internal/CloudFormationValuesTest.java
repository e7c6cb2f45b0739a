package dev.gatehouse.api.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gatehouse.api.ApiEndpointType;
import dev.gatehouse.api.ApiKeySource;
import dev.gatehouse.api.ExecutionLogLevel;
import dev.gatehouse.api.QuotaPeriod;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Each of Gatehouse's enums maps to the value CloudFormation and API Gateway document. */
class CloudFormationValuesTest {

    private static <E extends Enum<E>> List<String> mapped(E[] values, Function<E, String> conversion) {
        return Arrays.stream(values).map(conversion).toList();
    }

    @Test
    void endpointTypesAreRestApiEndpointConfigurationTypes() {
        assertEquals(List.of("REGIONAL", "EDGE", "PRIVATE"),
                mapped(ApiEndpointType.values(), CloudFormationValues::endpointType));
    }

    @Test
    void apiKeySourcesAreTheApiKeySourceExtensionsValues() {
        assertEquals(List.of("HEADER", "AUTHORIZER"), mapped(ApiKeySource.values(), CloudFormationValues::apiKeySource));
    }

    @Test
    void executionLogLevelsAreMethodSettingLoggingLevels() {
        assertEquals(List.of("OFF", "ERROR", "INFO"),
                mapped(ExecutionLogLevel.values(), CloudFormationValues::loggingLevel));
    }

    @Test
    void quotaPeriodsAreUsagePlanQuotaPeriods() {
        assertEquals(List.of("DAY", "WEEK", "MONTH"), mapped(QuotaPeriod.values(), CloudFormationValues::quotaPeriod));
    }
}
