package org.disclosureledger.projections.eventstore;

import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.jdbc.DataSourceUnwrapper;

/**
 * Gives the background pool ({@link RequestConnections}) the same metrics as the requests' pool: Hikari's
 * {@code hikaricp.connections.*}, tagged with the pool's name, the application's pool's and {@code -background}
 * ({@code ledger-background} unless the application's pool is named otherwise). Spring Boot's own binder
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
        dataSources.orderedStream().forEach(dataSource -> {
            RequestConnections.SplitPools pools =
                    DataSourceUnwrapper.unwrap(dataSource, RequestConnections.SplitPools.class);
            if (pools != null
                    && pools.background().getMetricRegistry() == null
                    && pools.background().getMetricsTrackerFactory() == null) {
                pools.background().setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(registry));
            }
        });
    }
}
