package org.disclosureledger.projections.summary;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/** Every row of every agency-summary table, as JSON text, sorted: two dumps are equal when the tables are. */
final class SummaryDump {

    private SummaryDump() {}

    static Map<String, List<String>> of(JdbcTemplate jdbc) {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (String table : AgencySummaryProjection.TABLES) {
            rows.put(
                    table, jdbc.queryForList("SELECT to_jsonb(t)::text FROM " + table + " t ORDER BY 1", String.class));
        }
        return rows;
    }
}
