package org.disclosureledger.api.benchmark;

import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What PostgreSQL's autovacuum workers did in any database of the server while a phase ran ({@code
 * pg_stat_activity}), from samples a phase's sampler takes: the benchmark's scenarios share one server, each in its
 * own database, and a worker vacuuming any table takes a core's time from whatever is measured meanwhile.
 * {@link AutoVacuum} sees only the current database's tables, and only once a run has finished.
 */
final class AutoVacuumWorkers {

    private static final String WORKERS =
            "select datname, query from pg_stat_activity where backend_type = 'autovacuum worker'";

    private final JdbcTemplate jdbc;
    private final Map<String, Integer> seen = new TreeMap<>();
    private int samples;
    private int busySamples;

    AutoVacuumWorkers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Looks once at what the workers are doing. */
    void sample() {
        Map<String, Integer> now = new TreeMap<>();
        jdbc.query(WORKERS, rs -> {
            now.merge(rs.getString(1) + ": " + rs.getString(2), 1, Integer::sum);
        });
        samples++;
        if (!now.isEmpty()) {
            busySamples++;
        }
        now.keySet().forEach(work -> seen.merge(work, 1, Integer::sum));
    }

    /** What the workers did: the share of samples with a worker busy, and each piece of work seen, by samples. */
    String summary() {
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
