package org.disclosureledger.api.history;

import java.util.List;
import java.util.Map;
import org.disclosureledger.api.problem.FieldErrors;
import org.disclosureledger.core.jurisdiction.StateCode;
import org.disclosureledger.core.subject.PersonRef;
import org.disclosureledger.core.subject.Pseudonymiser;
import org.disclosureledger.projections.history.HistoryEntry;
import org.disclosureledger.projections.history.HistoryPage;
import org.disclosureledger.projections.history.HistoryRequest;
import org.disclosureledger.projections.history.PersonHistoryQueries;
import org.disclosureledger.projections.history.VisibleEntry;
import org.disclosureledger.projections.history.WithheldEntry;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** An enrollee's history of disclosures, looked up by state and Medicaid id sent in the body. */
@RestController
@RequestMapping(path = "/api/v1/history", produces = MediaType.APPLICATION_JSON_VALUE)
class HistoryController {

    private final Pseudonymiser pseudonymiser;
    private final PersonHistoryQueries queries;
    private final LedgerIndexes ledgerIndexes;

    HistoryController(Pseudonymiser pseudonymiser, PersonHistoryQueries queries, LedgerIndexes ledgerIndexes) {
        this.pseudonymiser = pseudonymiser;
        this.queries = queries;
        this.ledgerIndexes = ledgerIndexes;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    HistoryView history(@RequestBody HistoryLookup lookup) {
        HistoryRequest request = request(lookup);
        HistoryPage page = queries.historyOf(request);
        Map<String, Long> indexes = ledgerIndexes.of(page.entries());
        List<HistoryView.Entry> entries =
                page.entries().stream().map(entry -> view(entry, indexes)).toList();
        return new HistoryView(
                page.asOf(),
                page.since(),
                page.page(),
                page.pageSize(),
                page.totalEntries(),
                page.hasNextPage(),
                entries);
    }

    private HistoryRequest request(HistoryLookup lookup) {
        FieldErrors errors = new FieldErrors();
        StateCode state = errors.value("state", () -> new StateCode(lookup.state()));
        errors.value("medicaidId", () -> Pseudonymiser.normaliseMedicaidId(lookup.medicaidId()));
        int pageSize = lookup.pageSize() == null ? HistoryRequest.DEFAULT_PAGE_SIZE : lookup.pageSize();
        if (pageSize < 1 || pageSize > HistoryRequest.MAX_PAGE_SIZE) {
            errors.add("pageSize", "pageSize must be between 1 and " + HistoryRequest.MAX_PAGE_SIZE);
        }
        int page = lookup.page() == null ? 0 : lookup.page();
        if (page < 0) {
            errors.add("page", "page must be 0 or more (pages count from 0)");
        }
        errors.throwIfAny();
        PersonRef person = pseudonymiser.pseudonymise(state, lookup.medicaidId());
        HistoryRequest request = HistoryRequest.firstPage(person).withPage(page).withPageSize(pageSize);
        return Boolean.TRUE.equals(lookup.wholeHistory()) ? request.withWholeHistory() : request;
    }

    private static HistoryView.Entry view(HistoryEntry entry, Map<String, Long> ledgerIndexes) {
        if (entry instanceof WithheldEntry w) {
            return new HistoryView.Entry(
                    true,
                    w.until(),
                    w.authority(),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null);
        }
        VisibleEntry v = (VisibleEntry) entry;
        boolean bulk = v.manifestRoot() != null || v.chunkCount() != null;
        return new HistoryView.Entry(
                false,
                null,
                null,
                v.disclosureId().value(),
                v.kind().name(),
                v.status().name(),
                v.recordedAt(),
                v.details(),
                ledgerIndexes.get(v.disclosureId().value()),
                bulk ? v.subjectIndex() : null,
                v.manifestRoot(),
                v.suspension(),
                v.corrections(),
                v.disputes(),
                v.destructionRequests(),
                v.destructionCertifications(),
                v.judgement());
    }
}
