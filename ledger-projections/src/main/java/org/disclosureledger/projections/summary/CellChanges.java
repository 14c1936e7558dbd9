package org.disclosureledger.projections.summary;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.disclosureledger.core.subject.PersonRef;
import org.disclosureledger.projections.batch.CurrentBatch;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What one batch of events changes in the rows its disclosures share with others, gathered while the batch's handlers
 * run and written just before it commits: each group it registers once, then the people it adds to groups
 * ({@link GroupJoins}), then one relative change per cell with the batch's net difference, each sorted by their
 * fields.
 *
 * <p>Most disclosures to one agency in a month share their cells, so the cells' rows are what the projection's
 * segments contend for. Written as each event was handled, a batch held the rows' locks from its first disclosure to
 * its commit, and the segments took turns. Written at the end, the locks are held only from this write to the commit,
 * the rest of every batch (its disclosures' own rows and subjects) runs in parallel, and a batch of a hundred
 * disclosures in one cell changes the cell once. Taking the locks in one order in every batch, groups before
 * memberships before cells, keeps two batches from deadlocking on them. A correction is the exception: it moves its own
 * people between groups as it is handled, after writing the batch's memberships so far if the batch has added some of
 * its people.
 */
final class CellChanges {

    /**
     * Adds a difference to a cell that may not exist yet. PostgreSQL checks the proposed row against the cells'
     * constraints before it looks for a conflict, so the difference must make a valid cell by itself.
     */
    private static final String ADD_TO_CELL = """
            INSERT INTO summary_cell (recipient_agency_id, custodian_state, purpose_code, data_category, month,
                disclosures, subjects, records, open_destruction_requests, certified_destructions, flagged_notice,
                flagged_concern, flagged_violation)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (recipient_agency_id, custodian_state, purpose_code, data_category, month) DO UPDATE SET
                disclosures = summary_cell.disclosures + excluded.disclosures,
                subjects = summary_cell.subjects + excluded.subjects,
                records = summary_cell.records + excluded.records,
                open_destruction_requests = summary_cell.open_destruction_requests
                    + excluded.open_destruction_requests,
                certified_destructions = summary_cell.certified_destructions + excluded.certified_destructions,
                flagged_notice = summary_cell.flagged_notice + excluded.flagged_notice,
                flagged_concern = summary_cell.flagged_concern + excluded.flagged_concern,
                flagged_violation = summary_cell.flagged_violation + excluded.flagged_violation""";

    /** Adds a difference, possibly negative, to a cell that must exist; its parameters are those of ADD_TO_CELL. */
    private static final String CHANGE_CELL = """
            UPDATE summary_cell c SET
                disclosures = c.disclosures + d.disclosures,
                subjects = c.subjects + d.subjects,
                records = c.records + d.records,
                open_destruction_requests = c.open_destruction_requests + d.open_destruction_requests,
                certified_destructions = c.certified_destructions + d.certified_destructions,
                flagged_notice = c.flagged_notice + d.flagged_notice,
                flagged_concern = c.flagged_concern + d.flagged_concern,
                flagged_violation = c.flagged_violation + d.flagged_violation
            FROM (VALUES (?, ?, ?, ?, ?::date, ?::bigint, ?::bigint, ?::bigint, ?::bigint, ?::bigint, ?::bigint,
                ?::bigint, ?::bigint))
                AS d (recipient_agency_id, custodian_state, purpose_code, data_category, month, disclosures, subjects,
                    records, open_destruction_requests, certified_destructions, flagged_notice, flagged_concern,
                    flagged_violation)
            WHERE c.recipient_agency_id = d.recipient_agency_id AND c.custodian_state = d.custodian_state
                AND c.purpose_code = d.purpose_code AND c.data_category = d.data_category AND c.month = d.month""";

    private static final String DROP_IF_EMPTY = """
            DELETE FROM summary_cell
            WHERE recipient_agency_id = ? AND custodian_state = ? AND purpose_code = ? AND data_category = ?
                AND month = ? AND disclosures = 0""";

    private static final String ADD_GROUP = """
            INSERT INTO summary_group (group_id, recipient_agency_id, custodian_state, purpose_code, month)
            VALUES (summary_group_id(?, ?, ?, ?), ?, ?, ?, ?)
            ON CONFLICT (group_id) DO NOTHING""";

    private static final String GROUP_HELD_BY_OTHERS = """
            SELECT count(*) FROM summary_group
            WHERE group_id = summary_group_id(?, ?, ?, ?)
                AND (recipient_agency_id, custodian_state, purpose_code, month) <> (?, ?, ?, ?)""";

    private final TreeSet<Group> groups = new TreeSet<>();
    private final TreeMap<Cell, Change> changes = new TreeMap<>();
    private final GroupJoins joins = new GroupJoins();

    private CellChanges() {}

    /**
     * The changes of the batch being handled; the first call in a batch arranges for them to be written in its
     * prepare-commit phase, inside its transaction, after {@code beforeWriting}, which writes what the batch holds that
     * adds to them (its single disclosures; every call of the projection passes the same). The handlers run in an Axon
     * unit of work (an event processor's batch), or there is nothing to write the changes at the end of.
     */
    static CellChanges ofCurrentBatch(JdbcTemplate jdbc, Runnable beforeWriting) {
        UnitOfWork<?> batch = CurrentBatch.get("the agency summaries' cell changes");
        return batch.getOrComputeResource(CellChanges.class.getName(), key -> {
            CellChanges changes = new CellChanges();
            batch.onPrepareCommit(unitOfWork -> {
                beforeWriting.run();
                changes.write(jdbc);
            });
            return changes;
        });
    }

    /**
     * Adds a disclosure's difference to a cell; {@code entering}: the disclosure did not count in the cell before, so
     * the cell may not exist yet.
     */
    void add(Cell cell, Contribution difference, boolean entering) {
        Change change = changes.computeIfAbsent(cell, c -> new Change());
        change.difference = change.difference.plus(difference);
        change.entering |= entering;
    }

    /** Adds to (or, negative, takes from) a cell's distinct subjects. */
    void addSubjects(Cell cell, long subjects) {
        changes.computeIfAbsent(cell, c -> new Change()).subjects += subjects;
    }

    /** Drops the cell once this batch's changes are written, if no disclosure counts in it any more. */
    void dropIfEmpty(Cell cell) {
        changes.computeIfAbsent(cell, c -> new Change()).dropIfEmpty = true;
    }

    /**
     * Registers a group whose membership rows the batch writes: its key is a hash of its fields
     * ({@code summary_group_id}), which {@code summary_group} maps back to them.
     */
    void registerGroup(Group group) {
        groups.add(group);
    }

    /**
     * Adds a disclosure's (or one of its chunks') people to a group under its categories, registering the group: they
     * are listed under the disclosure, and those who did not count in a category's cell yet count in it, when the
     * batch commits.
     */
    void join(Group group, String disclosureId, List<String> categories, List<PersonRef> people) {
        registerGroup(group);
        joins.add(group, disclosureId, categories, people);
    }

    /**
     * Before a correction moves a disclosure's people between cells: writes the people the batch has added to groups
     * so far, if some of them are this disclosure's, whose subject and membership rows the correction reads and
     * changes. This breaks the batch's order, so that the batch may then deadlock with another.
     */
    void writeJoinsBeforeMoving(JdbcTemplate jdbc, String disclosureId) {
        if (joins.hasPending(disclosureId)) {
            writeGroups(jdbc);
            joins.write(jdbc, this::addSubjects);
        }
    }

    /**
     * Writes the groups, then the people the batch added to them, then the cells, each sorted by their fields. A
     * group's key already held by another group (a 64-bit hash collision, which would mix two groups' counts) fails the
     * batch. A cell some disclosure entered is upserted, unless the net difference would not make a valid cell by
     * itself (a count below 0, or more flagged disclosures than disclosures): then it includes a change by a
     * disclosure that counted in the cell before the batch, so the cell exists, and it is updated like every other
     * cell. An update that finds no cell means the tables were changed outside the projection, and fails the batch.
     */
    private void write(JdbcTemplate jdbc) {
        writeGroups(jdbc);
        joins.write(jdbc, this::addSubjects);
        writeCells(jdbc);
    }

    private void writeGroups(JdbcTemplate jdbc) {
        for (Group group : groups) {
            Object[] twice = {
                group.agency(), group.state(), group.purpose(), group.month(),
                group.agency(), group.state(), group.purpose(), group.month()
            };
            jdbc.update(ADD_GROUP, twice);
            Long others = jdbc.queryForObject(GROUP_HELD_BY_OTHERS, Long.class, twice);
            if (others != null && others > 0) {
                throw new IllegalStateException("the agency summaries' group key of " + group
                        + " is already held by another group; the summaries cannot count this group exactly");
            }
        }
        groups.clear();
    }

    private void writeCells(JdbcTemplate jdbc) {
        for (Map.Entry<Cell, Change> entry : changes.entrySet()) {
            Cell cell = entry.getKey();
            Change change = entry.getValue();
            Contribution d = change.difference;
            if (!d.isZero() || change.subjects != 0) {
                Object[] row = {
                    cell.agency(),
                    cell.state(),
                    cell.purpose(),
                    cell.category(),
                    cell.month(),
                    d.disclosures(),
                    change.subjects,
                    d.records(),
                    d.openRequests(),
                    d.certified(),
                    d.notices(),
                    d.concerns(),
                    d.violations()
                };
                if (change.entering && d.makesAValidCell() && change.subjects >= 0) {
                    jdbc.update(ADD_TO_CELL, row);
                } else if (jdbc.update(CHANGE_CELL, row) == 0) {
                    throw new IllegalStateException("the agency summaries have no cell " + cell
                            + " although a disclosure counts in it; their tables were changed outside the projection,"
                            + " see AgencySummaryRebuild");
                }
            }
            if (change.dropIfEmpty) {
                jdbc.update(DROP_IF_EMPTY, cell.agency(), cell.state(), cell.purpose(), cell.category(), cell.month());
            }
        }
    }

    /** One cell's change in the batch so far. */
    private static final class Change {
        private Contribution difference = Contribution.NONE;
        private long subjects;
        private boolean entering;
        private boolean dropIfEmpty;
    }

    /** What a disclosure's cells share: its recipient, state, purpose and month. */
    record Group(String agency, String state, String purpose, LocalDate month) implements Comparable<Group> {

        private static final Comparator<Group> KEY_ORDER = Comparator.comparing(Group::agency)
                .thenComparing(Group::state)
                .thenComparing(Group::purpose)
                .thenComparing(Group::month);

        @Override
        public int compareTo(Group other) {
            return KEY_ORDER.compare(this, other);
        }
    }

    /** One summary cell's key. */
    record Cell(String agency, String state, String purpose, String category, LocalDate month)
            implements Comparable<Cell> {

        private static final Comparator<Cell> KEY_ORDER = Comparator.comparing(Cell::agency)
                .thenComparing(Cell::state)
                .thenComparing(Cell::purpose)
                .thenComparing(Cell::category)
                .thenComparing(Cell::month);

        @Override
        public int compareTo(Cell other) {
            return KEY_ORDER.compare(this, other);
        }
    }

    /**
     * What one disclosure adds to each of its cells (or, negated, takes away); a flagged disclosure adds one to the
     * flagged count of its most severe finding's severity.
     */
    record Contribution(
            long disclosures,
            long records,
            long openRequests,
            long certified,
            long notices,
            long concerns,
            long violations) {

        static final Contribution NONE = new Contribution(0, 0, 0, 0, 0, 0, 0);

        Contribution plus(Contribution other) {
            return new Contribution(
                    disclosures + other.disclosures,
                    records + other.records,
                    openRequests + other.openRequests,
                    certified + other.certified,
                    notices + other.notices,
                    concerns + other.concerns,
                    violations + other.violations);
        }

        Contribution negated() {
            return new Contribution(
                    -disclosures, -records, -openRequests, -certified, -notices, -concerns, -violations);
        }

        boolean isZero() {
            return counts().stream().allMatch(value -> value == 0);
        }

        /** Whether these counts pass the cells' checks as a row by themselves: none negative, flags within disclosures. */
        boolean makesAValidCell() {
            return counts().stream().allMatch(value -> value >= 0) && notices + concerns + violations <= disclosures;
        }

        private List<Long> counts() {
            return List.of(disclosures, records, openRequests, certified, notices, concerns, violations);
        }
    }
}
