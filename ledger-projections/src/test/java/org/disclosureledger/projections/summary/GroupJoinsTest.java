package org.disclosureledger.projections.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosureledger.projections.summary.SummaryExamples.ICE;
import static org.disclosureledger.projections.summary.SummaryExamples.people;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.disclosureledger.core.subject.PersonRef;
import org.disclosureledger.projections.summary.CellChanges.Cell;
import org.disclosureledger.projections.summary.CellChanges.Group;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * {@link GroupJoins} writes a group's people in slices of their references, so that two batches take the membership
 * rows' locks in one order: every statement takes only people after all those taken before it, or (a person listed
 * under a second category set) people taken before it. It counts each person once per list, lists them under their
 * disclosures, and counts each list's people in the cells they enter.
 */
class GroupJoinsTest {

    private static final Group GROUP = new Group(ICE, "CA", "LAW", LocalDate.parse("2025-06-01"));

    static SummaryFixture summaries;

    @BeforeAll
    static void database() {
        summaries = SummaryFixture.onFreshDatabase();
    }

    @AfterAll
    static void closeDatabase() {
        summaries.close();
    }

    @BeforeEach
    void emptyTables() {
        summaries.reset();
    }

    @Test
    void givenOneListLongerThanAStatement_whenWritten_thenItsSlicesAscendAndEveryoneEntersOnce() {
        List<PersonRef> population = people("one-list", 25_000);
        GroupJoins joins = new GroupJoins();
        joins.add(GROUP, "monday", List.of("NAME", "SSN"), population);

        Statements statements = new Statements();
        Map<Cell, Long> entered = write(joins, statements);

        assertThat(statements.people).hasSizeGreaterThanOrEqualTo(3);
        statements.assertEachTakesOnlyLaterPeopleOrPeopleAlreadyTaken();
        assertThat(entered).isEqualTo(Map.of(cell("NAME"), 25_000L, cell("SSN"), 25_000L));
        assertThat(memberships()).isEqualTo(25_000);
        assertThat(subjectRows("monday")).isEqualTo(25_000);
    }

    @Test
    void givenListsUnderOneCategorySet_whenWritten_thenAPersonCountsOncePerList() {
        List<PersonRef> population = people("one-set", 15_000);
        List<PersonRef> withADuplicate = new ArrayList<>(population.subList(0, 10_000));
        withADuplicate.add(population.get(0));
        GroupJoins joins = new GroupJoins();
        joins.add(GROUP, "monday", List.of("NAME"), withADuplicate);
        joins.add(GROUP, "tuesday", List.of("NAME"), population.subList(5_000, 15_000));

        Statements statements = new Statements();
        Map<Cell, Long> entered = write(joins, statements);

        statements.assertEachTakesOnlyLaterPeopleOrPeopleAlreadyTaken();
        assertThat(statements.people).hasSizeGreaterThanOrEqualTo(2);
        assertThat(entered).isEqualTo(Map.of(cell("NAME"), 15_000L));
        assertThat(memberships()).isEqualTo(15_000);
        assertThat(countsOf(population.get(0))).startsWith(1, 0, 0);
        assertThat(countsOf(population.get(5_000))).startsWith(2, 0, 0);
        assertThat(countsOf(population.get(14_999))).startsWith(1, 0, 0);
        // A row per person per list, as the summaries' totals count them: the duplicate is listed once.
        assertThat(subjectRows("monday")).isEqualTo(10_000);
        assertThat(subjectRows("tuesday")).isEqualTo(10_000);
    }

    @Test
    void givenListsUnderTwoCategorySets_whenWritten_thenLaterRoundsTakeOnlyPeopleAlreadyTaken() {
        List<PersonRef> population = people("two-sets", 20_000);
        List<PersonRef> withADuplicate = new ArrayList<>(population.subList(10_000, 12_000));
        withADuplicate.add(population.get(10_000));
        GroupJoins joins = new GroupJoins();
        joins.add(GROUP, "monday", List.of("NAME"), population.subList(0, 12_000));
        joins.add(GROUP, "tuesday", List.of("NAME", "SSN"), population.subList(8_000, 20_000));
        joins.add(GROUP, "monday", List.of("NAME"), withADuplicate);

        Statements statements = new Statements();
        Map<Cell, Long> entered = write(joins, statements);

        statements.assertEachTakesOnlyLaterPeopleOrPeopleAlreadyTaken();
        assertThat(statements.laterRounds).isPositive();
        assertThat(entered).isEqualTo(Map.of(cell("NAME"), 20_000L, cell("SSN"), 12_000L));
        assertThat(memberships()).isEqualTo(20_000);
        // Monday lists them in two chunks (the second naming one of them twice), Tuesday once.
        assertThat(countsOf(population.get(10_000))).startsWith(3, 0, 1);
        assertThat(countsOf(population.get(11_999))).startsWith(3, 0, 1);
        assertThat(countsOf(population.get(0))).startsWith(1, 0, 0);
        assertThat(countsOf(population.get(19_999))).startsWith(1, 0, 1);
        assertThat(subjectRows("monday")).isEqualTo(14_000);
        assertThat(subjectRows("tuesday")).isEqualTo(12_000);
    }

    @Test
    void givenTheBatchsPendingPeople_whenAskedPerDisclosure_thenOnlyThoseAddedArePending() {
        GroupJoins joins = new GroupJoins();
        joins.add(GROUP, "monday", List.of("NAME"), people("pending", 2));
        joins.add(new Group(ICE, "CA", "LAW", LocalDate.parse("2025-07-01")), "july", List.of("NAME"), people("j", 1));
        joins.add(GROUP, "tuesday", List.of("NAME"), List.of());

        assertThat(joins.hasPending("monday")).isTrue();
        assertThat(joins.hasPending("july")).isTrue();
        assertThat(joins.hasPending("tuesday")).isFalse();

        write(joins, new Statements());

        assertThat(joins.isEmpty()).isTrue();
        assertThat(joins.hasPending("monday")).isFalse();
        assertThat(subjectRows("monday")).isEqualTo(2);
        assertThat(subjectRows("july")).isEqualTo(1);
    }

    private static Map<Cell, Long> write(GroupJoins joins, Statements statements) {
        Map<Cell, Long> entered = new HashMap<>();
        summaries
                .transactions()
                .executeWithoutResult(status -> joins.write(
                        new RecordingJdbc(statements), (cell, people) -> entered.merge(cell, people, Long::sum)));
        return entered;
    }

    private static Cell cell(String category) {
        return new Cell(GROUP.agency(), GROUP.state(), GROUP.purpose(), category, GROUP.month());
    }

    private static long memberships() {
        return summaries.jdbc.queryForObject("SELECT count(*) FROM summary_group_subject", Long.class);
    }

    private static long subjectRows(String disclosureId) {
        return summaries.jdbc.queryForObject(
                "SELECT count(*) FROM summary_subject WHERE disclosure_id = ?", Long.class, disclosureId);
    }

    /** A person's membership counts, by category position: NAME is 1, ADDRESS 2, SSN 3. */
    private static Integer[] countsOf(PersonRef person) {
        return summaries.jdbc.queryForObject(
                "SELECT counts FROM summary_group_subject WHERE person_ref = decode(?, 'hex')",
                (row, n) -> (Integer[]) row.getArray(1).getArray(),
                person.value());
    }

    /** The people of each statement, in the order the statements ran. */
    private static final class Statements {
        private final List<String[]> people = new ArrayList<>();
        private int laterRounds;

        void assertEachTakesOnlyLaterPeopleOrPeopleAlreadyTaken() {
            Set<String> taken = new HashSet<>();
            String highest = "";
            for (String[] statement : people) {
                assertThat(statement).isNotEmpty();
                if (taken.containsAll(Arrays.asList(statement))) {
                    laterRounds++;
                    continue;
                }
                String lowest = Arrays.stream(statement).min(String::compareTo).orElseThrow();
                assertThat(lowest).as("a statement's lowest reference").isGreaterThan(highest);
                highest = Arrays.stream(statement).max(String::compareTo).orElseThrow();
                taken.addAll(Arrays.asList(statement));
            }
        }
    }

    /** Runs every query, noting the references (the argument of 64-hex-digit strings) of each. */
    private static final class RecordingJdbc extends JdbcTemplate {
        private final Statements statements;

        RecordingJdbc(Statements statements) {
            super(summaries.jdbc.getDataSource());
            this.statements = statements;
        }

        @Override
        public void query(String sql, RowCallbackHandler handler, Object... arguments) throws DataAccessException {
            Arrays.stream(arguments)
                    .filter(argument ->
                            argument instanceof String[] strings && strings.length > 0 && strings[0].length() == 64)
                    .findFirst()
                    .ifPresent(people -> statements.people.add((String[]) people));
            super.query(sql, handler, arguments);
        }
    }
}
