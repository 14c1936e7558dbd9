package org.disclosureledger.projections.summary;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.disclosureledger.core.disclosure.BulkDisclosureOpened;
import org.disclosureledger.core.disclosure.BulkSubjectsAttached;
import org.disclosureledger.core.disclosure.DestructionCertified;
import org.disclosureledger.core.disclosure.DestructionRequested;
import org.disclosureledger.core.disclosure.DisclosureCorrected;
import org.disclosureledger.core.disclosure.DisclosureDetails;
import org.disclosureledger.core.disclosure.DisclosureFlagged;
import org.disclosureledger.core.disclosure.DisclosureId;
import org.disclosureledger.core.disclosure.DisclosureRecorded;
import org.disclosureledger.core.rulebook.Finding;
import org.disclosureledger.core.rulebook.Severity;
import org.disclosureledger.core.subject.PersonRef;
import org.disclosureledger.projections.batch.HeldEvents;
import org.disclosureledger.projections.summary.CellChanges.Cell;
import org.disclosureledger.projections.summary.CellChanges.Contribution;
import org.disclosureledger.projections.summary.CellChanges.Group;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * Builds the agency-summary tables from the ledger's events, so that auditors can see what each recipient agency
 * received, from which state, for which purpose, of which data and when.
 *
 * <p>Every handler may see its event again (a redelivery, or a replay over existing rows) and then changes nothing: a
 * disclosure's first event inserts its row only if absent, and every later one first moves the row's
 * {@code applied_sequence} forward, doing nothing if the row already reflects that event. Axon keeps one disclosure's
 * events in order within one segment, so the disclosure's own rows are never written concurrently; the cells and cell
 * memberships that disclosures share are changed only by atomic upserts and relative updates, so segments running in
 * parallel add up instead of overwriting each other. The shared rows are written last: each batch gathers the people it
 * adds to groups and its net change per cell, and writes them just before it commits ({@link CellChanges}), in one
 * order every batch follows, so that batches contend for them only for the moment of their commit and never deadlock
 * on them (a correction moves its own people as it is handled). A batch's single disclosures are held as well
 * ({@link HeldEvents}), and their rows inserted together, just before the shared rows or before the batch's next event
 * of another kind, which may follow one of them. Handlers run inside an Axon unit of work and its transaction, as
 * Axon's event processors run them.
 */
@ProcessingGroup(AgencySummaryProjection.PROCESSING_GROUP)
public class AgencySummaryProjection {

    /** The processing group, and the name of the event processor that runs it. */
    public static final String PROCESSING_GROUP = "agency-summaries";

    /** The read-model tables, all emptied by a rebuild. */
    static final List<String> TABLES =
            List.of("summary_disclosure", "summary_subject", "summary_cell", "summary_group", "summary_group_subject");

    private static final String STANDING_COLUMNS = "recipient_agency_id, recipient_name, custodian_state,"
            + " purpose_code, data_categories, month, occurred_at, record_count, open_request_ids,"
            + " certified_destructions, flag_severity";

    /**
     * A correction's move into a group, written as the correction is handled. Counts the people of the first CTE
     * ({@code source}: {@code person_ref}, and {@code listings}, how many times this disclosure lists them) in a
     * group's cells for the given categories: each person's membership row in the group gets their listings added for
     * each category (a new row if they had none), and the statement returns, per category, the people whose count for
     * it now equals what was added, which are exactly those this disclosure brought into the category's cell. The
     * placeholder is that amount, the same for all of {@code source}.
     */
    private static final String JOIN_GROUP = """
            step AS MATERIALIZED (SELECT summary_counts_of(?::text[], 1) AS counts),
            """ + GroupJoins.ADD_TO_GROUP + """
            SELECT k.data_category, e.people
            FROM (SELECT c.position, count(*) AS people
                FROM joined j CROSS JOIN summary_category c
                WHERE c.data_category = ANY(?::text[]) AND j.counts[c.position] = %d
                GROUP BY c.position) e
            JOIN summary_category k ON k.position = e.position""";

    /**
     * The disclosure's people listed exactly {@code %1$d} times (to be formatted in, with {@link #JOIN_GROUP} or
     * {@link #LEAVE_GROUP} after it): one statement per number of listings, almost always just 1, so that every person
     * of a statement has the same amount added or taken away.
     */
    private static final String JOIN_EXISTING_SUBJECTS = """
            WITH source AS (
                SELECT person_ref, %1$d AS listings FROM summary_subject WHERE disclosure_id = ?
                GROUP BY person_ref HAVING count(*) = %1$d),
            """;

    /**
     * Takes the people of {@link #JOIN_EXISTING_SUBJECTS}' {@code source} out of a group's cells for the given
     * categories: their listings ({@code %1$d}, to be formatted in) subtracted from their membership rows; returns, per
     * category, the people whose count for it is now 0, who leave the category's cell.
     *
     * <p>An upsert, as joins are, not an update joining the disclosure's people to the group's members: an upsert looks
     * each person up by key, whatever PostgreSQL's statistics say. Right after a large upload, before autovacuum has
     * analysed the tables, the statistics say that the disclosure lists no one and that its group has no members, and
     * the join became a loop over the disclosure's people once per member of the group (a correction of 60,000 people
     * ran for minutes; {@code AgencySummaryStatisticsTest}). The upsert also takes the rows' locks in the people's
     * order, as joins do. Every person leaving has a membership row, so the row it proposes ({@code '{}'}) is never
     * inserted; were one missing, that empty row would count nowhere, and the drop that follows removes it.
     */
    private static final String LEAVE_GROUP = """
            step AS MATERIALIZED (SELECT summary_counts_of(?::text[], -%1$d) AS counts),
            left_group AS (
                INSERT INTO summary_group_subject (group_id, person_ref, counts)
                SELECT (SELECT summary_group_id(?, ?, ?, ?)), s.person_ref, '{}' FROM source s
                ORDER BY s.person_ref
                ON CONFLICT (group_id, person_ref)
                DO UPDATE SET counts = summary_add_counts(summary_group_subject.counts, (SELECT counts FROM step))
                RETURNING counts)
            SELECT k.data_category, e.people
            FROM (SELECT c.position, count(*) AS people
                FROM left_group j CROSS JOIN summary_category c
                WHERE c.data_category = ANY(?::text[]) AND j.counts[c.position] = 0
                GROUP BY c.position) e
            JOIN summary_category k ON k.position = e.position""";

    /**
     * Drops the membership rows of the disclosure's subjects in a group that no longer count anywhere in it: the
     * people gathered into an array (about 40 bytes each) and looked up in the membership key, so that no statistics
     * can turn the statement into a loop over them per member of the group (see {@link #LEAVE_GROUP}).
     */
    private static final String DROP_EMPTY_MEMBERSHIPS = """
            DELETE FROM summary_group_subject m
            WHERE m.group_id = summary_group_id(?, ?, ?, ?)
                AND m.person_ref = ANY(ARRAY(SELECT DISTINCT person_ref FROM summary_subject WHERE disclosure_id = ?))
                AND 0 = ALL (m.counts)""";

    /**
     * Drops every membership row of a group that no longer counts anywhere in it, for a disclosure with more people
     * than {@link #MOST_PEOPLE_DROPPED_BY_KEY}: it reads the whole group, which holds at least that many, where an
     * array of them would take tens of megabytes, and of tens of millions pass PostgreSQL's 1 GB limit on a value.
     */
    private static final String DROP_EMPTY_MEMBERSHIPS_OF_GROUP = """
            DELETE FROM summary_group_subject m
            WHERE m.group_id = summary_group_id(?, ?, ?, ?) AND 0 = ALL (m.counts)""";

    /**
     * The parameters of a row of {@link #insertDisclosures}: the disclosure's id, its {@link #STANDING_COLUMNS} (no
     * requests, certifications or flag yet), and the event's sequence number.
     */
    private static final String DISCLOSURE_ROW = "(?, ?, ?, ?, ?, ?::text[], ?, ?, ?, '{}', 0, NULL, ?)";

    /** The most disclosure rows inserted by one statement: 1,000 parameters, well within the driver's 65,535. */
    static final int MOST_ROWS_PER_INSERT = 100;

    /** The most people of a disclosure whose empty memberships are dropped by key (an array of about 4 MB). */
    static final int MOST_PEOPLE_DROPPED_BY_KEY = 100_000;

    private final JdbcTemplate jdbc;
    private final int mostPeopleDroppedByKey;
    private final HeldEvents<NewDisclosure> recordings = new HeldEvents<>(
            AgencySummaryProjection.class.getName() + ".recordings", MOST_ROWS_PER_INSERT, this::writeRecorded);

    /**
     * A projection writing through the given template; its data source is the ledger's PostgreSQL database with the
     * {@code V4__agency_summaries} tables.
     */
    public AgencySummaryProjection(JdbcTemplate jdbc) {
        this(jdbc, MOST_PEOPLE_DROPPED_BY_KEY);
    }

    /** For tests of both ways of dropping empty memberships. */
    AgencySummaryProjection(JdbcTemplate jdbc, int mostPeopleDroppedByKey) {
        this.jdbc = jdbc;
        this.mostPeopleDroppedByKey = mostPeopleDroppedByKey;
    }

    /**
     * A disclosure recorded whole: its contribution to its cells, subjects included. Held until the batch writes its
     * cells or handles an event of another kind, and written with the batch's other single disclosures: one statement
     * for the rows of up to {@value #MOST_ROWS_PER_INSERT}, where each took one of its own ({@code docs/decisions.md},
     * "A batch's single disclosures are written together").
     */
    @EventHandler
    public void on(DisclosureRecorded event, @SequenceNumber long sequence) {
        // The batch's cell changes, which write the held disclosures before themselves, are arranged first.
        CellChanges.ofCurrentBatch(jdbc, recordings::writeHeld);
        recordings.hold(new NewDisclosure(
                event.disclosureId(),
                Standing.of(event.details()),
                event.details().occurredAt(),
                event.subjects(),
                sequence));
    }

    /** A bulk disclosure opened: it counts in its cells from now on; its subjects follow in chunks. */
    @EventHandler
    public void on(BulkDisclosureOpened event, @SequenceNumber long sequence) {
        CellChanges cells = cellsAfterHeldRecordings();
        Standing standing = Standing.of(event.details());
        NewDisclosure opened = new NewDisclosure(
                event.disclosureId(), standing, event.details().occurredAt(), List.of(), sequence);
        if (!insertDisclosures(List.of(opened)).isEmpty()) {
            applyToCells(cells, Map.of(), standing.contributions());
        }
    }

    /**
     * A chunk of a bulk disclosure's subjects: listed under the disclosure at once, added to its group and counted in
     * its cells when the batch commits.
     */
    @EventHandler
    public void on(BulkSubjectsAttached event, @SequenceNumber long sequence) {
        CellChanges cells = cellsAfterHeldRecordings();
        Standing standing = advance(event.disclosureId(), sequence);
        if (standing != null) {
            attachSubjects(cells, event.disclosureId(), standing, event.subjects());
        }
    }

    /**
     * A correction: the disclosure's old contribution leaves the cells it no longer belongs to and its new one enters
     * the cells it now belongs to; cells it stays in take the difference.
     */
    @EventHandler
    public void on(DisclosureCorrected event, @SequenceNumber long sequence) {
        CellChanges cells = cellsAfterHeldRecordings();
        Standing before = advance(event.disclosureId(), sequence);
        if (before == null) {
            return;
        }
        // The flag judged the old details; the corrected details' own judgement, if any, is the next event.
        Standing after = Standing.of(event.corrected()).withFollowOns(before);
        jdbc.update(
                "UPDATE summary_disclosure SET recipient_agency_id = ?, recipient_name = ?, custodian_state = ?,"
                        + " purpose_code = ?, data_categories = ?::text[], month = ?, occurred_at = ?,"
                        + " record_count = ?, flag_severity = NULL WHERE disclosure_id = ?",
                after.agency(),
                after.recipientName(),
                after.state(),
                after.purpose(),
                textArray(after.categories()),
                after.month(),
                utc(event.corrected().occurredAt()),
                after.records(),
                event.disclosureId().value());
        Map<Cell, Contribution> left = before.contributions();
        Map<Cell, Contribution> entered = after.contributions();
        applyToCells(cells, left, entered);
        moveSubjects(cells, event.disclosureId(), before, after);
        left.keySet().stream().filter(cell -> !entered.containsKey(cell)).forEach(cells::dropIfEmpty);
    }

    /**
     * The rulebook's judgement of the disclosure's current details: the disclosure counts as flagged in its cells, once
     * however many findings, under its most severe finding.
     */
    @EventHandler
    public void on(DisclosureFlagged event, @SequenceNumber long sequence) {
        CellChanges cells = cellsAfterHeldRecordings();
        Standing before = advance(event.disclosureId(), sequence);
        if (before == null || event.findings().isEmpty()) {
            return;
        }
        Severity worst = event.findings().stream()
                .map(Finding::severity)
                .max(Comparator.naturalOrder())
                .orElseThrow();
        if (worst == before.severity()) {
            return;
        }
        Standing after = before.withSeverity(worst);
        jdbc.update(
                "UPDATE summary_disclosure SET flag_severity = ? WHERE disclosure_id = ?",
                worst.name(),
                event.disclosureId().value());
        applyToCells(cells, before.contributions(), after.contributions());
    }

    /** A destruction request: open in the disclosure's cells until a certification answers it. */
    @EventHandler
    public void on(DestructionRequested event, @SequenceNumber long sequence) {
        CellChanges cells = cellsAfterHeldRecordings();
        Standing before = advance(event.disclosureId(), sequence);
        if (before == null || before.openRequests().contains(event.requestId().value())) {
            return;
        }
        TreeSet<String> open = new TreeSet<>(before.openRequests());
        open.add(event.requestId().value());
        changeFollowOns(
                cells, event.disclosureId(), before, before.withFollowOns(List.copyOf(open), before.certified()));
    }

    /** A certified destruction; it closes the request it answers, if any. */
    @EventHandler
    public void on(DestructionCertified event, @SequenceNumber long sequence) {
        CellChanges cells = cellsAfterHeldRecordings();
        Standing before = advance(event.disclosureId(), sequence);
        if (before == null) {
            return;
        }
        List<String> open = event.requestId() == null
                ? before.openRequests()
                : before.openRequests().stream()
                        .filter(id -> !id.equals(event.requestId().value()))
                        .toList();
        changeFollowOns(cells, event.disclosureId(), before, before.withFollowOns(open, before.certified() + 1));
    }

    /** Before a rebuild replays the event store: empties every agency-summary table. */
    @ResetHandler
    public void onReset() {
        jdbc.execute("TRUNCATE " + String.join(", ", TABLES));
    }

    /**
     * The batch's changes to the rows disclosures share, after writing the single disclosures it holds so far: the
     * event about to be handled may follow one of them.
     */
    private CellChanges cellsAfterHeldRecordings() {
        recordings.writeHeld();
        return CellChanges.ofCurrentBatch(jdbc, recordings::writeHeld);
    }

    /**
     * Writes single disclosures the batch held: their rows, and the contributions and subjects of those whose rows were
     * not there yet (a redelivered event finds its row and counts nothing again).
     */
    private void writeRecorded(List<NewDisclosure> recorded) {
        CellChanges cells = CellChanges.ofCurrentBatch(jdbc, recordings::writeHeld);
        Set<String> inserted = insertDisclosures(recorded);
        for (NewDisclosure disclosure : recorded) {
            // Removed once found: a disclosure held twice (delivered twice in one batch) counts once.
            if (inserted.remove(disclosure.id().value())) {
                applyToCells(cells, Map.of(), disclosure.standing().contributions());
                attachSubjects(cells, disclosure.id(), disclosure.standing(), disclosure.subjects());
            }
        }
    }

    /** Inserts the disclosures' rows in one statement, skipping those already there; returns the ids inserted. */
    private Set<String> insertDisclosures(List<NewDisclosure> disclosures) {
        String sql =
                "INSERT INTO summary_disclosure (disclosure_id, " + STANDING_COLUMNS + ", applied_sequence) VALUES "
                        + String.join(", ", Collections.nCopies(disclosures.size(), DISCLOSURE_ROW))
                        + " ON CONFLICT (disclosure_id) DO NOTHING RETURNING disclosure_id";
        Set<String> inserted = new HashSet<>();
        jdbc.query(
                sql,
                statement -> {
                    int i = 1;
                    for (NewDisclosure disclosure : disclosures) {
                        Standing standing = disclosure.standing();
                        statement.setString(i++, disclosure.id().value());
                        statement.setString(i++, standing.agency());
                        statement.setString(i++, standing.recipientName());
                        statement.setString(i++, standing.state());
                        statement.setString(i++, standing.purpose());
                        statement.setObject(i++, textArray(standing.categories()));
                        statement.setObject(i++, standing.month());
                        statement.setObject(i++, utc(disclosure.occurredAt()));
                        statement.setLong(i++, standing.records());
                        statement.setLong(i++, disclosure.sequence());
                    }
                },
                (RowCallbackHandler) row -> inserted.add(row.getString(1)));
        return inserted;
    }

    /**
     * Marks the event as applied to the disclosure's row and returns the row as it stood; null if the row already
     * reflects this event or a later one.
     */
    private Standing advance(DisclosureId id, long sequence) {
        List<Standing> rows = jdbc.query(
                "UPDATE summary_disclosure SET applied_sequence = ? WHERE disclosure_id = ? AND applied_sequence < ?"
                        + " RETURNING " + STANDING_COLUMNS,
                (resultSet, row) -> Standing.read(resultSet),
                sequence,
                id.value(),
                sequence);
        if (!rows.isEmpty()) {
            return rows.get(0);
        }
        if (jdbc.queryForList("SELECT 1 FROM summary_disclosure WHERE disclosure_id = ?", Integer.class, id.value())
                .isEmpty()) {
            // Only if the tables were emptied without rewinding the processor; failing (and so retrying, not
            // skipping) keeps the summaries from silently missing a disclosure's follow-ons.
            throw new IllegalStateException("the agency summaries have no row for disclosure " + id + ", although an"
                    + " event follows its first one; their tables were emptied without a rebuild, see"
                    + " AgencySummaryRebuild");
        }
        return null;
    }

    private void changeFollowOns(CellChanges cells, DisclosureId id, Standing before, Standing after) {
        jdbc.update(
                "UPDATE summary_disclosure SET open_request_ids = ?::text[], certified_destructions = ?"
                        + " WHERE disclosure_id = ?",
                textArray(after.openRequests()),
                after.certified(),
                id.value());
        applyToCells(cells, before.contributions(), after.contributions());
    }

    /**
     * Takes the old contributions out of their cells and puts the new ones in: the net difference per cell, written
     * with the batch's other cell changes when it commits ({@link CellChanges}). A cell the disclosure was already in
     * exists; a cell it enters may not.
     */
    private static void applyToCells(CellChanges cells, Map<Cell, Contribution> before, Map<Cell, Contribution> after) {
        TreeMap<Cell, Contribution> differences = new TreeMap<>();
        before.forEach((cell, contribution) -> differences.merge(cell, contribution.negated(), Contribution::plus));
        after.forEach((cell, contribution) -> differences.merge(cell, contribution, Contribution::plus));
        differences.values().removeIf(Contribution::isZero);
        differences.forEach((cell, difference) -> cells.add(cell, difference, !before.containsKey(cell)));
    }

    /**
     * Lists the subjects under the disclosure ({@code summary_subject}: a row each, each listed once, as the aggregate
     * accepts no person twice in one event; a person in two chunks has two rows and two listings, V13) and adds them to
     * its group, both when the batch commits ({@link CellChanges#join}).
     */
    private static void attachSubjects(
            CellChanges cells, DisclosureId id, Standing standing, List<PersonRef> subjects) {
        if (!subjects.isEmpty()) {
            cells.join(standing.group(), id.value(), standing.categories(), subjects);
        }
    }

    /**
     * Runs a statement that returns, per data category of the standing's group, how many people entered or left the
     * category's cell, and adds them, times {@code sign}, to the cells' distinct subjects.
     */
    private void countInCells(CellChanges cells, Standing standing, int sign, String sql, Object[] arguments) {
        RowCallbackHandler countRow =
                row -> cells.addSubjects(standing.cell(row.getString("data_category")), sign * row.getLong("people"));
        jdbc.query(sql, countRow, arguments);
    }

    /**
     * Moves the disclosure's subjects out of the cells it left and into the cells it entered, as the event is handled.
     * People of this disclosure that the batch has added are written first, so that their rows are there to read and
     * move.
     */
    private void moveSubjects(CellChanges cells, DisclosureId id, Standing before, Standing after) {
        List<String> leftCategories = categoriesLeaving(before, after);
        List<String> enteredCategories = categoriesLeaving(after, before);
        if (leftCategories.isEmpty() && enteredCategories.isEmpty()) {
            return;
        }
        cells.writeJoinsBeforeMoving(jdbc, id.value());
        // How many people the disclosure lists once, twice...: almost always all of them once.
        Map<Integer, Long> peopleByListings = new TreeMap<>();
        jdbc.query(
                "SELECT listings, count(*) AS people FROM (SELECT count(*)::integer AS listings FROM summary_subject"
                        + " WHERE disclosure_id = ? GROUP BY person_ref) p GROUP BY listings",
                row -> {
                    peopleByListings.put(row.getInt("listings"), row.getLong("people"));
                },
                id.value());
        if (!leftCategories.isEmpty()) {
            Standing leaving = before.withCategories(leftCategories);
            for (int times : peopleByListings.keySet()) {
                String sql = JOIN_EXISTING_SUBJECTS.formatted(times) + LEAVE_GROUP.formatted(times);
                countInCells(cells, leaving, -1, sql, concat(new Object[] {id.value()}, groupArguments(leaving)));
            }
            long people = peopleByListings.values().stream()
                    .mapToLong(Long::longValue)
                    .sum();
            if (people <= mostPeopleDroppedByKey) {
                jdbc.update(
                        DROP_EMPTY_MEMBERSHIPS,
                        leaving.agency(),
                        leaving.state(),
                        leaving.purpose(),
                        leaving.month(),
                        id.value());
            } else {
                jdbc.update(
                        DROP_EMPTY_MEMBERSHIPS_OF_GROUP,
                        leaving.agency(),
                        leaving.state(),
                        leaving.purpose(),
                        leaving.month());
            }
        }
        if (!enteredCategories.isEmpty()) {
            Standing entering = after.withCategories(enteredCategories);
            cells.registerGroup(entering.group());
            for (int times : peopleByListings.keySet()) {
                String sql = JOIN_EXISTING_SUBJECTS.formatted(times) + JOIN_GROUP.formatted(times);
                countInCells(cells, entering, 1, sql, concat(new Object[] {id.value()}, groupArguments(entering)));
            }
        }
    }

    /** The categories whose cells {@code from} contributes to and {@code to} does not. */
    private static List<String> categoriesLeaving(Standing from, Standing to) {
        boolean sameCells = from.agency().equals(to.agency())
                && from.state().equals(to.state())
                && from.purpose().equals(to.purpose())
                && from.month().equals(to.month());
        if (!sameCells) {
            return from.categories();
        }
        return from.categories().stream()
                .filter(category -> !to.categories().contains(category))
                .toList();
    }

    private static Object[] groupArguments(Standing standing) {
        return new Object[] {
            textArray(standing.categories()),
            standing.agency(),
            standing.state(),
            standing.purpose(),
            standing.month(),
            textArray(standing.categories())
        };
    }

    private static Object[] concat(Object[] first, Object[] second) {
        Object[] all = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }

    /** A parameter for a {@code text[]} column (PostgreSQL's driver binds a {@code String[]} as one). */
    private static String[] textArray(Collection<String> values) {
        return values.toArray(String[]::new);
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** The first day of the UTC month an instant falls in. */
    static LocalDate monthOf(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC).toLocalDate().withDayOfMonth(1);
    }

    /** A disclosure's row: where it counts and what it counts for. */
    private record Standing(
            String agency,
            String recipientName,
            String state,
            String purpose,
            List<String> categories,
            LocalDate month,
            long records,
            List<String> openRequests,
            long certified,
            Severity severity) {

        static Standing of(DisclosureDetails details) {
            return new Standing(
                    details.recipient().agencyId().value(),
                    details.recipient().name(),
                    details.custodian().state().code(),
                    details.purpose().code().name(),
                    details.dataCategories().stream().map(Enum::name).sorted().toList(),
                    monthOf(details.occurredAt()),
                    details.recordCount(),
                    List.of(),
                    0,
                    null);
        }

        static Standing read(ResultSet row) throws SQLException {
            return new Standing(
                    row.getString("recipient_agency_id"),
                    row.getString("recipient_name"),
                    row.getString("custodian_state"),
                    row.getString("purpose_code"),
                    List.of((String[]) row.getArray("data_categories").getArray()),
                    row.getObject("month", LocalDate.class),
                    row.getLong("record_count"),
                    List.of((String[]) row.getArray("open_request_ids").getArray()),
                    row.getLong("certified_destructions"),
                    row.getString("flag_severity") == null ? null : Severity.valueOf(row.getString("flag_severity")));
        }

        Standing withFollowOns(Standing other) {
            return withFollowOns(other.openRequests, other.certified);
        }

        /** The same standing with another disclosure's follow-ons; its own flag, if any, stays. */
        Standing withFollowOns(List<String> open, long certifiedCount) {
            return new Standing(
                    agency, recipientName, state, purpose, categories, month, records, open, certifiedCount, severity);
        }

        Standing withCategories(List<String> only) {
            return new Standing(
                    agency, recipientName, state, purpose, only, month, records, openRequests, certified, severity);
        }

        Standing withSeverity(Severity worst) {
            return new Standing(
                    agency, recipientName, state, purpose, categories, month, records, openRequests, certified, worst);
        }

        Group group() {
            return new Group(agency, state, purpose, month);
        }

        Cell cell(String category) {
            return new Cell(agency, state, purpose, category, month);
        }

        Map<Cell, Contribution> contributions() {
            Contribution contribution = new Contribution(
                    1,
                    records,
                    openRequests.size(),
                    certified,
                    severity == Severity.NOTICE ? 1 : 0,
                    severity == Severity.CONCERN ? 1 : 0,
                    severity == Severity.VIOLATION ? 1 : 0);
            Map<Cell, Contribution> cells = new TreeMap<>();
            for (String category : categories) {
                cells.put(cell(category), contribution);
            }
            return cells;
        }
    }

    /** A disclosure's first event, as its row and its cells need it: a single disclosure's is held until written. */
    private record NewDisclosure(
            DisclosureId id, Standing standing, Instant occurredAt, List<PersonRef> subjects, long sequence) {}
}
