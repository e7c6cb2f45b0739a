/**
 * The grammar of route paths, {@link dev.gatehouse.path.PathGrammar}: API Gateway's REST API
 * resource paths with their variables, and route declarations {@code "METHOD /path"}. It lives in
 * gatehouse-database-config because that is the one module both the database route configuration
 * and gatehouse-constructs (the API's routes) depend on; it uses nothing but the JDK.
 */
package dev.gatehouse.path;
