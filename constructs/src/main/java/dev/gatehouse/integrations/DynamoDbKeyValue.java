package dev.gatehouse.integrations;

import java.util.Objects;

/** Where a DynamoDB route reads a key attribute's value: a path variable or a query string parameter. */
public final class DynamoDbKeyValue {
    private final String in;
    private final String name;

    private DynamoDbKeyValue(String in, String name) {
        this.in = in;
        this.name = Objects.requireNonNull(name, "name");
    }

    /** The route's path variable {@code name}, e.g. {@code fromPath("id")} for {@code /orders/{id}}. */
    public static DynamoDbKeyValue fromPath(String name) {
        return new DynamoDbKeyValue("path", name);
    }

    /** The query string parameter {@code name}; a request without it is answered 400. */
    public static DynamoDbKeyValue fromQueryString(String name) {
        return new DynamoDbKeyValue("querystring", name);
    }

    /** {@code path} or {@code querystring}, as {@code $input.params()} names them. */
    public String getIn() {
        return in;
    }

    public String getName() {
        return name;
    }

    @Override
    public String toString() {
        return in.equals("path") ? "{" + name + "}" : "?" + name;
    }
}
