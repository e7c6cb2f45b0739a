package dev.gatehouse.lambda.jwt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.crac.Context;
import org.crac.Resource;
import org.junit.jupiter.api.Test;

/** The handler as Lambda builds it: the process environment, CRaC registration, the refresh thread. */
class JwtAuthorizerHandlerLambdaTest {

    @Test
    void lambdaConstructorReadsTheEnvironmentAndRegistersForSnapStart() {
        // Given the process environment Surefire and PIT set (a valid configuration)
        assumeTrue(System.getenv("GATEHOUSE_ISSUER") != null, "GATEHOUSE_* not set: run through Maven");
        List<Resource> registered = new ArrayList<>();
        Context<Resource> crac = new Context<>() {
            @Override
            public void beforeCheckpoint(Context<? extends Resource> context) { }

            @Override
            public void afterRestore(Context<? extends Resource> context) { }

            @Override
            public void register(Resource resource) {
                registered.add(resource);
            }
        };

        // When the handler is built as Lambda builds it
        JwtAuthorizerHandler handler = new JwtAuthorizerHandler(crac);

        // Then it is configured from the environment and registered itself, so its checkpoint and
        // restore hooks run (and the context keeps it reachable)
        assertTrue(handler.configured());
        assertEquals(List.of(handler), registered);
    }

    @Test
    void refreshesRunOnAStartedDaemonThread() throws Exception {
        // Given a task recording the thread it runs on
        CountDownLatch ran = new CountDownLatch(1);
        AtomicBoolean daemon = new AtomicBoolean();
        AtomicReference<String> name = new AtomicReference<>();
        Runnable task = () -> {
            daemon.set(Thread.currentThread().isDaemon());
            name.set(Thread.currentThread().getName());
            ran.countDown();
        };

        // When it is handed to the background executor by a non-daemon thread (whose new threads
        // would be non-daemon too unless made daemon)
        Thread caller = new Thread(() -> JwtAuthorizerHandler.backgroundThread(task));
        caller.setDaemon(false);
        caller.start();
        caller.join();

        // Then it ran, on a daemon thread named for the refresh, which cannot keep the JVM alive
        assertTrue(ran.await(30, TimeUnit.SECONDS), "the task never ran");
        assertTrue(daemon.get(), "the refresh thread is a daemon");
        assertEquals("gatehouse-jwks-refresh", name.get());
    }
}
