package dev.gatehouse.integrations;

/** What a DynamoDB route does with its table. */
public enum DynamoDbAction {
    /** {@code GetItem}: the item with the route's key as plain JSON, or 404. */
    GET_ITEM,
    /** {@code PutItem}: stores the request body (a flat JSON object) under the route's key; 204. */
    PUT_ITEM,
    /** {@code Query}: the items with the route's partition key (and sort key, or its prefix). */
    QUERY
}
