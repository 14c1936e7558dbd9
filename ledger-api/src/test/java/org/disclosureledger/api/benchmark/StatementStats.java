package org.disclosureledger.api.benchmark;

import org.disclosureledger.projections.testing.SharedPostgres;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Which statements took PostgreSQL's time during a measured window, printed when the run asks for it with
 * {@code -Dledger.test.postgres.statement-stats=true} (which loads {@code pg_stat_statements} into the test server);
 * otherwise does nothing. Times are elapsed time inside PostgreSQL, waits for locks and CPU included, summed over the
 * server's connections, so they can add up to more than the window.
 */
final class StatementStats {

    private static final int SHOWN = Integer.getInteger("benchmark.statement-stats.shown", 12);

    private final JdbcTemplate jdbc;
    private final boolean enabled;

    private StatementStats(JdbcTemplate jdbc, boolean enabled) {
        this.jdbc = jdbc;
        this.enabled = enabled;
    }

    /** Forgets what was counted so far; the window starts now. */
    static StatementStats start(JdbcTemplate jdbc) {
        boolean enabled = Boolean.getBoolean(SharedPostgres.STATEMENT_STATS_PROPERTY);
        if (enabled) {
            jdbc.execute("create extension if not exists pg_stat_statements");
            jdbc.execute("select pg_stat_statements_reset()");
        }
        return new StatementStats(jdbc, enabled);
    }

    /** Prints the statements that took the most time since {@link #start}, under a title naming the window. */
    void print(String window) {
        if (!enabled) {
            return;
        }
        jdbc.query(
                "select coalesce(sum(total_exec_time), 0), coalesce(sum(calls), 0), count(*) from pg_stat_statements",
                row -> {
                    System.out.printf(
                            "PostgreSQL statements by time, %s: %,.0f ms in %,d calls of %,d statements in all%n",
                            window, row.getDouble(1), row.getLong(2), row.getLong(3));
                });
        jdbc.query(
                "select total_exec_time, calls, rows, left(regexp_replace(query, '\\s+', ' ', 'g'), 150)"
                        + " from pg_stat_statements order by total_exec_time desc limit " + SHOWN,
                row -> {
                    System.out.printf(
                            "  %,10.0f ms %,9d calls %,11d rows  %s%n",
                            row.getDouble(1), row.getLong(2), row.getLong(3), row.getString(4));
                });
    }
}
