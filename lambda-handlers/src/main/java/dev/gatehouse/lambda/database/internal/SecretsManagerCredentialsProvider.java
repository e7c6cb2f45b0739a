package dev.gatehouse.lambda.database.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Objects;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;

/**
 * Reads {@code username} and {@code password} from a Secrets Manager secret whose SecretString is
 * JSON (the format RDS and its rotation functions use). The value is cached for the life of the
 * execution environment and fetched again only by {@link #refresh()}, after the database rejected
 * it (a rotated password).
 */
public final class SecretsManagerCredentialsProvider implements CredentialsProvider {
    private final Supplier<SecretsManagerClient> clientFactory;
    private SecretsManagerClient client;
    private final String secretId;
    private final ObjectMapper mapper;
    private Credentials cached;

    /**
     * @param client supplies the client once, on first use (so a cold start that never connects builds none)
     * @param secretId the secret's ARN or name
     */
    public SecretsManagerCredentialsProvider(Supplier<SecretsManagerClient> client, String secretId, ObjectMapper mapper) {
        this.clientFactory = Objects.requireNonNull(client, "client");
        this.secretId = Objects.requireNonNull(secretId, "secretId");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
    }

    @Override
    public synchronized Credentials current() {
        if (cached == null) {
            cached = fetch();
        }
        return cached;
    }

    @Override
    public synchronized Credentials refresh() {
        cached = null;
        return current();
    }

    private Credentials fetch() {
        String secret;
        try {
            if (client == null) {
                client = clientFactory.get();
            }
            secret = client.getSecretValue(GetSecretValueRequest.builder().secretId(secretId).build()).secretString();
        } catch (SdkException e) {
            throw new CredentialsUnavailableException("could not read secret " + secretId + ": " + e.getMessage(), e);
        }
        if (secret == null) {
            throw new CredentialsUnavailableException("secret " + secretId + " has no SecretString", null);
        }
        JsonNode json;
        try {
            json = mapper.readTree(secret);
        } catch (JsonProcessingException e) {
            // The message of a parse error could quote the secret: leave it out.
            throw new CredentialsUnavailableException("secret " + secretId + " is not a JSON object", null);
        }
        JsonNode username = json == null ? null : json.get("username");
        JsonNode password = json == null ? null : json.get("password");
        if (username == null || !username.isTextual() || password == null || !password.isTextual()) {
            throw new CredentialsUnavailableException(
                    "secret " + secretId + " must be a JSON object with string fields username and password", null);
        }
        return new Credentials(username.textValue(), password.textValue());
    }
}
