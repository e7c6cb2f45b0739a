package dev.gatehouse.database;

import java.util.Objects;
import software.amazon.awscdk.Tokenization;
import software.amazon.awscdk.services.ec2.IConnectable;
import software.amazon.awscdk.services.iam.IGrantable;
import software.amazon.awscdk.services.rds.DatabaseProxy;
import software.amazon.awscdk.services.rds.IDatabaseCluster;
import software.amazon.awscdk.services.rds.IDatabaseInstance;

/**
 * The database endpoint the proxy function connects to: an RDS Proxy (recommended: it pools
 * connections across Lambda's many execution environments and fails over fast), an Aurora cluster,
 * or an RDS instance.
 */
public final class DatabaseTarget {
    /** How the function reaches and trusts the endpoint. */
    enum Kind { PROXY, CLUSTER, INSTANCE }

    private final Kind kind;
    private final String host;
    private final String port;
    private final IConnectable connectable;
    private final DatabaseCredentials credentials;
    private final Grant grant;

    /** Grants the function {@code rds-db:connect} as a database user. */
    interface Grant {
        void connect(IGrantable grantee, String user);
    }

    private DatabaseTarget(Kind kind, String host, String port, IConnectable connectable,
            DatabaseCredentials credentials, Grant grant) {
        this.kind = kind;
        this.host = host;
        this.port = port;
        this.connectable = connectable;
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.grant = grant;
    }

    /**
     * An RDS Proxy. Its endpoint has a certificate from a public CA, so TLS is fully verified. With
     * IAM credentials the proxy must have IAM authentication on ({@code iamAuth(true)}) and the user
     * must be the user of one of its secrets.
     */
    public static DatabaseTarget proxy(DatabaseProxy proxy, DatabaseCredentials credentials) {
        return new DatabaseTarget(Kind.PROXY, proxy.getEndpoint(), null, proxy, credentials, proxy::grantConnect);
    }

    /** An Aurora (or Multi-AZ) cluster's writer endpoint. */
    public static DatabaseTarget cluster(IDatabaseCluster cluster, DatabaseCredentials credentials) {
        return new DatabaseTarget(Kind.CLUSTER, cluster.getClusterEndpoint().getHostname(),
                Tokenization.stringifyNumber(cluster.getClusterEndpoint().getPort()), cluster, credentials,
                cluster::grantConnect);
    }

    /** An RDS DB instance. */
    public static DatabaseTarget instance(IDatabaseInstance instance, DatabaseCredentials credentials) {
        return new DatabaseTarget(Kind.INSTANCE, instance.getDbInstanceEndpointAddress(),
                instance.getDbInstanceEndpointPort(), instance, credentials, instance::grantConnect);
    }

    Kind getKind() {
        return kind;
    }

    String getHost() {
        return host;
    }

    /** The port, or null for the engine's default. */
    String getPort() {
        return port;
    }

    IConnectable getConnectable() {
        return connectable;
    }

    DatabaseCredentials getCredentials() {
        return credentials;
    }

    void grantConnect(IGrantable grantee, String user) {
        grant.connect(grantee, user);
    }
}
