package dev.gatehouse.integrations;

import dev.gatehouse.api.HttpMethod;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.apigateway.IVpcLink;

/** Options of a private HTTP proxy integration ({@link Integrations#privateHttp}). */
public interface PrivateHttpOptions {

    /**
     * The path sent to the load balancer, e.g. {@code /v1/orders/{id}}; each {@code {name}} is filled
     * from the route's path variable of the same name (rule GH201). It is the whole path of the
     * integration URI, so no stage name is added to it (docs/private-integrations.md, "The path, and
     * the stage"); the client's query string is passed through.
     *
     * @default the route's own path, {@code {name+}} written {@code {name}}
     */
    default String getPath() {
        return null;
    }

    /**
     * The host API Gateway sends in the Host header and, over HTTPS, verifies the certificate
     * against: a name the listener's certificate covers (rule GH261), or the host name its rules
     * route on.
     *
     * @default the load balancer's DNS name (HTTP listeners only)
     */
    default String getHost() {
        return null;
    }

    /**
     * Method used towards the backend.
     *
     * @default the route's method (ANY passes the client's method through)
     */
    default HttpMethod getHttpMethod() {
        return null;
    }

    /**
     * How long API Gateway waits for the load balancer (50 ms to 29 s; up to 15 minutes when the
     * response streams).
     *
     * @default {@value dev.gatehouse.Defaults#INTEGRATION_TIMEOUT_MAX_MILLIS} ms
     */
    default Duration getTimeout() {
        return null;
    }

    /**
     * Whether API Gateway streams the response as it arrives.
     *
     * @default {@link dev.gatehouse.Defaults#STREAMING_MODE}
     */
    default StreamingMode getStreamingMode() {
        return null;
    }

    /**
     * The VPC link V2 to go through, e.g. one shared by several APIs.
     *
     * @default the link Gatehouse creates once per API in the load balancer's VPC
     */
    default GatewayVpcLink getVpcLink() {
        return null;
    }

    /**
     * A VPC link V1 ({@code AWS::ApiGateway::VpcLink}) to go through instead: the legacy kind, for
     * Network Load Balancers it already targets (an Application Load Balancer is rule GH260).
     * Exclusive with {@link #getVpcLink()}.
     *
     * @default none: a VPC link V2
     */
    default IVpcLink getLegacyVpcLink() {
        return null;
    }

    /**
     * Accept a certificate that no certificate authority trusted by API Gateway signed (a private
     * CA's, or a self-signed one); its host name and dates are still checked. HTTPS only.
     *
     * @default {@value dev.gatehouse.Defaults#INSECURE_SKIP_VERIFICATION}
     */
    default Boolean getInsecureSkipVerification() {
        return null;
    }

    static Builder builder() {
        return new Builder();
    }

    /** Builds {@link PrivateHttpOptions}. */
    final class Builder {
        String path;
        String host;
        HttpMethod httpMethod;
        Duration timeout;
        StreamingMode streamingMode;
        GatewayVpcLink vpcLink;
        IVpcLink legacyVpcLink;
        Boolean insecureSkipVerification;

        private Builder() {
        }

        public Builder path(String path) {
            this.path = path;
            return this;
        }

        public Builder host(String host) {
            this.host = host;
            return this;
        }

        public Builder httpMethod(HttpMethod httpMethod) {
            this.httpMethod = httpMethod;
            return this;
        }

        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        public Builder streamingMode(StreamingMode streamingMode) {
            this.streamingMode = streamingMode;
            return this;
        }

        public Builder vpcLink(GatewayVpcLink vpcLink) {
            this.vpcLink = vpcLink;
            return this;
        }

        public Builder legacyVpcLink(IVpcLink legacyVpcLink) {
            this.legacyVpcLink = legacyVpcLink;
            return this;
        }

        public Builder insecureSkipVerification(Boolean insecureSkipVerification) {
            this.insecureSkipVerification = insecureSkipVerification;
            return this;
        }

        /** @throws IllegalArgumentException when both a VPC link V2 and a VPC link V1 are given */
        public PrivateHttpOptions build() {
            if (vpcLink != null && legacyVpcLink != null) {
                throw new IllegalArgumentException("a private integration goes through one VPC link: give vpcLink (V2) "
                        + "or legacyVpcLink (V1), not both");
            }
            return new PrivateHttpOptionsValue(this);
        }
    }
}

final class PrivateHttpOptionsValue implements PrivateHttpOptions {
    private final String path;
    private final String host;
    private final HttpMethod httpMethod;
    private final Duration timeout;
    private final StreamingMode streamingMode;
    private final GatewayVpcLink vpcLink;
    private final IVpcLink legacyVpcLink;
    private final Boolean insecureSkipVerification;

    PrivateHttpOptionsValue(PrivateHttpOptions.Builder b) {
        this.path = b.path;
        this.host = b.host;
        this.httpMethod = b.httpMethod;
        this.timeout = b.timeout;
        this.streamingMode = b.streamingMode;
        this.vpcLink = b.vpcLink;
        this.legacyVpcLink = b.legacyVpcLink;
        this.insecureSkipVerification = b.insecureSkipVerification;
    }

    @Override
    public String getPath() {
        return path;
    }

    @Override
    public String getHost() {
        return host;
    }

    @Override
    public HttpMethod getHttpMethod() {
        return httpMethod;
    }

    @Override
    public Duration getTimeout() {
        return timeout;
    }

    @Override
    public StreamingMode getStreamingMode() {
        return streamingMode;
    }

    @Override
    public GatewayVpcLink getVpcLink() {
        return vpcLink;
    }

    @Override
    public IVpcLink getLegacyVpcLink() {
        return legacyVpcLink;
    }

    @Override
    public Boolean getInsecureSkipVerification() {
        return insecureSkipVerification;
    }
}
