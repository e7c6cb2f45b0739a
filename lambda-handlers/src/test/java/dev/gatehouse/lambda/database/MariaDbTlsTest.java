package dev.gatehouse.lambda.database;

import dev.gatehouse.database.config.DatabaseEngine;
import javax.net.ssl.SSLContext;

/** MariaDB (Connector/J: sslMode verify-full with serverSslCert, or trust). */
class MariaDbTlsTest extends TlsModesContract {
    @Override
    String url() {
        return TestDatabases.mariadbUrl();
    }

    @Override
    DatabaseEngine engine() {
        return DatabaseEngine.MYSQL;
    }

    @Override
    int defaultPort() {
        return 3306;
    }

    @Override
    String user() {
        return "root";
    }

    @Override
    TcpProxy front(String host, int port, SSLContext tls) {
        return TcpProxy.mariadbTls(host, port, tls);
    }
}
