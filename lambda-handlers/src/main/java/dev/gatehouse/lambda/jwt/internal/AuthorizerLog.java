package dev.gatehouse.lambda.jwt.internal;

/** Where the authorizer writes its one-line log records (stdout in Lambda). Never given a token. */
@FunctionalInterface
public interface AuthorizerLog {
    void write(String line);

    /** Standard output, which Lambda sends to CloudWatch Logs. */
    static AuthorizerLog stdout() {
        return line -> System.out.println("gatehouse-jwt " + line);
    }
}
