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
 * A connection-init SQL the application already configured runs after it, so it may set its own.
 */
public final class LockTimeout implements BeanPostProcessor {

    /** The property naming the limit; 0 means no limit. */
    public static final String PROPERTY = "ledger.database.lock-timeout";

    private final Duration limit;

    /** A limit of 0 or more; 0 means none. */
    public LockTimeout(Duration limit) {
        if (limit.isNegative()) {
            throw new IllegalArgumentException(PROPERTY + " must be 0 (no limit) or more, not " + limit);
        }
        this.limit = limit;
    }

    /** Sets up a Hikari pool's connections with the limit; any other bean is left as it is. */
    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool) {
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
