package dev.gatehouse.lambda.database;

import dev.gatehouse.database.config.DatabaseEngine;
import javax.net.ssl.SSLContext;

/** PostgreSQL (pgjdbc: sslmode verify-full with sslrootcert, or require without validation). */
class PostgresTlsTest extends TlsModesContract {
    @Override
    String url() {
        return TestDatabases.postgresUrl();
    }

    @Override
    DatabaseEngine engine() {
        return DatabaseEngine.POSTGRESQL;
    }

    @Override
    int defaultPort() {
        return 5432;
    }

    @Override
    String user() {
        return "postgres";
    }

    @Override
    TcpProxy front(String host, int port, SSLContext tls) {
        return TcpProxy.postgresTls(host, port, tls);
    }
}
