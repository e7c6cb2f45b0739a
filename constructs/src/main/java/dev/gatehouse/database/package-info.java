/**
 * Database routes: the bundled database proxy function serving HTTP routes from PostgreSQL or
 * MySQL/MariaDB through named, parameterized SQL, wired to Aurora, RDS Proxy or an RDS instance.
 * The route configuration itself is {@link dev.gatehouse.database.config.DatabaseRoutes} (module
 * gatehouse-database-config).
 */
package dev.gatehouse.database;
