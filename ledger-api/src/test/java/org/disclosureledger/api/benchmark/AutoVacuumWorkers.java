package org.disclosureledger.api.benchmark;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Watches, every 100 ms while a phase runs, what PostgreSQL's autovacuum workers are doing in any database of the
 * server ({@code pg_stat_activity}): the benchmark's scenarios share one server, each in its own database, and a
 * worker vacuuming an earlier scenario's tables (scenario 5 loads 10,000,000 history rows) takes a core's time from
 * whatever is measured meanwhile. {@link AutoVacuum} sees only the current database's tables, and only once a run has
 * finished.
 */
final class AutoVacuumWorkers implements AutoCloseable {

    private static final String WORKERS =
            "select datname, query from pg_stat_activity where backend_type = 'autovacuum worker'";

    private final JdbcTemplate jdbc;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;
    private final Map<String, Integer> seen = new TreeMap<>();
    private int samples;
    private int busySamples;

    private AutoVacuumWorkers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.thread = new Thread(this::sample, CpuUse.CLIENT_PREFIX + "autovacuum-watch");
    }

    /** Starts watching. */
    static AutoVacuumWorkers watch(JdbcTemplate jdbc) {
        AutoVacuumWorkers watch = new AutoVacuumWorkers(jdbc);
        watch.thread.start();
        return watch;
    }

    private void sample() {
        while (running.get()) {
            Map<String, Integer> now = new TreeMap<>();
            jdbc.query(WORKERS, rs -> {
                now.merge(rs.getString(1) + ": " + rs.getString(2), 1, Integer::sum);
            });
            synchronized (this) {
                samples++;
                if (!now.isEmpty()) {
                    busySamples++;
                }
                now.keySet().forEach(work -> seen.merge(work, 1, Integer::sum));
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Stops watching and waits for the last sample. */
    @Override
    public void close() throws InterruptedException {
        running.set(false);
        thread.join();
    }

    /** What the workers did: the share of samples with a worker busy, and each piece of work seen, by samples. */
    synchronized String summary() {
        if (busySamples == 0) {
            return "no autovacuum worker in " + samples + " samples";
        }
        StringBuilder text = new StringBuilder(
                String.format("an autovacuum worker busy in %d of %d samples (100 ms apart):", busySamples, samples));
        seen.forEach((work, count) ->
                text.append(" [").append(work).append("] ").append(count).append(';'));
        return text.toString();
    }
}
