package org.disclosureledger.projections.access;

import java.util.List;
import org.disclosureledger.core.access.AccessedRecord;
import org.disclosureledger.core.access.ReaderRole;
import org.disclosureledger.core.subject.PersonRef;
import org.springframework.jdbc.core.JdbcTemplate;

/** Reads who read a person's records. */
public class HistoryAccessLog {

    private final JdbcTemplate jdbc;

    HistoryAccessLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The person's recorded reads, newest first, at most {@code limit}. */
    public List<HistoryAccessView> accessesOf(PersonRef person, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("the number of reads to list must be at least 1, not " + limit);
        }
        return jdbc.query(
                """
                select accessed_at, reader_subject, reader_role, record, purpose from history_access
                where person_ref = ? order by accessed_at desc, access_id limit ?""",
                (rs, n) -> new HistoryAccessView(
                        rs.getTimestamp(1).toInstant(),
                        rs.getString(2),
                        ReaderRole.valueOf(rs.getString(3)),
                        AccessedRecord.valueOf(rs.getString(4)),
                        rs.getString(5)),
                person.value(),
                limit);
    }
}
