package org.disclosureledger.projections.history;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/** Every row of every person-history table, as JSON text, sorted: two dumps are equal when the tables are. */
final class ReadModelDump {

    private ReadModelDump() {}

    static Map<String, List<String>> of(JdbcTemplate jdbc) {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (String table : PersonHistoryProjection.TABLES) {
            rows.put(
                    table, jdbc.queryForList("SELECT to_jsonb(t)::text FROM " + table + " t ORDER BY 1", String.class));
        }
        return rows;
    }

    static long rowCount(Map<String, List<String>> dump) {
        return dump.values().stream().mapToLong(List::size).sum();
    }
}
