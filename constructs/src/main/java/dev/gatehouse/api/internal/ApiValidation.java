package dev.gatehouse.api.internal;

import dev.gatehouse.Defaults;
import dev.gatehouse.api.BodyFormat;
import dev.gatehouse.api.Route;
import dev.gatehouse.rules.Finding;
import dev.gatehouse.rules.Findings;
import dev.gatehouse.rules.Rules;
import dev.gatehouse.rules.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.Stack;
import software.constructs.Construct;

/**
 * The checks of a whole API, run by {@code node.addValidation} when the app is synthesized: the
 * findings reported while it was declared, the route table (rules GH103 to GH107), the resource
 * policy's conflicts (GH431), the Body format (GH304), API keys without a usage plan (GH413), and
 * the document's mapping templates (GH220, GH221, GH234) and model references (GH228).
 * Errors fail synthesis; warnings become annotations.
 */
public final class ApiValidation {
    private final Construct api;
    private final String apiName;
    private final Findings findings;
    private final RouteTable routes;
    private final DocumentRenderer document;
    private final ResourcePolicyRenderer policy;
    private final BodyFormat bodyFormat;
    private final BooleanSupplier hasUsagePlans;
    private boolean warningsAnnotated;

    /**
     * @param findings what was reported while the API was declared
     * @param bodyFormat the format asked for, or null
     * @param hasUsagePlans whether a usage plan includes the API's stage
     */
    public ApiValidation(Construct api, String apiName, Findings findings, RouteTable routes, DocumentRenderer document,
            ResourcePolicyRenderer policy, BodyFormat bodyFormat, BooleanSupplier hasUsagePlans) {
        this.api = api;
        this.apiName = apiName;
        this.findings = findings;
        this.routes = routes;
        this.document = document;
        this.policy = policy;
        this.bodyFormat = bodyFormat;
        this.hasUsagePlans = hasUsagePlans;
        StackLimits.watch(Stack.of(api));
    }

    /** The error messages; warnings are added to the API as annotations (once). */
    public List<String> validate() {
        Findings all = new Findings();
        all.addAll(findings);
        String subject = "GatewayApi '" + apiName + "'";
        List<RouteTable.DeclaredRoute> declared = routes.declared();
        List<RouteTableCheck.Entry> entries = new ArrayList<>(declared.size());
        for (RouteTable.DeclaredRoute route : declared) {
            if (route.route().getMethod() != null && route.path() != null) {
                entries.add(new RouteTableCheck.Entry(route.route().toString(), route.route().getMethod().name(),
                        route.path(), route.route().getOptions().getOperationId()));
            }
        }
        if (declared.isEmpty() || !entries.isEmpty()) {
            RouteTableCheck.check(subject, entries, all);
        }
        if (routes.valid()) {
            policy.reportConflicts(document.rendered().policy(), all);
        }
        DocumentMappingCheck.check(document.rendered().document(), all);
        routes.requests().checkModelReferences(all);
        if (routes.valid()) {
            DocumentLimits.check(subject, document.placement(), all);
            ApiLimits.check(api, apiName, routes, document, all);
        }
        if (bodyFormat == BodyFormat.JSON_TEXT && routes.valid() && !document.placement().inS3()
                && !document.rendered().textSafe()) {
            all.report(Rules.BODY_FORMAT, subject,
                    "bodyFormat is JSON_TEXT, but the document holds a deploy-time value that is not an id, name "
                            + "or ARN (a template parameter, an SSM or dynamic reference, an import of another kind), "
                            + "which could contain a quote or line break that Fn::Sub would not escape.",
                    "leave bodyFormat unset (the object form, the default) or set it to BodyFormat.OBJECT.");
        }
        List<String> keyRoutes = declared.stream().map(RouteTable.DeclaredRoute::route)
                .filter(r -> Objects.requireNonNullElse(r.getOptions().getApiKeyRequired(), Defaults.API_KEY_REQUIRED))
                .map(Route::toString).toList();
        if (!keyRoutes.isEmpty() && !hasUsagePlans.getAsBoolean()) {
            all.report(Rules.API_KEY_WITHOUT_PLAN, subject,
                    "routes " + keyRoutes + " require an API key, but no usage plan in this app includes the stage.",
                    "add one with api.addUsagePlan(...) and add keys to it, or ignore this if plans are managed "
                            + "elsewhere.");
        }
        if (!warningsAnnotated) {
            warningsAnnotated = true;
            for (Finding warning : all.withSeverity(Severity.WARNING)) {
                Annotations.of(api).addWarningV2("@gatehouse/" + warning.getRule().getId(), warning.getMessage());
            }
        }
        return all.withSeverity(Severity.ERROR).stream().map(Finding::getMessage).toList();
    }
}
