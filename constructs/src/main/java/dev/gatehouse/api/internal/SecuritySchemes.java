package dev.gatehouse.api.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/** An API's {@code components.securitySchemes}: one entry per owner (an authorizer), by name. */
public final class SecuritySchemes {
    private final Map<String, ObjectNode> schemes = new TreeMap<>();
    private final Map<Object, String> owners = new IdentityHashMap<>();

    /** True once {@code owner} has registered its scheme. */
    public boolean has(Object owner) {
        return owners.containsKey(owner);
    }

    /**
     * The name of {@code owner}'s scheme, registering it the first time under
     * {@code preferredName}, or {@code preferredName2}, {@code 3}, ... if another owner has it.
     */
    public String register(Object owner, String preferredName, Supplier<ObjectNode> scheme) {
        String existing = owners.get(owner);
        if (existing != null) {
            return existing;
        }
        String name = preferredName;
        for (int i = 2; schemes.containsKey(name); i++) {
            name = preferredName + i;
        }
        schemes.put(name, scheme.get());
        owners.put(owner, name);
        return name;
    }

    /** The schemes by name, sorted. */
    public Map<String, ObjectNode> all() {
        return Collections.unmodifiableMap(schemes);
    }
}
