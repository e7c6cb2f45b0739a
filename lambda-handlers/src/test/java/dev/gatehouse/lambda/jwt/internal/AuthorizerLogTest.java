package dev.gatehouse.lambda.jwt.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AuthorizerLogTest {
    @Test
    void stdoutWritesOnePrefixedLinePerRecord() {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            AuthorizerLog log = AuthorizerLog.stdout();
            log.write("reject reason=expired requestId=1");
            log.write("primed decisions=3");
        } finally {
            System.setOut(original);
        }
        assertEquals("gatehouse-jwt reject reason=expired requestId=1" + System.lineSeparator()
                + "gatehouse-jwt primed decisions=3" + System.lineSeparator(), captured.toString(StandardCharsets.UTF_8));
    }
}
