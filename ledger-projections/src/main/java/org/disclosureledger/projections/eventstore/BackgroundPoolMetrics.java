package org.disclosureledger.projections.eventstore;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Gives the background pool ({@link RequestConnections}) the same metrics as the requests' pool: Hikari's
 * {@code hikaricp.connections.*}, tagged with the pool's name: the application's pool's and {@code -background}, or
 * {@code ledger-background} when the application's pool had no name yet when it was copied. Spring Boot's own binder
 * unwraps the data source to the requests' pool only. An operator who sees the processors fall behind can then tell
 * whether they are waiting for a connection ({@code hikaricp.connections.pending}).
 */
public final class BackgroundPoolMetrics implements MeterBinder {

    private final ObjectProvider<DataSource> dataSources;

    public BackgroundPoolMetrics(ObjectProvider<DataSource> dataSources) {
        this.dataSources = dataSources;
    }

    /** Hikari takes its metrics once, even after the pool has started; a pool that has some already is left alone. */
    @Override
    public void bindTo(MeterRegistry registry) {
        dataSources.orderedStream().flatMap(d -> background(d).stream()).forEach(pool -> {
            if (pool.getMetricRegistry() == null && pool.getMetricsTrackerFactory() == null) {
                pool.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(registry));
            }
        });
    }

    private static Optional<HikariDataSource> background(DataSource dataSource) {
        try {
            return dataSource.isWrapperFor(RequestConnections.SplitPools.class)
                    ? Optional.of(dataSource
                            .unwrap(RequestConnections.SplitPools.class)
                            .background())
                    : Optional.empty();
        } catch (SQLException e) {
            return Optional.empty();
        }
    }
}
