package dev.gatehouse.local.internal.assembly;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** One stack's template and assets. */
public final class StackTemplate {
    private final String stackName;
    private final String artifactId;
    private final JsonNode template;
    private final AssetIndex assets;

    StackTemplate(String stackName, String artifactId, JsonNode template, AssetIndex assets) {
        this.stackName = stackName;
        this.artifactId = artifactId;
        this.template = template;
        this.assets = assets;
    }

    public String stackName() {
        return stackName;
    }

    public String artifactId() {
        return artifactId;
    }

    public JsonNode template() {
        return template;
    }

    public AssetIndex assets() {
        return assets;
    }

    /** The resource with this logical id, or a missing node. */
    public JsonNode resource(String logicalId) {
        JsonNode resource = template.path("Resources").get(logicalId);
        return resource == null ? MissingNode.getInstance() : resource;
    }

    /** The type of a resource, or "" when the template has no such resource. */
    public String typeOf(String logicalId) {
        return resource(logicalId).path("Type").asText("");
    }

    /** The logical ids of the resources of a type, in template order. */
    public List<String> resourcesOfType(String type) {
        List<String> ids = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> resources = template.path("Resources").fields();
        while (resources.hasNext()) {
            Map.Entry<String, JsonNode> resource = resources.next();
            if (type.equals(resource.getValue().path("Type").asText())) {
                ids.add(resource.getKey());
            }
        }
        return ids;
    }
}
