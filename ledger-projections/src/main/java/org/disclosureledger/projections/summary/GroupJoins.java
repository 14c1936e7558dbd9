package org.disclosureledger.projections.summary;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ObjLongConsumer;
import org.disclosureledger.core.subject.PersonRef;
import org.disclosureledger.projections.summary.CellChanges.Cell;
import org.disclosureledger.projections.summary.CellChanges.Group;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * The people one batch of events lists under its disclosures ({@code summary_subject}) and adds to groups' membership
 * rows ({@code summary_group_subject}), gathered while the batch's handlers run and written together: group by group,
 * each group's people in the order of their references, so that every batch takes the rows' locks in one order and two
 * batches adding the same people never deadlock.
 *
 * <p>A group's people are written in slices of about {@value #PEOPLE_PER_STATEMENT} listings, each the people whose
 * references begin within a range, the ranges in ascending order; a slice is one statement, which adds each person's
 * listings of the batch at once and takes their rows in order. A person listed in the batch under two different sets
 * of the group's categories (two disclosures to one agency in one month with different data) is written once per set:
 * the first time in the slice's first statement, the other times in statements that follow it and touch only rows the
 * batch already holds. When the batch lists all of a group's people under one set, the usual case, PostgreSQL counts
 * each person's lists; otherwise this class does, per slice. Each statement returns, per data category, the people
 * whose count for it rose from 0, the people the batch brought into the category's cell.
 *
 * <p>Two shapes in these statements, and in the projection's own joins and leaves, are there for PostgreSQL's sake. The
 * group's key is computed in a subquery, {@code (SELECT summary_group_id(?, ?, ?, ?))}, which runs once per statement:
 * called in the select list, the function ran once per row as soon as PostgreSQL kept the statement's plan for any
 * parameters (from its sixth run). And the people are counted per category's position before the categories are
 * named, so that tens of thousands of rows are grouped by a number rather than sorted by the category's name
 * ({@code docs/decisions.md}, "A group's key is computed once per statement").
 */
final class GroupJoins {

    /** About how many listings one statement writes; a bulk chunk's worth. */
    static final int PEOPLE_PER_STATEMENT = 10_000;

    /**
     * Adds listings to a group's membership rows and returns, per data category, how many people entered its cell.
     * Parameters: the group's category sets (each joined by commas); the people (hex), the 1-based set each is listed
     * under, and how many times; the group's fields; every category of the sets.
     */
    private static final String JOIN = """
            WITH sets AS MATERIALIZED (
                SELECT u.n::integer AS n, summary_counts_of(string_to_array(u.c, ','), 1) AS counts
                FROM unnest(?::text[]) WITH ORDINALITY AS u(c, n)),
            source AS MATERIALIZED (
                SELECT decode(s.p, 'hex') AS person_ref,
                    CASE WHEN s.l = 1 THEN t.counts ELSE summary_scale_counts(t.counts, s.l) END AS counts
                FROM unnest(?::text[], ?::integer[], ?::integer[]) AS s(p, n, l) JOIN sets t ON t.n = s.n),
            joined AS (
                INSERT INTO summary_group_subject (group_id, person_ref, counts)
                SELECT (SELECT summary_group_id(?, ?, ?, ?)), person_ref, counts FROM source
                ORDER BY person_ref
                ON CONFLICT (group_id, person_ref)
                DO UPDATE SET counts = summary_add_counts(summary_group_subject.counts, excluded.counts)
                RETURNING person_ref, counts)
            SELECT k.data_category, e.people
            FROM (SELECT c.position, count(*) AS people
                FROM joined j JOIN source s ON s.person_ref = j.person_ref CROSS JOIN summary_category c
                WHERE c.data_category = ANY(?::text[]) AND s.counts[c.position] > 0
                    AND j.counts[c.position] = s.counts[c.position]
                GROUP BY c.position) e
            JOIN summary_category k ON k.position = e.position""";

    /**
     * The CTE that adds people's listings to a group's membership rows, in the order of their references: each person
     * of the CTE {@code source} ({@code person_ref}, {@code listings}) gets {@code listings} times the counts of the
     * CTE {@code step} added (a new row if they had none); {@code joined} returns each row as it now stands. Its
     * parameters are the group's fields. Follows {@code source} and {@code step}; the statement goes on with a SELECT.
     */
    static final String ADD_TO_GROUP = """
            joined AS (
                INSERT INTO summary_group_subject (group_id, person_ref, counts)
                SELECT (SELECT summary_group_id(?, ?, ?, ?)), s.person_ref,
                    CASE WHEN s.listings = 1 THEN step.counts ELSE summary_scale_counts(step.counts, s.listings) END
                FROM source s CROSS JOIN step
                ORDER BY s.person_ref
                ON CONFLICT (group_id, person_ref)
                DO UPDATE SET counts = summary_add_counts(summary_group_subject.counts, excluded.counts)
                RETURNING person_ref, counts)
            """;

    /**
     * Lists a slice's people under their disclosures ({@code summary_subject}, a row per person per list), for a group
     * with several category sets, whose memberships {@link #JOIN} writes. Parameters: each list's disclosure, the
     * people (hex) and their lists (0-based).
     */
    private static final String LIST_SUBJECTS = """
            INSERT INTO summary_subject (disclosure_id, person_ref)
            SELECT (?::text[])[x.l + 1], decode(x.p, 'hex')
            FROM (SELECT DISTINCT s.l, s.p FROM unnest(?::text[], ?::integer[]) AS s(p, l)) x""";

    /**
     * For a group whose people the batch lists under one category set only, as in the chunks of one bulk disclosure:
     * lists the slice's people under their disclosures ({@code summary_subject}, a row per person per list) and adds
     * them to the group in the same statement, so that the people are sent once; a person's listings are the lists
     * that name them, and a person entered a category's cell when their count for it equals those listings.
     * Parameters: the set's categories, each list's disclosure, the people (hex) and their lists (0-based), the group's
     * fields, the set's categories again.
     */
    private static final String JOIN_ONE_SET = """
            WITH step AS MATERIALIZED (SELECT summary_counts_of(?::text[], 1) AS counts),
            listed AS MATERIALIZED (
                SELECT DISTINCT s.l, decode(s.p, 'hex') AS person_ref
                FROM unnest(?::text[], ?::integer[]) AS s(p, l)),
            subjects AS (
                INSERT INTO summary_subject (disclosure_id, person_ref)
                SELECT (?::text[])[l + 1], person_ref FROM listed),
            source AS MATERIALIZED (
                SELECT person_ref, count(*)::integer AS listings FROM listed GROUP BY person_ref),
            """ + ADD_TO_GROUP + """
            SELECT k.data_category, e.people
            FROM (SELECT c.position, count(*) AS people
                FROM joined j JOIN source s ON s.person_ref = j.person_ref CROSS JOIN summary_category c
                WHERE c.data_category = ANY(?::text[]) AND j.counts[c.position] = s.listings
                GROUP BY c.position) e
            JOIN summary_category k ON k.position = e.position""";

    private final TreeMap<Group, Joins> byGroup = new TreeMap<>();

    /**
     * Adds a disclosure's (or one of its chunks') people to a group under the disclosure's categories, and lists them
     * under the disclosure ({@code summary_subject}) when written. The list is kept, not copied, until the batch writes
     * it; a person it names twice is listed once.
     */
    void add(Group group, String disclosureId, List<String> categories, List<PersonRef> people) {
        if (!people.isEmpty()) {
            byGroup.computeIfAbsent(group, g -> new Joins()).add(disclosureId, categories, people);
        }
    }

    /** Whether the batch has people of this disclosure not yet written, to any group. */
    boolean hasPending(String disclosureId) {
        return byGroup.values().stream().anyMatch(joins -> joins.listDisclosures.contains(disclosureId));
    }

    boolean isEmpty() {
        return byGroup.isEmpty();
    }

    /**
     * Writes every group's new listings, groups and people in order, hands each cell's newly counted people to
     * {@code entered}, and forgets them.
     */
    void write(JdbcTemplate jdbc, ObjLongConsumer<Cell> entered) {
        for (Map.Entry<Group, Joins> group : byGroup.entrySet()) {
            group.getValue().write(jdbc, group.getKey(), entered);
        }
        byGroup.clear();
    }

    /** One group's listings in the batch: each added list of people with its category set and its disclosure. */
    private static final class Joins {

        private final List<String> sets = new ArrayList<>();
        private final List<List<String>> setCategories = new ArrayList<>();
        private final List<List<PersonRef>> lists = new ArrayList<>();
        private final List<Integer> listSets = new ArrayList<>();
        private final List<String> listDisclosures = new ArrayList<>();
        private int listings;

        void add(String disclosureId, List<String> categories, List<PersonRef> listed) {
            String set = String.join(",", categories);
            int index = sets.indexOf(set);
            if (index < 0) {
                index = sets.size();
                sets.add(set);
                setCategories.add(categories);
            }
            lists.add(listed);
            listSets.add(index);
            listDisclosures.add(disclosureId);
            listings += listed.size();
        }

        void write(JdbcTemplate jdbc, Group group, ObjLongConsumer<Cell> entered) {
            Slices slices = Slices.of(lists, (listings + PEOPLE_PER_STATEMENT - 1) / PEOPLE_PER_STATEMENT);
            String[] allCategories =
                    setCategories.stream().flatMap(List::stream).distinct().toArray(String[]::new);
            RowCallbackHandler countRow = row -> entered.accept(
                    new Cell(
                            group.agency(),
                            group.state(),
                            group.purpose(),
                            row.getString("data_category"),
                            group.month()),
                    row.getLong("people"));
            for (int slice = 0; slice < slices.count(); slice++) {
                if (sets.size() == 1) {
                    writeOneSet(jdbc, group, slices, slice, countRow);
                    continue;
                }
                listSubjects(jdbc, slices, slice);
                for (Round round : rounds(slices, slice)) {
                    jdbc.query(
                            JOIN,
                            countRow,
                            sets.toArray(String[]::new),
                            round.people.toArray(String[]::new),
                            round.sets.toArray(Integer[]::new),
                            round.listings.toArray(Integer[]::new),
                            group.agency(),
                            group.state(),
                            group.purpose(),
                            group.month(),
                            allCategories);
                }
            }
        }

        /** A slice of a group whose lists share one category set: one statement, PostgreSQL counting the lists. */
        private void writeOneSet(
                JdbcTemplate jdbc, Group group, Slices slices, int slice, RowCallbackHandler countRow) {
            Listings listings = Listings.of(slices, slice);
            if (listings.people.length == 0) {
                return;
            }
            String[] categories = setCategories.get(0).toArray(String[]::new);
            jdbc.query(
                    JOIN_ONE_SET,
                    countRow,
                    categories,
                    listings.people,
                    listings.lists,
                    listDisclosures.toArray(String[]::new),
                    group.agency(),
                    group.state(),
                    group.purpose(),
                    group.month(),
                    categories);
        }

        /** Lists a slice's people under their disclosures, for a group with several category sets. */
        private void listSubjects(JdbcTemplate jdbc, Slices slices, int slice) {
            Listings listings = Listings.of(slices, slice);
            if (listings.people.length > 0) {
                jdbc.update(LIST_SUBJECTS, listDisclosures.toArray(String[]::new), listings.people, listings.lists);
            }
        }

        /**
         * A slice's people in statements, for a group with several category sets: the first holds every person of the
         * slice with the first set they are listed under and how many times; each next one the people listed under
         * more sets, with their next set. A slice with no people has none.
         */
        private List<Round> rounds(Slices slices, int slice) {
            // Per person, per set, their listings; a person a list names twice counts once for it.
            Map<String, Member> members = new HashMap<>();
            slices.forEach(
                    slice,
                    (list, person) -> members.computeIfAbsent(person, p -> new Member(sets.size()))
                            .list(list, listSets.get(list)));
            List<Round> rounds = new ArrayList<>();
            members.forEach((person, member) -> {
                int round = 0;
                for (int set = 0; set < member.listings.length; set++) {
                    if (member.listings[set] > 0) {
                        if (rounds.size() == round) {
                            rounds.add(new Round());
                        }
                        rounds.get(round).add(person, set + 1, member.listings[set]);
                        round++;
                    }
                }
            });
            return rounds;
        }
    }

    /**
     * A group's listings sorted into ranges of their references by a counting sort: per listing, its list and its
     * position in the list, in two arrays of ints, ordered by range and, within a range, by list.
     */
    private record Slices(List<List<PersonRef>> lists, int[] starts, int[] listOf, int[] positionOf) {

        static Slices of(List<List<PersonRef>> lists, int wanted) {
            int count = Math.max(1, Math.min(1 << 16, wanted));
            int[] starts = new int[count + 1];
            for (List<PersonRef> list : lists) {
                for (PersonRef person : list) {
                    starts[sliceOf(person.value(), count) + 1]++;
                }
            }
            for (int slice = 0; slice < count; slice++) {
                starts[slice + 1] += starts[slice];
            }
            int[] next = Arrays.copyOf(starts, count);
            int[] listOf = new int[starts[count]];
            int[] positionOf = new int[starts[count]];
            for (int list = 0; list < lists.size(); list++) {
                List<PersonRef> people = lists.get(list);
                for (int position = 0; position < people.size(); position++) {
                    int at = next[sliceOf(people.get(position).value(), count)]++;
                    listOf[at] = list;
                    positionOf[at] = position;
                }
            }
            return new Slices(lists, starts, listOf, positionOf);
        }

        int count() {
            return starts.length - 1;
        }

        int size(int slice) {
            return starts[slice + 1] - starts[slice];
        }

        /** Hands each listing of a slice, by list, to {@code action}: its list and its person's reference. */
        void forEach(int slice, ListingAction action) {
            for (int at = starts[slice]; at < starts[slice + 1]; at++) {
                action.accept(
                        listOf[at], lists.get(listOf[at]).get(positionOf[at]).value());
            }
        }

        /**
         * Which of {@code count} ranges a reference falls in, by its first four hex digits: ascending ranges hold
         * ascending references, as PostgreSQL orders the bytes they stand for.
         */
        private static int sliceOf(String reference, int count) {
            int prefix = Integer.parseInt(reference, 0, 4, 16);
            return (int) (((long) prefix * count) >>> 16);
        }
    }

    /** A slice's listings as two parallel arrays: each person's reference and the list that names them. */
    private record Listings(String[] people, int[] lists) {

        static Listings of(Slices slices, int slice) {
            int size = slices.size(slice);
            String[] people = new String[size];
            int[] lists = new int[size];
            int[] at = {0};
            slices.forEach(slice, (list, person) -> {
                people[at[0]] = person;
                lists[at[0]++] = list;
            });
            return new Listings(people, lists);
        }
    }

    @FunctionalInterface
    private interface ListingAction {
        void accept(int list, String person);
    }

    /** A person's listings in one slice, per category set, and the last list that named them. */
    private static final class Member {
        private final int[] listings;
        private int lastList = -1;

        Member(int sets) {
            listings = new int[sets];
        }

        void list(int list, int set) {
            if (list != lastList) {
                listings[set]++;
                lastList = list;
            }
        }
    }

    /** One statement's people, each with a 1-based category set and a number of listings. */
    private static final class Round {
        private final List<String> people = new ArrayList<>();
        private final List<Integer> sets = new ArrayList<>();
        private final List<Integer> listings = new ArrayList<>();

        void add(String person, int set, int times) {
            people.add(person);
            sets.add(set);
            listings.add(times);
        }
    }
}
