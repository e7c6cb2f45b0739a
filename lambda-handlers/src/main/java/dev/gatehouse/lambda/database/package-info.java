/**
 * The bundled database proxy: API Gateway REST proxy events in, parameterized SQL against
 * PostgreSQL or MySQL/MariaDB, JSON out. {@link dev.gatehouse.lambda.database.DatabaseProxyHandler}
 * is the Lambda entry point; {@link dev.gatehouse.lambda.database.DatabaseProxy} does the work with
 * its dependencies passed in. Routes are described by {@code gatehouse-database-config}.
 */
package dev.gatehouse.lambda.database;
