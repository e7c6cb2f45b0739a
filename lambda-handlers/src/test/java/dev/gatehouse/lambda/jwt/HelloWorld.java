package dev.gatehouse.lambda.jwt;

/** The baseline JVM start for {@link JwtAuthorizerBenchmark}: prints one line. */
public final class HelloWorld {
    private HelloWorld() {}

    public static void main(String[] args) {
        System.out.println("hello");
        System.out.println("cpu-ms " + ProcessHandle.current().info().totalCpuDuration().map(d -> d.toMillis()).orElse(-1L));
    }
}
