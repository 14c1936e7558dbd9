package org.disclosureledger.projections.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The one real PostgreSQL server of a test JVM, and fresh databases on it. Tests of every module use it the same way,
 * whichever server runs underneath:
 *
 * <ul>
 *     <li>with a Docker engine available, a Testcontainers {@code postgres:17-alpine} container;</li>
 *     <li>otherwise a PostgreSQL 17 server started from Maven artifacts by zonky's {@code EmbeddedPostgres} (the
 *         project's build machine has no Docker engine, so this is the path taken there).</li>
 * </ul>
 * The system property {@code ledger.test.postgres} ({@code embedded} or {@code testcontainers}) forces a path. The
 * server starts on first use, is shared by all tests of the JVM, logs once which path was taken (see {@link #engine()}),
 * and stops when the JVM exits, after the JVM's Spring application contexts ({@link StopAtExit}). Durability is
 * switched off ({@code fsync=off}): it is a test server. With {@code ledger.test.postgres.statement-stats=true} the
 * server also loads {@code pg_stat_statements}, for benchmarks that report which statements took PostgreSQL's time.
 *
 * <p>From a Spring Boot test in any module (ledger-api depends on this module's test-jar):
 * <pre>{@code
 * @SpringBootTest
 * class SomethingTest {
 *     @DynamicPropertySource
 *     static void database(DynamicPropertyRegistry registry) {
 *         SharedPostgres.registerFreshDatabase(registry);
 *     }
 * }
 * }</pre>
 * Each Spring context then gets its own empty database, so Flyway migrates it from scratch and tests of different
 * classes never see each other's rows.
 */
public final class SharedPostgres {

    /** Forces {@code embedded} or {@code testcontainers} instead of detecting a Docker engine. */
    public static final String ENGINE_PROPERTY = "ledger.test.postgres";

    /** {@code true} loads {@code pg_stat_statements} into the server (off by default: it costs every statement). */
    public static final String STATEMENT_STATS_PROPERTY = "ledger.test.postgres.statement-stats";

    /** The server's {@code shared_preload_libraries}: none, PostgreSQL's default, unless statement stats are asked. */
    private static final String PRELOAD = Boolean.getBoolean(STATEMENT_STATS_PROPERTY) ? "pg_stat_statements" : "";

    private static final Logger log = LoggerFactory.getLogger(SharedPostgres.class);
    private static final AtomicInteger databases = new AtomicInteger();

    private SharedPostgres() {}

    /** Which path the shared server took; starts it if it is not running yet. */
    public static TestEngine engine() {
        return Server.INSTANCE.engine;
    }

    /** Creates a new, empty database on the shared server. */
    public static TestDatabase freshDatabase() {
        Server server = Server.INSTANCE;
        String name = "ledger_test_" + databases.incrementAndGet();
        try (Connection admin =
                        DriverManager.getConnection(server.jdbcUrl("postgres"), server.username, server.password);
                Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "could not create test database " + name + " on the shared PostgreSQL" + " server (" + server.engine
                            + ")",
                    e);
        }
        return new TestDatabase(name, server.jdbcUrl(name), server.username, server.password);
    }

    /** Creates a new, empty database and points {@code spring.datasource.*} at it; returns the database. */
    public static TestDatabase registerFreshDatabase(DynamicPropertyRegistry registry) {
        StopAtExit.contextsUseTheServices();
        TestDatabase database = freshDatabase();
        database.registerIn(registry);
        return database;
    }

    /** The running server; the holder idiom starts it once, on first use, thread-safely. */
    private static final class Server {

        private static final Server INSTANCE = start();

        private final TestEngine engine;
        private final String host;
        private final int port;
        private final String username;
        private final String password;

        private Server(TestEngine engine, String host, int port, String username, String password) {
            this.engine = engine;
            this.host = host;
            this.port = port;
            this.username = username;
            this.password = password;
        }

        String jdbcUrl(String database) {
            return "jdbc:postgresql://" + host + ":" + port + "/" + database;
        }

        private static Server start() {
            TestEngine engine = TestEngine.choose(ENGINE_PROPERTY);
            long started = System.nanoTime();
            Server server = engine == TestEngine.TESTCONTAINERS ? startContainer() : startEmbedded();
            log.info(
                    "Shared test PostgreSQL: {} at {}:{} (started in {} ms)",
                    engine == TestEngine.TESTCONTAINERS
                            ? "Testcontainers postgres:17-alpine (a Docker engine is available)"
                            : "zonky embedded PostgreSQL 17 (no Docker engine, or " + ENGINE_PROPERTY + "=embedded)",
                    server.host,
                    server.port,
                    (System.nanoTime() - started) / 1_000_000);
            return server;
        }

        @SuppressWarnings("resource")
        private static Server startContainer() {
            PostgreSQLContainer container = new PostgreSQLContainer("postgres:17-alpine")
                    .withCommand(
                            "postgres",
                            "-c",
                            "fsync=off",
                            "-c",
                            "synchronous_commit=off",
                            "-c",
                            "full_page_writes=off",
                            "-c",
                            "max_connections=500",
                            "-c",
                            "shared_preload_libraries=" + PRELOAD);
            container.start();
            StopAtExit.register("shared-postgres-stop", container::stop);
            return new Server(
                    TestEngine.TESTCONTAINERS,
                    container.getHost(),
                    container.getMappedPort(5432),
                    container.getUsername(),
                    container.getPassword());
        }

        private static Server startEmbedded() {
            try {
                EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                        .setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off")
                        .setServerConfig("max_connections", "500")
                        .setServerConfig("shared_preload_libraries", PRELOAD)
                        .setRegisterShutdownHook(false)
                        // initdb's progress report; the server's own log (stderr) still reaches the test log.
                        .setOutputRedirector(ProcessBuilder.Redirect.DISCARD)
                        .start();
                StopAtExit.register("shared-postgres-stop", () -> {
                    try {
                        postgres.close();
                    } catch (IOException e) {
                        log.warn("Shared test PostgreSQL did not stop cleanly: {}", e.getMessage());
                    }
                });
                return new Server(TestEngine.EMBEDDED, "localhost", postgres.getPort(), "postgres", "postgres");
            } catch (IOException e) {
                throw new UncheckedIOException("could not start the embedded PostgreSQL server", e);
            }
        }
    }
}
