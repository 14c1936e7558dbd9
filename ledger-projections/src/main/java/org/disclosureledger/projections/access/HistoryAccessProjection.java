package org.disclosureledger.projections.access;

import java.sql.Timestamp;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.disclosureledger.core.access.HistoryAccessed;
import org.springframework.jdbc.core.JdbcTemplate;

/** Writes each recorded read into {@code history_access}; a read seen twice (a replayed batch) is written once. */
@ProcessingGroup(HistoryAccessProjection.PROCESSING_GROUP)
public class HistoryAccessProjection {

    public static final String PROCESSING_GROUP = "history-access";

    private final JdbcTemplate jdbc;

    HistoryAccessProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(HistoryAccessed event) {
        jdbc.update(
                """
                insert into history_access (access_id, person_ref, accessed_at, reader_subject, reader_role, record,
                    purpose)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict (access_id) do nothing""",
                event.accessId().value(),
                event.person().value(),
                Timestamp.from(event.accessedAt()),
                event.reader().subject(),
                event.reader().role().name(),
                event.record().name(),
                event.purpose().text());
    }

    /** Before a rebuild replays the event store: empties the access log. */
    @ResetHandler
    void onReset() {
        jdbc.execute("TRUNCATE history_access");
    }
}
