package dev.gatehouse.api;

import software.amazon.awscdk.services.certificatemanager.ICertificate;

/**
 * A custom domain for a {@link GatewayApi}: REGIONAL, TLS 1.2 or later, optionally with mutual
 * TLS (clients present a certificate signed by a CA in your truststore).
 */
public interface DomainOptions {

    /** The domain name, e.g. {@code api.example.com}. Required. */
    String getDomainName();

    /** An ACM certificate for the domain, in the API's Region. Required. */
    ICertificate getCertificate();

    /**
     * Mutual TLS: the S3 URI of the truststore (PEM bundle of the CAs whose client certificates
     * are accepted), e.g. {@code s3://my-bucket/truststore.pem}.
     *
     * @default no mutual TLS
     */
    default String getTruststoreUri() {
        return null;
    }

    /**
     * S3 object version of the truststore, so that a new upload takes effect only when this
     * changes.
     *
     * @default the latest version
     */
    default String getTruststoreVersion() {
        return null;
    }

    /**
     * Path under the domain where the API's stage is served, e.g. {@code orders} for
     * {@code https://api.example.com/orders/...}.
     *
     * @default the domain's root
     */
    default String getBasePath() {
        return null;
    }

    /**
     * Turn off the API's default {@code execute-api} endpoint, so that clients cannot go around
     * the domain (and its mutual TLS). Leaving it on with mutual TLS is warned about (GH441).
     *
     * @default true with mutual TLS, otherwise false
     */
    default Boolean getDisableExecuteApiEndpoint() {
        return null;
    }

    static Builder builder() {
        return new Builder();
    }

    /** Builds {@link DomainOptions}. */
    final class Builder {
        String domainName;
        ICertificate certificate;
        String truststoreUri;
        String truststoreVersion;
        String basePath;
        Boolean disableExecuteApiEndpoint;

        private Builder() {
        }

        public Builder domainName(String domainName) {
            this.domainName = domainName;
            return this;
        }

        public Builder certificate(ICertificate certificate) {
            this.certificate = certificate;
            return this;
        }

        public Builder truststoreUri(String truststoreUri) {
            this.truststoreUri = truststoreUri;
            return this;
        }

        public Builder truststoreVersion(String truststoreVersion) {
            this.truststoreVersion = truststoreVersion;
            return this;
        }

        public Builder basePath(String basePath) {
            this.basePath = basePath;
            return this;
        }

        public Builder disableExecuteApiEndpoint(Boolean disable) {
            this.disableExecuteApiEndpoint = disable;
            return this;
        }

        public DomainOptions build() {
            return new DomainOptionsValue(this);
        }
    }
}

final class DomainOptionsValue implements DomainOptions {
    private final String domainName;
    private final ICertificate certificate;
    private final String truststoreUri;
    private final String truststoreVersion;
    private final String basePath;
    private final Boolean disableExecuteApiEndpoint;

    DomainOptionsValue(DomainOptions.Builder b) {
        this.domainName = b.domainName;
        this.certificate = b.certificate;
        this.truststoreUri = b.truststoreUri;
        this.truststoreVersion = b.truststoreVersion;
        this.basePath = b.basePath;
        this.disableExecuteApiEndpoint = b.disableExecuteApiEndpoint;
    }

    @Override public String getDomainName() { return domainName; }
    @Override public ICertificate getCertificate() { return certificate; }
    @Override public String getTruststoreUri() { return truststoreUri; }
    @Override public String getTruststoreVersion() { return truststoreVersion; }
    @Override public String getBasePath() { return basePath; }
    @Override public Boolean getDisableExecuteApiEndpoint() { return disableExecuteApiEndpoint; }
}
