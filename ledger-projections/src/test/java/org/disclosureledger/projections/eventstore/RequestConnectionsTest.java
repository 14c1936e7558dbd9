package org.disclosureledger.projections.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.disclosureledger.projections.testing.SharedPostgres;
import org.disclosureledger.projections.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Requests take their connections from the application's pool and every other thread from a pool of its own, so that
 * background work holding all of its connections does not keep a request waiting.
 */
class RequestConnectionsTest {

    private final TestDatabase database = SharedPostgres.freshDatabase();

    @Test
    @Timeout(30)
    void givenTheBackgroundPoolFullyHeld_whenARequestAsksForAConnection_thenItGetsOneFromItsOwnPool() throws Exception {
        try (RequestConnections.SplitPools pools = split(new RequestConnections(1));
                Connection held = pools.getConnection()) {
            assertThat(pools.background().getHikariPoolMXBean().getActiveConnections())
                    .isEqualTo(1);
            assertThatThrownBy(pools::getConnection).isInstanceOf(SQLTransientConnectionException.class);

            try (RequestConnections.Serving serving = RequestConnections.serving();
                    Connection forRequest = pools.getConnection()) {
                assertThat(pools.requests().getHikariPoolMXBean().getActiveConnections())
                        .isEqualTo(1);
                assertThat(pools.background().getHikariPoolMXBean().getActiveConnections())
                        .isEqualTo(1);
            }
        }
    }

    @Test
    @Timeout(30)
    void givenAThreadMarkedAsServing_whenTheScopeCloses_thenItsNextConnectionIsTheBackgroundsAgain() throws Exception {
        try (RequestConnections.SplitPools pools = split(new RequestConnections(2))) {
            try (RequestConnections.Serving outer = RequestConnections.serving()) {
                try (RequestConnections.Serving inner = RequestConnections.serving()) {
                    assertThat(poolServing(pools)).isEqualTo("requests");
                }
                assertThat(poolServing(pools)).isEqualTo("requests");
            }
            assertThat(poolServing(pools)).isEqualTo("background");
            assertThat(CompletableFuture.supplyAsync(() -> poolServing(pools)).get(20, TimeUnit.SECONDS))
                    .as("another thread, never marked")
                    .isEqualTo("background");
        }
    }

    @Test
    @Timeout(30)
    void givenATaskMarkedAsServing_whenItRunsOnAThreadOfItsOwn_thenItTakesTheRequestsPool() throws Exception {
        try (RequestConnections.SplitPools pools = split(new RequestConnections(1))) {
            AtomicReference<String> taken = new AtomicReference<>();
            Thread investigation = new Thread(RequestConnections.serving(() -> taken.set(poolServing(pools))));

            investigation.start();
            investigation.join(20_000);

            assertThat(taken.get()).isEqualTo("requests");
            assertThat(poolServing(pools)).as("the thread that made the task").isEqualTo("background");
        }
    }

    @Test
    void givenTheApplicationsPoolSettings_whenSplit_thenTheBackgroundPoolCopiesThemWithItsOwnNameAndSize() {
        HikariDataSource unstarted = unstarted();
        unstarted.setPoolName("operator-named");
        unstarted.setConnectionInitSql("SET application_name = 'operator-chosen'");
        Object limited =
                new LockTimeout(Duration.ofMillis(1500)).postProcessBeforeInitialization(unstarted, "dataSource");

        try (RequestConnections.SplitPools pools = (RequestConnections.SplitPools)
                new RequestConnections(3).postProcessAfterInitialization(limited, "dataSource")) {
            HikariDataSource background = pools.background();
            assertThat(pools.requests().getPoolName()).isEqualTo("operator-named");
            assertThat(background.getPoolName()).isEqualTo("operator-named-background");
            assertThat(background.getMaximumPoolSize()).isEqualTo(3);
            assertThat(pools.requests()).isSameAs(unstarted);
            assertThat(pools.requests().getMaximumPoolSize()).isEqualTo(10);
            JdbcTemplate jdbc = new JdbcTemplate(pools);
            assertThat(jdbc.queryForObject("SHOW lock_timeout", String.class)).isEqualTo("1500ms");
            assertThat(jdbc.queryForObject("SHOW application_name", String.class))
                    .isEqualTo("operator-chosen");
        }
    }

    @Test
    void givenAnUnnamedPool_whenSplit_thenTheTwoAreNamedAsAPair() {
        try (RequestConnections.SplitPools pools = split(new RequestConnections(1))) {
            assertThat(pools.requests().getPoolName()).isEqualTo("ledger");
            assertThat(pools.background().getPoolName()).isEqualTo("ledger-background");
        }
    }

    @Test
    void givenTheSplitPools_whenClosed_thenBothPoolsAreClosed() throws Exception {
        RequestConnections.SplitPools pools = split(new RequestConnections(1));
        try (Connection background = pools.getConnection();
                RequestConnections.Serving serving = RequestConnections.serving();
                Connection request = pools.getConnection()) {
            assertThat(background.isValid(5)).isTrue();
            assertThat(request.isValid(5)).isTrue();
        }

        pools.close();

        assertThat(pools.requests().isClosed()).isTrue();
        assertThat(pools.background().isClosed()).isTrue();
    }

    @Test
    void givenASizeOfZero_whenPostProcessed_thenThePoolServesEveryThreadAsBefore() {
        HikariDataSource pool = unstarted();

        assertThat(new RequestConnections(0).postProcessAfterInitialization(pool, "dataSource"))
                .isSameAs(pool);
    }

    @Test
    void givenABeanThatIsNoHikariPool_whenPostProcessed_thenLeftAsItIs() {
        Object other = new Object();

        assertThat(new RequestConnections(4).postProcessAfterInitialization(other, "other"))
                .isSameAs(other);
    }

    @Test
    void givenTheSplitPools_whenUnwrapped_thenTheApplicationsPoolIsFound() throws Exception {
        try (RequestConnections.SplitPools pools = split(new RequestConnections(1))) {
            DataSource asDataSource = pools;

            assertThat(asDataSource.isWrapperFor(HikariDataSource.class)).isTrue();
            assertThat(asDataSource.unwrap(HikariDataSource.class)).isSameAs(pools.requests());
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 1_001})
    void givenASizeOutOfRange_whenConfigured_thenRefusedNamingTheProperty(int size) {
        assertThatThrownBy(() -> new RequestConnections(size))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "ledger.database.background-pool-size must be from 0 (one pool for all) to 1000, not " + size);
    }

    @Test
    @Timeout(30)
    void givenTheMetricsBound_whenBackgroundWorkHoldsAConnection_thenTheBackgroundPoolsMetricsShowIt()
            throws Exception {
        try (RequestConnections.SplitPools pools = split(new RequestConnections(2));
                Connection started = pools.getConnection()) {
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("dataSource", pools));

            new BackgroundPoolMetrics(beans.getBeanProvider(DataSource.class)).bindTo(registry);

            try (Connection held = pools.getConnection()) {
                assertThat(registry.get("hikaricp.connections.active")
                                .tag("pool", "ledger-background")
                                .gauge()
                                .value())
                        .isEqualTo(2);
                assertThat(registry.get("hikaricp.connections.max")
                                .tag("pool", "ledger-background")
                                .gauge()
                                .value())
                        .isEqualTo(2);
            }
        }
    }

    @Test
    void givenOnePool_whenTheMetricsAreBound_thenNothingIsAddedToIt() {
        try (HikariDataSource one = (HikariDataSource)
                new RequestConnections(0).postProcessAfterInitialization(unstarted(), "dataSource")) {
            SimpleMeterRegistry registry = new SimpleMeterRegistry();

            new BackgroundPoolMetrics(
                            new StaticListableBeanFactory(Map.of("dataSource", one)).getBeanProvider(DataSource.class))
                    .bindTo(registry);

            assertThat(one.getMetricsTrackerFactory()).isNull();
            assertThat(registry.getMeters()).isEmpty();
        }
    }

    private RequestConnections.SplitPools split(RequestConnections connections) {
        return (RequestConnections.SplitPools) connections.postProcessAfterInitialization(unstarted(), "dataSource");
    }

    /** A pool on the test database that gives up on a connection after a quarter of a second. */
    private HikariDataSource unstarted() {
        HikariDataSource unstarted = new HikariDataSource();
        unstarted.setJdbcUrl(database.jdbcUrl());
        unstarted.setUsername(database.username());
        unstarted.setPassword(database.password());
        unstarted.setConnectionTimeout(250);
        return unstarted;
    }

    private static String poolServing(RequestConnections.SplitPools pools) {
        try (Connection connection = pools.getConnection()) {
            var requests = pools.requests().getHikariPoolMXBean();
            return requests != null && requests.getActiveConnections() == 1 ? "requests" : "background";
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
