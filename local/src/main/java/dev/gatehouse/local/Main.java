package dev.gatehouse.local;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The local gateway's command line: serves a stack's stage from {@code cdk.out} until stopped.
 * Options are listed by {@code --help} and in docs/local-development.md.
 */
public final class Main {
    static final String USAGE = String.join("\n",
            "Serves a synthesized REST API locally (gatehouse-local).",
            "",
            "Options:",
            "  --cdk-out DIR               the cloud assembly (default: cdk.out)",
            "  --stack NAME                the stack (default: the only stack with a REST API)",
            "  --api LOGICAL_ID            the REST API (default: the stack's only one)",
            "  --stage NAME                the stage (default: the API's first)",
            "  --host HOST                 the address to listen on (default: 127.0.0.1)",
            "  --port PORT                 the port (default: " + LocalGateway.DEFAULT_PORT + ")",
            "  --integration-url 'ROUTE=URL'  forward a route (e.g. 'GET /catalog/{proxy+}') to a local URL",
            "  --vpc-link 'ID=URL'         the local URL standing for a VPC link's target (ID: its logical id or the local id printed at start)",
            "  --issuer-port PORT          the development JWT issuer's port (default: port + 1)",
            "  --real-issuer               keep the synthesized JWKS URL (no development issuer)",
            "  --database-url JDBC_URL     the database proxy's database (default: an embedded PostgreSQL)",
            "  --account-throttle RATE/BURST  the account's limits (default: 10000/5000)",
            "  --iam-principal ARN         who a SigV4-signed request is (default: " + LocalGateway.DEFAULT_IAM_PRINCIPAL + ")",
            "  --help                      this text");

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        PrintStream out = System.out;
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("gatehouse-local: " + e.getMessage());
            System.err.println();
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        if (options.help) {
            out.println(USAGE);
            return;
        }
        LocalGateway gateway;
        try {
            gateway = options.builder(out).build();
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.err.println("gatehouse-local: " + e.getMessage());
            System.exit(1);
            return;
        }
        URI url = gateway.start(options.host, options.port);
        out.print(gateway.summary());
        out.println("Serving stage " + gateway.stageName() + " on " + url + "  (Ctrl-C to stop)");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            gateway.close();
            stopped.countDown();
        }, "gatehouse-local-stop"));
        stopped.await();
    }

    /** The parsed command line. */
    static final class Options {
        Path cdkOut = Path.of("cdk.out");
        String stack;
        String api;
        String stage;
        String host = "127.0.0.1";
        int port = LocalGateway.DEFAULT_PORT;
        boolean help;
        boolean realIssuer;
        Integer issuerPort;
        String iamPrincipal = LocalGateway.DEFAULT_IAM_PRINCIPAL;
        String databaseUrl;
        double accountRate = 10_000;
        int accountBurst = 5_000;
        final List<String[]> integrationUrls = new ArrayList<>();
        final List<String[]> vpcLinks = new ArrayList<>();

        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                String value = null;
                int equals = arg.indexOf('=');
                if (arg.startsWith("--") && equals > 0) {
                    value = arg.substring(equals + 1);
                    arg = arg.substring(0, equals);
                }
                if (arg.equals("--help") || arg.equals("-h")) {
                    o.help = true;
                    continue;
                }
                if (arg.equals("--real-issuer")) {
                    o.realIssuer = true;
                    continue;
                }
                if (value == null) {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException(arg + " needs a value");
                    }
                    value = args[++i];
                }
                switch (arg) {
                    case "--cdk-out" -> o.cdkOut = Path.of(value);
                    case "--stack" -> o.stack = value;
                    case "--api" -> o.api = value;
                    case "--stage" -> o.stage = value;
                    case "--host" -> o.host = value;
                    case "--port" -> o.port = port(value);
                    case "--issuer-port" -> o.issuerPort = port(value);
                    case "--iam-principal" -> o.iamPrincipal = value;
                    case "--account-throttle" -> o.accountThrottle(value);
                    case "--database-url" -> o.databaseUrl = value;
                    case "--integration-url" -> o.integrationUrls.add(pair(arg, value));
                    case "--vpc-link" -> o.vpcLinks.add(pair(arg, value));
                    default -> throw new IllegalArgumentException("unknown option " + arg);
                }
            }
            return o;
        }

        LocalGateway.Builder builder(PrintStream out) {
            LocalGateway.Builder builder = LocalGateway.Builder.create(cdkOut).stack(stack).api(api).stage(stage)
                    .clock(Clock.systemUTC()).out(out).developmentIssuer(!realIssuer).iamPrincipal(iamPrincipal)
                    .accountThrottle(accountRate, accountBurst).databaseUrl(databaseUrl)
                    .issuerPort(issuerPort != null ? issuerPort : port == 0 ? 0 : port + 1);
            integrationUrls.forEach(p -> builder.integrationUrl(p[0], URI.create(p[1])));
            vpcLinks.forEach(p -> builder.vpcLink(p[0], URI.create(p[1])));
            return builder;
        }

        private void accountThrottle(String value) {
            String[] parts = value.split("/");
            try {
                accountRate = Double.parseDouble(parts[0]);
                accountBurst = Integer.parseInt(parts[1]);
            } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                throw new IllegalArgumentException("--account-throttle " + value + ": expected RATE/BURST, e.g. 10000/5000");
            }
        }

        private static int port(String value) {
            try {
                int port = Integer.parseInt(value);
                if (port >= 0 && port <= 65535) {
                    return port;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException("--port " + value + ": not a port number (0-65535)");
        }

        /** "KEY=URL": the last '=' before "http" separates them (a route key has no '='). */
        private static String[] pair(String option, String value) {
            int split = value.indexOf("=http");
            if (split <= 0) {
                throw new IllegalArgumentException(option + " '" + value + "': expected KEY=http://...");
            }
            return new String[] {value.substring(0, split).trim(), value.substring(split + 1).trim()};
        }
    }
}
