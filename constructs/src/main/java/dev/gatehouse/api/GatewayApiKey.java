package dev.gatehouse.api;

import dev.gatehouse.api.internal.UsagePlanLimits;
import dev.gatehouse.rules.Findings;
import dev.gatehouse.rules.Rules;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.services.apigateway.ApiKey;
import software.amazon.awscdk.services.apigateway.IApiKey;
import software.constructs.Construct;

/**
 * An API key for usage plans: made with {@link GatewayApi#addApiKey}, or an existing key imported
 * with {@link #fromKeyId}. Add it to a plan with {@link UsagePlanOptions.Builder#apiKeys} or
 * {@link GatewayUsagePlan#addApiKey}.
 */
public class GatewayApiKey extends Construct {
    private static final Pattern VALUE = Pattern.compile("[A-Za-z0-9]{20,128}");
    /** The id of the aws-cdk-lib key inside: "Default" keeps its logical id the construct's own. */
    private static final String KEY_ID = "Default";

    private final IApiKey key;

    /** A new key of {@code api}; a value given in code is checked (GH410) and flagged (GH412). */
    GatewayApiKey(GatewayApi api, String id, ApiKeySettings settings) {
        super(api, id);
        String subject = "API key '" + id + "'";
        if (settings.getValue() != null) {
            if (!VALUE.matcher(settings.getValue()).matches()) {
                api.report(Rules.API_KEY_VALUE, subject, "its value is not 20 to 128 letters and digits.",
                        "leave the value out to have API Gateway generate one, or give 20 to 128 letters and digits.");
            }
            api.report(Rules.API_KEY_IN_TEMPLATE, subject, "its value is written to the template in clear text.",
                    "leave the value out, or import the key with GatewayApiKey.fromKeyId.");
        }
        this.key = ApiKey.Builder.create(this, KEY_ID)
                .apiKeyName(settings.getApiKeyName())
                .description(settings.getDescription())
                .value(settings.getValue())
                .enabled(true)
                .build();
        getNode().addValidation(this::validate);
    }

    private GatewayApiKey(Construct scope, String id, String keyId) {
        super(scope, id);
        this.key = ApiKey.fromApiKeyId(this, KEY_ID, Objects.requireNonNull(keyId, "keyId"));
        getNode().addValidation(this::validate);
    }

    /** The usage plans of the app that include this key, against API Gateway's quota (GH725, a warning). */
    private List<String> validate() {
        long plans = getNode().getRoot().getNode().findAll().stream()
                .filter(c -> c instanceof GatewayUsagePlan plan && plan.includes(this)).count();
        Findings findings = new Findings();
        UsagePlanLimits.checkKey("API key '" + getNode().getId() + "'", plans, findings);
        findings.all().forEach(w -> Annotations.of(this).addWarningV2("@gatehouse/" + w.getRule().getId(), w.getMessage()));
        return List.of();
    }

    /** An API key that exists already (created elsewhere), by its id. */
    public static GatewayApiKey fromKeyId(Construct scope, String id, String keyId) {
        return new GatewayApiKey(scope, id, keyId);
    }

    /** The key's id (not its value). */
    public String getKeyId() {
        return key.getKeyId();
    }

    /** The key's ARN, for IAM policies. */
    public String getKeyArn() {
        return key.getKeyArn();
    }

    /** The aws-cdk-lib key, for escape hatches. */
    public IApiKey getApiKey() {
        return key;
    }
}
