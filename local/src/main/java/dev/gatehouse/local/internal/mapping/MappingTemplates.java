package dev.gatehouse.local.internal.mapping;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.velocity.Template;
import org.apache.velocity.VelocityContext;
import org.apache.velocity.runtime.RuntimeInstance;
import org.apache.velocity.runtime.parser.ParseException;

/**
 * Mapping templates evaluated with Apache Velocity, as API Gateway does, with {@code $input},
 * {@code $util}, {@code $context} and {@code $stageVariables}
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-mapping-template-reference.html).
 * Each template is parsed once; text without Velocity syntax is returned as it is.
 */
public final class MappingTemplates {
    private final RuntimeInstance velocity = new RuntimeInstance();
    private final Map<String, Template> parsed = new ConcurrentHashMap<>();

    public MappingTemplates() {
        Properties properties = new Properties();
        properties.setProperty("runtime.strict_mode.enable", "false");
        // API Gateway's VTL is Velocity 1.7's, where '-' may appear in identifiers
        // ($context.authorizer.some-key, $context.responseOverride.header.X-Trace); Velocity 2 needs this switch
        properties.setProperty("parser.allow_hyphen_in_identifiers", "true");
        properties.setProperty("resource.loaders", "string");
        properties.setProperty("resource.loader.string.class",
                "org.apache.velocity.runtime.resource.loader.StringResourceLoader");
        velocity.init(properties);
    }

    /** The variables a template sees. */
    public record Variables(InputVariable input, Map<String, Object> context, Map<String, String> stageVariables) {
    }

    /**
     * Renders a template.
     *
     * @throws IllegalArgumentException when the template does not parse (API Gateway rejects such a
     *     template at deployment; locally the request fails with an API configuration error)
     */
    public String render(String template, Variables variables) {
        if (template.indexOf('$') < 0 && template.indexOf('#') < 0) {
            return template;
        }
        Template compiled = parsed.computeIfAbsent(template, this::compile);
        VelocityContext context = new VelocityContext();
        context.put("input", variables.input());
        context.put("util", UtilVariable.INSTANCE);
        context.put("context", variables.context());
        context.put("stageVariables", variables.stageVariables());
        StringWriter out = new StringWriter();
        compiled.merge(context, out);
        return out.toString();
    }

    private Template compile(String text) {
        Template template = new Template();
        template.setRuntimeServices(velocity);
        try {
            template.setData(velocity.parse(new StringReader(text), template));
        } catch (ParseException e) {
            throw new IllegalArgumentException("the mapping template does not parse: " + e.getMessage(), e);
        }
        template.initDocument();
        return template;
    }
}
