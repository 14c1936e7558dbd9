package org.disclosureledger.projections.testing;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Stops a shared test service when the JVM exits, after the Spring application contexts that use it. A JVM shutdown
 * hook of its own runs alongside Spring Boot's, which closes the contexts: it took the services away under contexts
 * still stopping, whose stream relay then waited for a broker that was gone until Surefire killed the JVM. So once a
 * Spring context has been pointed at the services ({@link #contextsUseTheServices}), the hook first waits for a
 * Spring Boot shutdown handler, which runs once Spring Boot has closed the contexts, and gives up waiting after
 * {@link #MOST_WAIT_SECONDS} (under Surefire's 30 s). In a JVM without Spring contexts (the watchdog's tests, fixtures
 * on plain data sources) it stops at once. Either way the service is stopped once.
 */
final class StopAtExit {

    private static final long MOST_WAIT_SECONDS = 20;
    private static volatile boolean contextsUseTheServices;

    private StopAtExit() {}

    /** Notes that a Spring context is being pointed at the shared services. */
    static void contextsUseTheServices() {
        contextsUseTheServices = true;
    }

    static void register(String name, Runnable stop) {
        AtomicBoolean stopped = new AtomicBoolean();
        Runnable once = () -> {
            if (stopped.compareAndSet(false, true)) {
                stop.run();
            }
        };
        CountDownLatch contextsClosed = new CountDownLatch(1);
        if (springBootPresent()) {
            SpringBootHandlers.add(() -> {
                once.run();
                contextsClosed.countDown();
            });
        }
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            if (contextsUseTheServices) {
                                try {
                                    contextsClosed.await(MOST_WAIT_SECONDS, TimeUnit.SECONDS);
                                } catch (InterruptedException e) {
                                    Thread.currentThread().interrupt();
                                }
                            }
                            once.run();
                        },
                        name));
    }

    private static boolean springBootPresent() {
        try {
            Class.forName("org.springframework.boot.SpringApplication", false, StopAtExit.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /** Loaded only where Spring Boot is present. */
    private static final class SpringBootHandlers {

        static void add(Runnable stop) {
            org.springframework.boot.SpringApplication.getShutdownHandlers().add(stop);
        }
    }
}
