package org.disclosureledger.projections.readmodel;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/** Every row of the given tables, as JSON text, sorted: two dumps are equal when the tables are. */
public final class ReadModelDump {

    private ReadModelDump() {}

    public static Map<String, List<String>> of(JdbcTemplate jdbc, List<String> tables) {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (String table : tables) {
            rows.put(
                    table, jdbc.queryForList("SELECT to_jsonb(t)::text FROM " + table + " t ORDER BY 1", String.class));
        }
        return rows;
    }
}
