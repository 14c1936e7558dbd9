package org.disclosureledger.projections.investigation;

import java.time.Clock;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.disclosureledger.core.rulebook.RulebookLibrary;
import org.disclosureledger.projections.eventstore.RequestConnections;
import org.disclosureledger.projections.integrity.LedgerStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Investigations: at most two replays at a time, eight more queued, then refusal; rows streamed 1,000 at a time. The
 * application supplies the {@link RulebookLibrary} and the {@link Clock}.
 */
@Configuration(proxyBeanMethods = false)
public class InvestigationConfiguration {

    private static final int RUNNING = 2;
    private static final int QUEUED = 8;
    private static final int FETCH_SIZE = 1_000;

    @Bean(destroyMethod = "close")
    Investigations investigations(
            JdbcTemplate jdbc,
            DataSource dataSource,
            PlatformTransactionManager transactions,
            LedgerStore ledger,
            RulebookLibrary rulebooks,
            Clock clock) {
        return new Investigations(
                new InvestigationStore(jdbc, CanonicalJson.mapper(), transactions),
                ledger,
                new LedgerReplay(dataSource, transactions, FETCH_SIZE),
                rulebooks,
                executor(),
                clock);
    }

    private static ExecutorService executor() {
        AtomicInteger threads = new AtomicInteger();
        return new ThreadPoolExecutor(RUNNING, RUNNING, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUED), task -> {
            Thread thread = new Thread(RequestConnections.serving(task), "investigation-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }
}
