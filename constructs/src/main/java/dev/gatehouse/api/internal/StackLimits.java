package dev.gatehouse.api.internal;

import dev.gatehouse.rules.Finding;
import dev.gatehouse.rules.Findings;
import dev.gatehouse.rules.Rule;
import dev.gatehouse.rules.Rules;
import dev.gatehouse.rules.Severity;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.WeakHashMap;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.CfnElement;
import software.amazon.awscdk.CfnMapping;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.CfnParameter;
import software.amazon.awscdk.CfnResource;
import software.amazon.awscdk.DefaultStackSynthesizer;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.apigateway.CfnClientCertificate;
import software.amazon.awscdk.services.apigateway.CfnDomainName;
import software.amazon.awscdk.services.apigateway.CfnRestApi;
import software.amazon.awscdk.services.apigateway.CfnUsagePlan;
import software.constructs.IConstruct;

/**
 * The limits of a whole stack that holds a GatewayApi (rules GH730 to GH746): how many usage plans,
 * client certificates, custom domains, edge-optimized APIs and VPC links it creates against the account's
 * quotas, and CloudFormation's limits on a template's outputs, parameters, mappings and names.
 * Checked once per stack, by a validation added to the stack when its first API is made.
 */
public final class StackLimits {
    static final int MAX_USAGE_PLANS = 300;
    static final int MAX_CLIENT_CERTIFICATES = 60;
    static final int MAX_CUSTOM_DOMAINS = 120;
    static final int MAX_EDGE_APIS = 120;
    static final int MAX_VPC_LINKS_V1 = 20;
    static final int MAX_VPC_LINKS_V2 = 10;
    static final int MAX_SECTION = 200;
    static final int MAX_NAME = 255;
    private static final Set<Stack> WATCHED = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

    private final Stack stack;
    private boolean warningsAnnotated;

    private StackLimits(Stack stack) {
        this.stack = stack;
    }

    /** Adds the stack's checks to {@code stack}, once. */
    public static void watch(Stack stack) {
        if (WATCHED.add(stack)) {
            stack.getNode().addValidation(new StackLimits(stack)::validate);
        }
    }

    private List<String> validate() {
        String subject = "stack '" + stack.getStackName() + "'";
        int usagePlans = 0;
        int certificates = 0;
        int domains = 0;
        int edgeApis = 0;
        int vpcLinksV1 = 0;
        int vpcLinksV2 = 0;
        List<CfnElement> outputs = new ArrayList<>();
        List<CfnElement> parameters = new ArrayList<>();
        List<CfnElement> mappings = new ArrayList<>();
        List<CfnElement> resources = new ArrayList<>();
        for (IConstruct construct : stack.getNode().findAll()) {
            if (!(construct instanceof CfnElement element) || Stack.of(element) != stack) {
                continue;
            }
            if (element instanceof CfnOutput) {
                outputs.add(element);
            } else if (element instanceof CfnParameter) {
                parameters.add(element);
            } else if (element instanceof CfnMapping) {
                mappings.add(element);
            } else if (element instanceof CfnResource) {
                resources.add(element);
            }
            usagePlans += element instanceof CfnUsagePlan ? 1 : 0;
            certificates += element instanceof CfnClientCertificate ? 1 : 0;
            domains += element instanceof CfnDomainName
                    || element instanceof software.amazon.awscdk.services.apigatewayv2.CfnDomainName ? 1 : 0;
            edgeApis += element instanceof CfnRestApi api && isEdge(api) ? 1 : 0;
            vpcLinksV1 += element instanceof software.amazon.awscdk.services.apigateway.CfnVpcLink ? 1 : 0;
            vpcLinksV2 += element instanceof software.amazon.awscdk.services.apigatewayv2.CfnVpcLink ? 1 : 0;
        }
        // the default synthesizer adds its BootstrapVersion parameter when it writes the template, after this
        int synthesizerParameters = stack.getSynthesizer() instanceof DefaultStackSynthesizer
                && stack.getNode().tryFindChild("BootstrapVersion") == null ? 1 : 0;
        Findings all = new Findings();
        quota(all, Rules.USAGE_PLANS_PER_REGION, subject, usagePlans, MAX_USAGE_PLANS, "usage plans",
                "API Gateway's default quota 'Usage plans per account per Region'",
                "share plans between APIs, or raise the quota through Service Quotas before deploying.");
        quota(all, Rules.CLIENT_CERTIFICATES_PER_REGION, subject, certificates, MAX_CLIENT_CERTIFICATES,
                "client certificates", "API Gateway's default quota 'Client certificates per account per Region'",
                "turn clientCertificate off for stages whose backends do not check it, or raise the quota through "
                        + "Service Quotas before deploying.");
        quota(all, Rules.CUSTOM_DOMAINS_PER_REGION, subject, domains, MAX_CUSTOM_DOMAINS, "custom domain names",
                "API Gateway's default quota 'Public custom domain names per account per Region'",
                "map several APIs under one domain with base paths, or raise the quota through Service Quotas before "
                        + "deploying.");
        quota(all, Rules.EDGE_APIS_PER_REGION, subject, edgeApis, MAX_EDGE_APIS, "edge-optimized APIs",
                "what API Gateway allows per account and Region (not adjustable)",
                "make the APIs REGIONAL (Gatehouse's default), with CloudFront in front where needed.");
        String shareLinks = "share one link between the APIs of a VPC (GatewayVpcLink), or raise the quota through "
                + "Service Quotas before deploying.";
        quota(all, Rules.VPC_LINKS_PER_REGION, subject, vpcLinksV1, MAX_VPC_LINKS_V1, "VPC links V1",
                "API Gateway's default quota 'VPC links per account per Region' for REST APIs", shareLinks);
        quota(all, Rules.VPC_LINKS_PER_REGION, subject, vpcLinksV2, MAX_VPC_LINKS_V2, "VPC links V2",
                "API Gateway's default quota 'VPC links per account per Region' for VPC links V2", shareLinks);
        quota(all, Rules.STACK_OUTPUTS, subject, outputs.size(), MAX_SECTION, "outputs",
                "what CloudFormation accepts in a template", "split the stack, or drop outputs nobody reads.");
        quota(all, Rules.STACK_PARAMETERS, subject, parameters.size() + synthesizerParameters, MAX_SECTION, "parameters",
                "what CloudFormation accepts in a template",
                "split the stack; with the legacy synthesizer, move to the default synthesizer (assets need no "
                        + "parameters there).");
        quota(all, Rules.STACK_MAPPINGS, subject, mappings.size(), MAX_SECTION, "mappings",
                "what CloudFormation accepts in a template", "split the stack, or merge mappings.");
        names(all, Rules.RESOURCE_NAME_LENGTH, "resource", resources);
        names(all, Rules.OUTPUT_NAME_LENGTH, "output", outputs);
        names(all, Rules.PARAMETER_NAME_LENGTH, "parameter", parameters);
        names(all, Rules.MAPPING_NAME_LENGTH, "mapping", mappings);
        if (!warningsAnnotated) {
            warningsAnnotated = true;
            for (Finding warning : all.withSeverity(Severity.WARNING)) {
                Annotations.of(stack).addWarningV2("@gatehouse/" + warning.getRule().getId(), warning.getMessage());
            }
        }
        return all.withSeverity(Severity.ERROR).stream().map(Finding::getMessage).toList();
    }

    private static void quota(Findings findings, Rule rule, String subject, int count, int max, String what,
            String limit, String fix) {
        if (count > max) {
            findings.report(rule, subject, "it creates " + count + " " + what + ", more than the " + max + " of " + limit
                    + ".", fix);
        }
    }

    private void names(Findings findings, Rule rule, String kind, List<CfnElement> elements) {
        for (CfnElement element : elements) {
            String name = String.valueOf(stack.resolve(element.getLogicalId()));
            if (name.length() > MAX_NAME) {
                findings.report(rule, kind + " '" + name.substring(0, 40) + "...' (" + element.getNode().getPath() + ")",
                        "its name is " + name.length() + " characters long; CloudFormation takes at most " + MAX_NAME + ".",
                        "give it a shorter id (overrideLogicalId, or a shorter construct id).");
            }
        }
    }

    private static boolean isEdge(CfnRestApi api) {
        return ApiLimits.endpointTypes(api).contains("EDGE");
    }
}
