package org.disclosureledger.projections.testing;

/**
 * Stops a shared test service when the JVM exits. Where Spring Boot is on the classpath, as a Spring Boot shutdown
 * handler, which runs after Spring Boot has closed the JVM's application contexts: a JVM shutdown hook of its own ran
 * alongside the one closing the contexts, and took the services away under contexts still stopping, whose stream relay
 * then waited for a broker that was gone until Surefire killed the JVM. Elsewhere (the watchdog's tests, which have no
 * Spring) as a plain JVM shutdown hook.
 */
final class StopAtExit {

    private StopAtExit() {}

    static void register(String name, Runnable stop) {
        if (springBootPresent()) {
            SpringBootHandlers.add(stop);
        } else {
            Runtime.getRuntime().addShutdownHook(new Thread(stop, name));
        }
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
