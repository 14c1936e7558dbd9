package org.disclosureledger.api.history;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.disclosureledger.projections.eventstore.PlannedPerCall;
import org.disclosureledger.projections.history.HistoryEntry;
import org.disclosureledger.projections.history.VisibleEntry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The ledger index that proves each visible history entry is recorded: its {@code DisclosureRecorded} event, or for a
 * bulk disclosure the {@code BulkDisclosureSealed} event that commits to its manifest. Shared by the JSON lookup and
 * the enrollee's page.
 */
@Component
public class LedgerIndexes {

    private final JdbcTemplate jdbc;

    public LedgerIndexes(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Ledger indexes by disclosure id; a disclosure the sequencer has not reached yet has none. */
    public Map<String, Long> of(List<HistoryEntry> entries) {
        List<String> ids = entries.stream()
                .filter(VisibleEntry.class::isInstance)
                .map(e -> ((VisibleEntry) e).disclosureId().value())
                .toList();
        Map<String, Long> indexes = new HashMap<>();
        if (ids.isEmpty()) {
            return indexes;
        }
        String sealedOrRecorded = """
                select d.aggregate_identifier, e.ledger_index
                from domain_event_entry d join ledger_entry e on e.event_identifier = d.event_identifier
                where d.aggregate_identifier = any (?)
                  and d.payload_type in ('DisclosureRecorded', 'BulkDisclosureSealed')""";
        jdbc.query(PlannedPerCall.query(sealedOrRecorded, (Object) ids.toArray(new String[0])), rs -> {
            indexes.put(rs.getString(1), rs.getLong(2));
        });
        return indexes;
    }
}
