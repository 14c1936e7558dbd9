package org.disclosureledger.projections.testing;

import java.util.Locale;
import org.testcontainers.DockerClientFactory;

/**
 * How a shared test server ({@link SharedPostgres}, {@link SharedKafka}) was started: in a container where a Docker
 * engine runs, as an embedded server from Maven artifacts otherwise.
 */
public enum TestEngine {
    /** A Testcontainers container on a Docker engine. */
    TESTCONTAINERS,
    /** A real server started from Maven artifacts on this machine (zonky's PostgreSQL, Apache Kafka's broker). */
    EMBEDDED;

    /**
     * The engine the system property {@code property} forces ({@code embedded} or {@code testcontainers}), or, when
     * it is unset, containers if a Docker engine answers and embedded servers if not.
     */
    static TestEngine choose(String property) {
        String forced = System.getProperty(property, "").trim().toLowerCase(Locale.ROOT);
        return switch (forced) {
            case "embedded" -> EMBEDDED;
            case "testcontainers" -> TESTCONTAINERS;
            case "" -> DockerClientFactory.instance().isDockerAvailable() ? TESTCONTAINERS : EMBEDDED;
            default ->
                throw new IllegalStateException(property + " is '" + forced
                        + "'; use 'embedded' or 'testcontainers', or leave it unset to detect a Docker engine");
        };
    }
}
