package dev.gatehouse.checks.cfn;

import java.util.List;
import java.util.Map;

/** The type of a CloudFormation property, as the resource database describes it. */
public sealed interface PropertyType {

    /** Scalars and the database's built-in shapes. */
    enum Kind { STRING, INTEGER, NUMBER, BOOLEAN, DATE_TIME, JSON, TAG, NULL }

    /** A scalar (or json/tag), with its allowed values when the schema enumerates them. */
    record Primitive(Kind kind, List<String> allowedStrings, List<Long> allowedIntegers) implements PropertyType {
        public Primitive {
            allowedStrings = List.copyOf(allowedStrings);
            allowedIntegers = List.copyOf(allowedIntegers);
        }

        @Override
        public String describe() {
            return switch (kind) {
                case STRING -> "a string";
                case INTEGER -> "an integer";
                case NUMBER -> "a number";
                case BOOLEAN -> "a boolean";
                case DATE_TIME -> "a date-time string";
                case JSON -> "a JSON object";
                case TAG -> "a tag {Key, Value}";
                case NULL -> "null";
            };
        }
    }

    /** A list of {@code element}. */
    record ArrayType(PropertyType element) implements PropertyType {
        @Override
        public String describe() {
            return "a list of " + element.describe().replaceFirst("^an? ", "");
        }
    }

    /** An object whose values are {@code element}, with free keys. */
    record MapType(PropertyType element) implements PropertyType {
        @Override
        public String describe() {
            return "a map of " + element.describe().replaceFirst("^an? ", "");
        }
    }

    /** Any one of {@code types}. */
    record UnionType(List<PropertyType> types) implements PropertyType {
        public UnionType {
            types = List.copyOf(types);
        }

        @Override
        public String describe() {
            return String.join(" or ", types.stream().map(PropertyType::describe).toList());
        }
    }

    /** An object of a named type definition. */
    record StructType(TypeDefinition definition) implements PropertyType {
        @Override
        public String describe() {
            return "a " + definition.name() + " object";
        }
    }

    /** A human-readable description for messages, e.g. "a list of string". */
    String describe();

    /**
     * A named structure; its properties are filled in after loading, because definitions refer to
     * each other (and to themselves) by id.
     */
    final class TypeDefinition {
        private final String id;
        private String name = "?";
        private Map<String, Property> properties = Map.of();

        TypeDefinition(String id) {
            this.id = id;
        }

        /** The definition's id in the database. */
        public String id() {
            return id;
        }

        /** e.g. {@code MethodSetting}. */
        public String name() {
            return name;
        }

        /** Its properties by name. */
        public Map<String, Property> properties() {
            return properties;
        }

        void define(String name, Map<String, Property> properties) {
            this.name = name;
            this.properties = Map.copyOf(properties);
        }
    }
}
