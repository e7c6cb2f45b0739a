/**
 * The database proxy's parts: route matching, parameter binding, query execution, result writing,
 * connections and credentials. Not an API: it changes without notice.
 */
package dev.gatehouse.lambda.database.internal;
