package dev.gatehouse.auth;

/** What a Lambda authorizer receives. */
public enum LambdaAuthorizerType {
    /** One header value (the token) and the method ARN. Cached by token. */
    TOKEN,
    /** Headers, query string, stage variables and context of the request. Cached by its identity sources. */
    REQUEST
}
