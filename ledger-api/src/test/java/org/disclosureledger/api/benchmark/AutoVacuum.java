package org.disclosureledger.api.benchmark;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Which tables PostgreSQL's autovacuum vacuumed or analysed within a window ({@code pg_stat_user_tables}), for a
 * benchmark's notes: on two cores its workers take CPU from whatever is measured meanwhile.
 */
final class AutoVacuum {

    private static final String COUNTS =
            "select relname, autovacuum_count + autoanalyze_count as runs from pg_stat_user_tables";

    private final JdbcTemplate jdbc;
    private final Map<String, Long> before;

    private AutoVacuum(JdbcTemplate jdbc, Map<String, Long> before) {
        this.jdbc = jdbc;
        this.before = before;
    }

    /** Starts the window. */
    static AutoVacuum since(JdbcTemplate jdbc) {
        return new AutoVacuum(jdbc, counts(jdbc));
    }

    /** The tables autovacuum vacuumed or analysed since the window started (as far as it finished), or "none". */
    String tables() {
        List<String> ran = new ArrayList<>();
        counts(jdbc).forEach((table, runs) -> {
            if (runs > before.getOrDefault(table, 0L)) {
                ran.add(table);
            }
        });
        ran.sort(String::compareTo);
        return ran.isEmpty() ? "none" : String.join(", ", ran);
    }

    private static Map<String, Long> counts(JdbcTemplate jdbc) {
        Map<String, Long> counts = new HashMap<>();
        jdbc.query(COUNTS, rs -> {
            counts.put(rs.getString(1), rs.getLong(2));
        });
        return counts;
    }
}
