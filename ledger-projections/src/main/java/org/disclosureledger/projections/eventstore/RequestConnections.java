package org.disclosureledger.projections.eventstore;

import com.zaxxer.hikari.HikariDataSource;
import java.io.Closeable;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.AbstractDataSource;

/**
 * Gives the work of answering requests a pool of database connections of its own, so that the ledger's background work
 * (its event processors, the stream relay, the checkpointer) never holds every connection a request is waiting for.
 * The processors build each read model in bursts of batches, and while one pool served both, a burst held most of its
 * connections: requests queued behind it and the API all but stopped for a few hundred milliseconds at a time
 * (README, "What limits each figure").
 *
 * <p>The application's Hikari pool ({@code spring.datasource.*}) serves the threads that {@link #serving()} marks, the
 * API's request threads and the threads of the investigations regulators start; a copy of it with {@value #PROPERTY}
 * connections serves every other thread. That bounds how
 * many connections, and so how much of PostgreSQL, the background work takes at once. A size of 0 keeps one pool for
 * everything, as before.
 */
public final class RequestConnections implements BeanPostProcessor {

    /** The property naming the background pool's size; 0 keeps one pool for requests and background work alike. */
    public static final String PROPERTY = "ledger.database.background-pool-size";

    private static final ThreadLocal<Boolean> SERVING = ThreadLocal.withInitial(() -> false);

    private final int backgroundPoolSize;

    /** A size from 0 (one pool for all) up to 1,000. */
    public RequestConnections(int backgroundPoolSize) {
        if (backgroundPoolSize < 0 || backgroundPoolSize > 1_000) {
            throw new IllegalArgumentException(
                    PROPERTY + " must be from 0 (one pool for all) to 1000, not " + backgroundPoolSize);
        }
        this.backgroundPoolSize = backgroundPoolSize;
    }

    /**
     * Marks the current thread as answering a request until the returned scope is closed: the connections it takes
     * meanwhile come from the requests' pool.
     */
    public static Serving serving() {
        boolean before = SERVING.get();
        SERVING.set(true);
        return () -> SERVING.set(before);
    }

    /**
     * A task that runs with its thread marked as answering a request, for threads that do work the API's callers asked
     * for and wait on: an investigation a regulator started. Such work took its connections from the application's
     * pool before the pools were split, and holds more than one at a time (its reader's transaction beside its own).
     */
    public static Runnable serving(Runnable task) {
        return () -> {
            try (Serving serving = serving()) {
                task.run();
            }
        };
    }

    /** The time a thread is marked as answering a request. */
    public interface Serving extends AutoCloseable {

        @Override
        void close();
    }

    /**
     * Splits a Hikari pool, once every other post-processor has set it up (the lock timeout included), into itself for
     * requests and a copy for the rest; any other bean is left as it is.
     */
    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource requests && backgroundPoolSize > 0) {
            return new SplitPools(requests, background(requests));
        }
        return bean;
    }

    /**
     * A copy of the pool's settings with its own name and size; like the original, it connects on first use. An
     * unnamed pool is named {@code ledger} first (Hikari would name it {@code HikariPool-N} only once it starts), so
     * that the two pools' metrics and log lines read as a pair: {@code ledger} and {@code ledger-background}.
     */
    private HikariDataSource background(HikariDataSource requests) {
        if (requests.getPoolName() == null && !requests.isRunning()) {
            requests.setPoolName("ledger");
        }
        HikariDataSource background = new HikariDataSource();
        requests.copyStateTo(background);
        background.setPoolName((requests.getPoolName() == null ? "ledger" : requests.getPoolName()) + "-background");
        background.setMaximumPoolSize(backgroundPoolSize);
        if (background.getMinimumIdle() > backgroundPoolSize) {
            background.setMinimumIdle(backgroundPoolSize);
        }
        return background;
    }

    /** The two pools behind one data source: each connection comes from the pool of the thread that asks for it. */
    static final class SplitPools extends AbstractDataSource implements Closeable {

        private final HikariDataSource requests;
        private final HikariDataSource background;

        SplitPools(HikariDataSource requests, HikariDataSource background) {
            this.requests = requests;
            this.background = background;
        }

        @Override
        public Connection getConnection() throws SQLException {
            return current().getConnection();
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return current().getConnection(username, password);
        }

        private DataSource current() {
            return SERVING.get() ? requests : background;
        }

        /** Unwraps to the requests' pool, which carries the application's own settings. */
        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            return type.isInstance(this) ? type.cast(this) : requests.unwrap(type);
        }

        @Override
        public boolean isWrapperFor(Class<?> type) throws SQLException {
            return type.isInstance(this) || requests.isWrapperFor(type);
        }

        HikariDataSource requests() {
            return requests;
        }

        HikariDataSource background() {
            return background;
        }

        @Override
        public void close() {
            try (requests) {
                background.close();
            }
        }
    }
}
