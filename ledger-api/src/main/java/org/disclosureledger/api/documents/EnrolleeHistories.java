package org.disclosureledger.api.documents;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.disclosureledger.api.history.OfficialLookups;
import org.disclosureledger.api.problem.FieldErrors;
import org.disclosureledger.api.security.AccessRecorder;
import org.disclosureledger.api.security.LedgerUser;
import org.disclosureledger.core.access.AccessedRecord;
import org.disclosureledger.core.jurisdiction.StateCode;
import org.disclosureledger.core.subject.PersonRef;
import org.disclosureledger.projections.history.HistoryEntry;
import org.disclosureledger.projections.history.HistoryPage;
import org.disclosureledger.projections.history.HistoryRequest;
import org.disclosureledger.projections.history.PersonHistoryQueries;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads the history a document shows: the signed-in enrollee's own, or for an official the person their body names
 * (every wrong field reported at once, the identifier never echoed, turned into a {@link PersonRef} at once, within
 * their scope, with a stated purpose); records the read on the ledger, then reads every page of the history.
 */
@Component
public class EnrolleeHistories {

    private final PersonHistoryQueries queries;
    private final Clock clock;
    private final AccessRecorder accesses;
    private final OfficialLookups officials;
    private final TransactionTemplate oneSnapshot;

    public EnrolleeHistories(
            PersonHistoryQueries queries,
            Clock clock,
            AccessRecorder accesses,
            OfficialLookups officials,
            PlatformTransactionManager transactions) {
        this.queries = queries;
        this.clock = clock;
        this.accesses = accesses;
        this.officials = officials;
        // Every page from one snapshot: a disclosure recorded or corrected between two pages would otherwise show
        // an entry twice or not at all in a document (and a repeated entry makes a FHIR Bundle invalid).
        this.oneSnapshot = new TransactionTemplate(transactions);
        this.oneSnapshot.setReadOnly(true);
        this.oneSnapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    /**
     * The whole history an official's body asks for, all pages of it, once the caller's scope and stated purpose are
     * checked and the read is recorded.
     *
     * @throws org.disclosureledger.api.problem.InvalidRequest when the state, the Medicaid id or the purpose is not
     *     usable
     * @throws org.disclosureledger.api.problem.Forbidden when the state is outside an auditor's scope
     */
    public EnrolleeHistory readForOfficial(LedgerUser official, EnrolleeBody body, AccessedRecord record) {
        OfficialLookups.LookedUp person =
                officials.lookUp(official, new FieldErrors(), body.state(), body.medicaidId(), body.purpose(), record);
        return read(person.state(), person.person(), Boolean.TRUE.equals(body.wholeHistory()));
    }

    /** The signed-in enrollee's own whole history, all pages of it, once the read is recorded. */
    public EnrolleeHistory readOwn(LedgerUser enrollee, boolean wholeHistory, AccessedRecord record) {
        accesses.recordRead(enrollee, enrollee.person(), record, AccessRecorder.OWN_RECORDS);
        return read(enrollee.states().iterator().next(), enrollee.person(), wholeHistory);
    }

    private EnrolleeHistory read(StateCode state, PersonRef person, boolean wholeHistory) {
        return oneSnapshot.execute(s -> readAllPages(state, person, wholeHistory));
    }

    private EnrolleeHistory readAllPages(StateCode state, PersonRef person, boolean wholeHistory) {
        HistoryRequest request = new HistoryRequest(person, wholeHistory, 0, HistoryRequest.MAX_PAGE_SIZE);
        List<HistoryEntry> entries = new ArrayList<>();
        HistoryPage page;
        do {
            page = queries.historyOf(request);
            entries.addAll(page.entries());
            request = request.withPage(request.page() + 1);
        } while (page.hasNextPage());
        return new EnrolleeHistory(state, person, entries, page.asOf(), page.since(), clock.instant());
    }
}
