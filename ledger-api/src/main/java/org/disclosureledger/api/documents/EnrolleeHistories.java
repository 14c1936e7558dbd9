package org.disclosureledger.api.documents;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.disclosureledger.api.problem.FieldErrors;
import org.disclosureledger.core.jurisdiction.StateCode;
import org.disclosureledger.core.subject.PersonRef;
import org.disclosureledger.core.subject.Pseudonymiser;
import org.disclosureledger.projections.history.HistoryEntry;
import org.disclosureledger.projections.history.HistoryPage;
import org.disclosureledger.projections.history.HistoryRequest;
import org.disclosureledger.projections.history.PersonHistoryQueries;
import org.springframework.stereotype.Component;

/**
 * Reads the history a document shows: checks the enrollee's identifier (every wrong field reported at once, the
 * identifier never echoed), turns it into the enrollee's {@link PersonRef}, and reads every page of their history.
 */
@Component
public class EnrolleeHistories {

    private final Pseudonymiser pseudonymiser;
    private final PersonHistoryQueries queries;
    private final Clock clock;

    public EnrolleeHistories(Pseudonymiser pseudonymiser, PersonHistoryQueries queries, Clock clock) {
        this.pseudonymiser = pseudonymiser;
        this.queries = queries;
        this.clock = clock;
    }

    /**
     * The whole history the body asks for, all pages of it.
     *
     * @throws org.disclosureledger.api.problem.InvalidRequest when the state or the Medicaid id is not usable
     */
    public EnrolleeHistory read(EnrolleeBody body) {
        FieldErrors errors = new FieldErrors();
        StateCode state = errors.value("state", () -> new StateCode(body.state()));
        errors.value("medicaidId", () -> Pseudonymiser.normaliseMedicaidId(body.medicaidId()));
        errors.throwIfAny();
        PersonRef person = pseudonymiser.pseudonymise(state, body.medicaidId());
        boolean wholeHistory = Boolean.TRUE.equals(body.wholeHistory());

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
