/**
 * The route configuration of Gatehouse's database proxy: {@link dev.gatehouse.database.config.DatabaseRoutes}
 * (routes, builders, {@code validate()}, {@code toJson()}/{@code fromJson()}), the named-parameter SQL parser
 * {@link dev.gatehouse.database.config.NamedSql} and the route syntax {@link dev.gatehouse.database.config.RouteKey}.
 * Pure Java and Jackson, shared by the handler (run time) and the constructs (synth time).
 */
package dev.gatehouse.database.config;
