package org.disclosureledger.projections.eventstore;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Bounds how long any statement of the ledger waits for a row or table lock ({@code ledger.database.lock-timeout},
 * PostgreSQL's {@code lock_timeout}): each connection of a Hikari pool is set up with it before first use. A command or
 * a processor batch that waits longer fails instead of holding its thread or its segment for as long as the lock is
 * held; its transaction rolls back, and a processor retries the batch. Axon's own handler timers are off
 * ({@code docs/decisions.md}), and PostgreSQL sets no limit by default, so without this nothing would end such a wait.
 * The limit applies to each wait, not to a whole transaction. A connection-init SQL the application already configured
 * runs after it, so it may set its own; a limit of 0 sets nothing, leaving the database's own setting.
 */
public final class LockTimeout implements BeanPostProcessor {

    /** The property naming the limit; 0 leaves the database's own setting (PostgreSQL's default: no limit). */
    public static final String PROPERTY = "ledger.database.lock-timeout";

    private final Duration limit;

    /** A limit of 0, or of 1 ms up to about 24 days (PostgreSQL's largest); 0 sets nothing. */
    public LockTimeout(Duration limit) {
        boolean settable = limit.compareTo(Duration.ofMillis(1)) >= 0
                && limit.compareTo(Duration.ofMillis(Integer.MAX_VALUE)) <= 0;
        if (!limit.isZero() && !settable) {
            throw new IllegalArgumentException(
                    PROPERTY + " must be 0 (the database's own setting) or from 1ms to 24d, not " + limit);
        }
        this.limit = limit;
    }

    /** Sets up a Hikari pool's connections with the limit; any other bean is left as it is. */
    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool && !limit.isZero()) {
            String own = pool.getConnectionInitSql();
            pool.setConnectionInitSql(sql() + (own == null || own.isBlank() ? "" : "; " + own));
        }
        return bean;
    }

    /** The statement that sets the limit on a session, in milliseconds. */
    String sql() {
        return "SET lock_timeout = " + limit.toMillis();
    }
}
