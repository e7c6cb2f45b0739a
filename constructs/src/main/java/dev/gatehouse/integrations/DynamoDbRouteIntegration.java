package dev.gatehouse.integrations;

import dev.gatehouse.Defaults;
import dev.gatehouse.rules.Rules;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.dynamodb.KeySchema;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.kms.IKey;

/**
 * A route that reads or writes one DynamoDB table: GetItem, PutItem or Query, with key values
 * from the route's path variables or query string, and items as plain JSON both ways. Templates:
 * dynamodb-*.vtl beside this class.
 */
final class DynamoDbRouteIntegration extends RouteIntegration {
    private static final Pattern QUERY_PARAMETER = Pattern.compile("[A-Za-z0-9._-]+");

    /** A key attribute of the key read: its name, DynamoDB type (S or N) and where its value comes from. */
    private record KeyPart(String attribute, String type, DynamoDbKeyValue value) {
        String fragment(String name) {
            return MappingTemplates.render("dynamodb-key-value.vtl", Map.of("NAME", name, "TYPE", type,
                    "IN", value.getIn(), "PARAMETER", value.getName()));
        }
    }

    private final ITable table;
    private final DynamoDbRouteIntegrationOptions options;

    DynamoDbRouteIntegration(ITable table, DynamoDbRouteIntegrationOptions options) {
        this.table = Objects.requireNonNull(table, "table");
        this.options = Objects.requireNonNull(options, "options");
    }

    @Override
    public RouteIntegrationConfig bind(IntegrationContext context) {
        DynamoDbAction action = options.getAction();
        checkActionOptions(context, action);
        List<KeyPart> key = key(context, action);
        String resource = options.getIndexName() != null && action == DynamoDbAction.QUERY
                ? table.getTableArn() + "/index/" + options.getIndexName() : table.getTableArn();
        String operation = switch (action) {
            case GET_ITEM -> "GetItem";
            case PUT_ITEM -> "PutItem";
            case QUERY -> "Query";
        };
        String role = context.allowExecution(table, "dynamodb:" + operation, resource);
        IKey encryptionKey = table.getEncryptionKey();
        if (encryptionKey != null) {
            List<String> kms = action == DynamoDbAction.PUT_ITEM
                    ? List.of("kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey") : List.of("kms:Decrypt");
            kms.forEach(a -> context.allowExecution(encryptionKey, a, encryptionKey.getKeyArn()));
        }
        String item = MappingTemplates.render("dynamodb-item.vtl");
        AwsServiceCall call = new AwsServiceCall(context, table.getEnv().getRegion(), "dynamodb:action/" + operation,
                role, request(action, key)).timeout(options.getTimeout(), context);
        return switch (action) {
            case GET_ITEM -> call.success("200", "The item", MappingTemplates.render("dynamodb-get-item-response.vtl",
                    Map.of("ITEM", item)), Map.of("404", "No item has this key")).config();
            case PUT_ITEM -> call.success("204", "The item was stored",
                    MappingTemplates.render("dynamodb-put-item-response.vtl"), Map.of()).config();
            case QUERY -> call.success("200", "The matching items", MappingTemplates.render("dynamodb-query-response.vtl",
                    Map.of("ITEM", item)), Map.of()).config();
        };
    }

    private String request(DynamoDbAction action, List<KeyPart> key) {
        String tableName = table.getTableName();
        boolean consistent = Objects.requireNonNullElse(options.getConsistentRead(), Defaults.DYNAMODB_CONSISTENT_READ);
        if (action != DynamoDbAction.QUERY) {
            StringBuilder fragments = new StringBuilder();
            StringBuilder names = new StringBuilder();
            for (KeyPart part : key) {
                fragments.append(fragments.length() == 0 ? "" : ",").append(part.fragment(part.attribute()));
                names.append(names.length() == 0 ? "" : ",").append('\'').append(part.attribute()).append('\'');
            }
            return action == DynamoDbAction.GET_ITEM
                    ? MappingTemplates.render("dynamodb-get-item-request.vtl", Map.of("TABLE_NAME", tableName,
                            "KEY", fragments.toString(), "OPTIONS", consistent ? ",\"ConsistentRead\":true" : ""))
                    : MappingTemplates.render("dynamodb-put-item-request.vtl", Map.of("TABLE_NAME", tableName,
                            "KEY", fragments.toString(), "KEY_NAMES", names.toString()));
        }
        StringBuilder condition = new StringBuilder("#pk = :pk");
        StringBuilder names = new StringBuilder("\"#pk\":\"" + key.get(0).attribute() + "\"");
        StringBuilder values = new StringBuilder(key.get(0).fragment(":pk"));
        if (key.size() > 1) {
            condition.append(Boolean.TRUE.equals(options.getSortKeyBeginsWith()) ? " AND begins_with(#sk, :sk)"
                    : " AND #sk = :sk");
            names.append(",\"#sk\":\"").append(key.get(1).attribute()).append('"');
            values.append(',').append(key.get(1).fragment(":sk"));
        }
        StringBuilder queryOptions = new StringBuilder();
        if (options.getIndexName() != null) {
            queryOptions.append(",\"IndexName\":\"").append(options.getIndexName()).append('"');
        }
        if (options.getLimit() != null) {
            queryOptions.append(",\"Limit\":").append(options.getLimit());
        }
        if (!Objects.requireNonNullElse(options.getScanIndexForward(), Defaults.DYNAMODB_SCAN_INDEX_FORWARD)) {
            queryOptions.append(",\"ScanIndexForward\":false");
        }
        if (consistent) {
            queryOptions.append(",\"ConsistentRead\":true");
        }
        return MappingTemplates.render("dynamodb-query-request.vtl", Map.of("TABLE_NAME", tableName,
                "CONDITION", condition.toString(), "NAMES", names.toString(), "VALUES", values.toString(),
                "OPTIONS", queryOptions.toString()));
    }

    /** GH245: options only some actions take. */
    private void checkActionOptions(IntegrationContext context, DynamoDbAction action) {
        if (action != DynamoDbAction.QUERY) {
            List<String> queryOnly = new ArrayList<>();
            if (options.getIndexName() != null) {
                queryOnly.add("indexName");
            }
            if (options.getSortKeyBeginsWith() != null) {
                queryOnly.add("sortKeyBeginsWith");
            }
            if (options.getLimit() != null) {
                queryOnly.add("limit");
            }
            if (options.getScanIndexForward() != null) {
                queryOnly.add("scanIndexForward");
            }
            if (!queryOnly.isEmpty()) {
                report(context, action + " takes no " + String.join(", ", queryOnly) + " (Query options).",
                        "remove them, or use DynamoDbAction.QUERY.");
            }
        }
        if (options.getLimit() != null && options.getLimit() < 1) {
            report(context, "the query limit " + options.getLimit() + " is below 1.", "give a limit of 1 or more, or none.");
        }
        if (options.getIndexName() != null && !AwsServiceCall.templateSafe(options.getIndexName())) {
            report(context, "the index name '" + options.getIndexName() + "' is not a DynamoDB index name.",
                    "use the index's name as created (letters, digits, '_', '-', '.').");
        }
    }

    /** The key attributes read, from the table's (or index's) schema or the options; GH245 problems reported. */
    private List<KeyPart> key(IntegrationContext context, DynamoDbAction action) {
        Attribute partition = options.getPartitionKeyAttribute();
        Attribute sort = options.getSortKeyAttribute();
        String index = action == DynamoDbAction.QUERY ? options.getIndexName() : null;
        String tablePath = table.getNode().getPath();
        if (table instanceof Table owned) {
            KeySchema schema;
            try {
                schema = index == null ? owned.schemaV2() : owned.schemaV2(index);
            } catch (RuntimeException e) {
                // The only way to ask a Table whether it has an index: schemaV2(name) throws
                // (through jsii, as a plain RuntimeException) when it has not.
                report(context, "the table '" + tablePath + "' has no index '" + index + "'.",
                        "add the index to the table before declaring the route, or name one of its indexes.");
                return fallback();
            }
            if (schema.getPartitionKeys().size() != 1 || schema.getSortKeys().size() > 1) {
                report(context, "the " + (index == null ? "table '" + tablePath + "'" : "index '" + index + "'")
                        + " has a multi-attribute key, which routes do not read.", "route to a single-attribute key.");
                return fallback();
            }
            Attribute ownSort = schema.getSortKeys().isEmpty() ? null : schema.getSortKeys().get(0);
            checkSame(context, "partitionKeyAttribute", partition, schema.getPartitionKeys().get(0));
            checkSame(context, "sortKeyAttribute", sort, ownSort);
            partition = schema.getPartitionKeys().get(0);
            sort = ownSort;
        } else if (partition == null) {
            report(context, "the table '" + tablePath + "' is imported, so its key schema is not known at synth.",
                    "give it: partitionKeyAttribute(Attribute.builder().name(\"pk\").type(AttributeType.STRING).build()) "
                            + "and, if the " + (index == null ? "table" : "index") + " has one, sortKeyAttribute(...).");
            return fallback();
        }
        List<KeyPart> parts = new ArrayList<>();
        parts.add(part(context, partition, options.getPartitionKey()));
        DynamoDbKeyValue sortValue = options.getSortKey();
        String keyOf = index == null ? "table '" + tablePath + "'" : "index '" + index + "'";
        if (sort == null && sortValue != null) {
            report(context, "the " + keyOf + " has no sort key, but the route gives one (" + sortValue + ").",
                    "remove sortKey.");
        } else if (sort != null && sortValue == null && action != DynamoDbAction.QUERY) {
            report(context, action + " needs the whole key, and the " + keyOf + " has the sort key '"
                    + sort.getName() + "'.", "give sortKey(DynamoDbKeyValue.fromPath(...)) or fromQueryString(...).");
        } else if (sort != null && sortValue != null) {
            KeyPart sortPart = part(context, sort, sortValue);
            if (Boolean.TRUE.equals(options.getSortKeyBeginsWith()) && !sortPart.type().equals("S")) {
                report(context, "sortKeyBeginsWith needs a string sort key; '" + sort.getName() + "' is a number.",
                        "remove sortKeyBeginsWith.");
            }
            parts.add(sortPart);
        }
        if (sortValue == null && options.getSortKeyBeginsWith() != null && action == DynamoDbAction.QUERY) {
            report(context, "sortKeyBeginsWith is set, but the route gives no sort key value.", "give sortKey(...).");
        }
        return parts;
    }

    private KeyPart part(IntegrationContext context, Attribute attribute, DynamoDbKeyValue value) {
        String name = attribute.getName();
        if (!AwsServiceCall.templateSafe(name) || name.contains("'") || name.isEmpty()) {
            report(context, "the key attribute name '" + name + "' has a quote, backslash, '$', '#' or control character.",
                    "rename the attribute; Gatehouse writes key names into the request template.");
        }
        String type = "S";
        if (attribute.getType() == AttributeType.NUMBER) {
            type = "N";
        } else if (attribute.getType() != AttributeType.STRING) {
            report(context, "the key attribute '" + name + "' is " + attribute.getType()
                    + "; routes read string and number keys only.", "use a string or number key.");
        }
        if (value.getIn().equals("path") && !context.getRoute().getPathVariables().contains(value.getName())) {
            report(context, "the key attribute '" + name + "' comes from the path variable {" + value.getName()
                    + "}, which the route does not have.", context.getRoute().getPathVariables().isEmpty()
                    ? "add {" + value.getName() + "} to the route's path, or use DynamoDbKeyValue.fromQueryString."
                    : "use one of the route's variables " + context.getRoute().getPathVariables() + ".");
        } else if (value.getIn().equals("querystring") && !QUERY_PARAMETER.matcher(value.getName()).matches()) {
            report(context, "the query string parameter '" + value.getName() + "' has characters other than letters, "
                    + "digits, '.', '_' and '-'.", "rename the parameter.");
        }
        return new KeyPart(name, type, value);
    }

    private void checkSame(IntegrationContext context, String option, Attribute given, Attribute actual) {
        if (given == null) {
            return;
        }
        if (actual == null || !given.getName().equals(actual.getName()) || given.getType() != actual.getType()) {
            throw new IllegalArgumentException("route '" + context.getRoute() + "': " + option + " '" + given.getName()
                    + "' contradicts the table '" + table.getNode().getPath() + "', whose key is known"
                    + (actual == null ? " (it has none)" : " ('" + actual.getName() + "', " + actual.getType() + ")")
                    + "; leave " + option + " out for a table of this app.");
        }
    }

    /** A key that renders, for a route whose key problems were reported. */
    private List<KeyPart> fallback() {
        return List.of(new KeyPart("key", "S", options.getPartitionKey()));
    }

    private static void report(IntegrationContext context, String problem, String fix) {
        context.report(Rules.DYNAMODB_KEY, problem, fix);
    }
}
