package dev.gatehouse.integrations;

import java.util.Objects;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.dynamodb.Attribute;

/** Options of a DynamoDB route ({@link Integrations#dynamoDb}). */
public interface DynamoDbRouteIntegrationOptions {

    /** GetItem, PutItem or Query (required). */
    DynamoDbAction getAction();

    /** Where the partition key's value comes from (required). */
    DynamoDbKeyValue getPartitionKey();

    /**
     * Where the sort key's value comes from: required by GetItem and PutItem when the table has a
     * sort key; optional for Query.
     *
     * @default none
     */
    default DynamoDbKeyValue getSortKey() {
        return null;
    }

    /**
     * Query only: the sort key value is a prefix ({@code begins_with}) rather than the whole key.
     *
     * @default false
     */
    default Boolean getSortKeyBeginsWith() {
        return null;
    }

    /**
     * Query only: the global or local secondary index to query.
     *
     * @default the table
     */
    default String getIndexName() {
        return null;
    }

    /**
     * The partition key attribute of the key read (the table's, or the index's), for a table
     * imported by name or ARN, whose schema synth cannot read. For a {@code Table} of this app, a
     * different attribute throws.
     *
     * @default the table's (or index's) own
     */
    default Attribute getPartitionKeyAttribute() {
        return null;
    }

    /**
     * The sort key attribute of the key read, for an imported table (see
     * {@link #getPartitionKeyAttribute()}).
     *
     * @default the table's (or index's) own; none for an imported table
     */
    default Attribute getSortKeyAttribute() {
        return null;
    }

    /**
     * GetItem and Query on the table: strongly consistent reads.
     *
     * @default {@value dev.gatehouse.Defaults#DYNAMODB_CONSISTENT_READ}
     */
    default Boolean getConsistentRead() {
        return null;
    }

    /**
     * Query only: the most items one response has ({@code Limit}); {@code hasMore} says whether
     * there were more.
     *
     * @default DynamoDB's: up to 1 MB of items
     */
    default Integer getLimit() {
        return null;
    }

    /**
     * Query only: ascending sort key order.
     *
     * @default {@value dev.gatehouse.Defaults#DYNAMODB_SCAN_INDEX_FORWARD}
     */
    default Boolean getScanIndexForward() {
        return null;
    }

    /**
     * How long API Gateway waits for DynamoDB (50 ms to 29 s).
     *
     * @default {@value dev.gatehouse.Defaults#INTEGRATION_TIMEOUT_MAX_MILLIS} ms
     */
    default Duration getTimeout() {
        return null;
    }

    static Builder builder() {
        return new Builder();
    }

    /** Builds {@link DynamoDbRouteIntegrationOptions}. */
    final class Builder {
        private DynamoDbAction action;
        private DynamoDbKeyValue partitionKey;
        private DynamoDbKeyValue sortKey;
        private Boolean sortKeyBeginsWith;
        private String indexName;
        private Attribute partitionKeyAttribute;
        private Attribute sortKeyAttribute;
        private Boolean consistentRead;
        private Integer limit;
        private Boolean scanIndexForward;
        private Duration timeout;

        private Builder() {
        }

        public Builder action(DynamoDbAction action) {
            this.action = action;
            return this;
        }

        public Builder partitionKey(DynamoDbKeyValue partitionKey) {
            this.partitionKey = partitionKey;
            return this;
        }

        public Builder sortKey(DynamoDbKeyValue sortKey) {
            this.sortKey = sortKey;
            return this;
        }

        public Builder sortKeyBeginsWith(Boolean sortKeyBeginsWith) {
            this.sortKeyBeginsWith = sortKeyBeginsWith;
            return this;
        }

        public Builder indexName(String indexName) {
            this.indexName = indexName;
            return this;
        }

        public Builder partitionKeyAttribute(Attribute partitionKeyAttribute) {
            this.partitionKeyAttribute = partitionKeyAttribute;
            return this;
        }

        public Builder sortKeyAttribute(Attribute sortKeyAttribute) {
            this.sortKeyAttribute = sortKeyAttribute;
            return this;
        }

        public Builder consistentRead(Boolean consistentRead) {
            this.consistentRead = consistentRead;
            return this;
        }

        public Builder limit(Integer limit) {
            this.limit = limit;
            return this;
        }

        public Builder scanIndexForward(Boolean scanIndexForward) {
            this.scanIndexForward = scanIndexForward;
            return this;
        }

        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        /** @throws NullPointerException without an action or a partition key */
        public DynamoDbRouteIntegrationOptions build() {
            DynamoDbAction a = Objects.requireNonNull(action, "DynamoDbRouteIntegrationOptions.action");
            DynamoDbKeyValue pk = Objects.requireNonNull(partitionKey, "DynamoDbRouteIntegrationOptions.partitionKey");
            DynamoDbKeyValue sk = sortKey;
            Boolean prefix = sortKeyBeginsWith;
            String index = indexName;
            Attribute pkAttribute = partitionKeyAttribute;
            Attribute skAttribute = sortKeyAttribute;
            Boolean consistent = consistentRead;
            Integer max = limit;
            Boolean forward = scanIndexForward;
            Duration t = timeout;
            return new DynamoDbRouteIntegrationOptions() {
                @Override
                public DynamoDbAction getAction() {
                    return a;
                }

                @Override
                public DynamoDbKeyValue getPartitionKey() {
                    return pk;
                }

                @Override
                public DynamoDbKeyValue getSortKey() {
                    return sk;
                }

                @Override
                public Boolean getSortKeyBeginsWith() {
                    return prefix;
                }

                @Override
                public String getIndexName() {
                    return index;
                }

                @Override
                public Attribute getPartitionKeyAttribute() {
                    return pkAttribute;
                }

                @Override
                public Attribute getSortKeyAttribute() {
                    return skAttribute;
                }

                @Override
                public Boolean getConsistentRead() {
                    return consistent;
                }

                @Override
                public Integer getLimit() {
                    return max;
                }

                @Override
                public Boolean getScanIndexForward() {
                    return forward;
                }

                @Override
                public Duration getTimeout() {
                    return t;
                }
            };
        }
    }
}
