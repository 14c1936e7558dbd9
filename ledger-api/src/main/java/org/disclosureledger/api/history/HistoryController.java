package org.disclosureledger.api.history;

import java.util.List;
import java.util.Map;
import org.disclosureledger.api.problem.FieldErrors;
import org.disclosureledger.api.security.AccessRecorder;
import org.disclosureledger.api.security.LedgerUser;
import org.disclosureledger.core.access.AccessedRecord;
import org.disclosureledger.core.subject.PersonRef;
import org.disclosureledger.projections.history.HistoryEntry;
import org.disclosureledger.projections.history.HistoryPage;
import org.disclosureledger.projections.history.HistoryRequest;
import org.disclosureledger.projections.history.PersonHistoryQueries;
import org.disclosureledger.projections.history.VisibleEntry;
import org.disclosureledger.projections.history.WithheldEntry;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A person's history of disclosures. An enrollee reads their own at {@code GET /api/v1/me/history}, the person their
 * token is bound to; an official (an auditor within their states, or an admin) looks one up by state and Medicaid id
 * sent in the body, with a stated purpose. Either way the read is recorded on the ledger first ({@link AccessRecorder}).
 */
@RestController
@RequestMapping(produces = MediaType.APPLICATION_JSON_VALUE)
class HistoryController {

    private final PersonHistoryQueries queries;
    private final LedgerIndexes ledgerIndexes;
    private final AccessRecorder accesses;
    private final OfficialLookups officials;

    HistoryController(
            PersonHistoryQueries queries,
            LedgerIndexes ledgerIndexes,
            AccessRecorder accesses,
            OfficialLookups officials) {
        this.queries = queries;
        this.ledgerIndexes = ledgerIndexes;
        this.accesses = accesses;
        this.officials = officials;
    }

    @GetMapping("/api/v1/me/history")
    HistoryView myHistory(
            @AuthenticationPrincipal LedgerUser enrollee,
            @RequestParam(required = false) Boolean wholeHistory,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer pageSize) {
        FieldErrors errors = new FieldErrors();
        Paging paging = paging(errors, wholeHistory, page, pageSize);
        errors.throwIfAny();
        accesses.recordRead(enrollee, enrollee.person(), AccessedRecord.HISTORY, AccessRecorder.OWN_RECORDS);
        return view(queries.historyOf(paging.of(enrollee.person())));
    }

    @PostMapping(path = "/api/v1/history", consumes = MediaType.APPLICATION_JSON_VALUE)
    HistoryView history(@AuthenticationPrincipal LedgerUser official, @RequestBody HistoryLookup lookup) {
        FieldErrors errors = new FieldErrors();
        Paging paging = paging(errors, lookup.wholeHistory(), lookup.page(), lookup.pageSize());
        PersonRef person = officials
                .lookUp(official, errors, lookup.state(), lookup.medicaidId(), lookup.purpose(), AccessedRecord.HISTORY)
                .person();
        return view(queries.historyOf(paging.of(person)));
    }

    /** Which page of whose history, once the person is known. */
    private record Paging(boolean wholeHistory, int page, int pageSize) {

        HistoryRequest of(PersonRef person) {
            return new HistoryRequest(person, wholeHistory, page, pageSize);
        }
    }

    private static Paging paging(FieldErrors errors, Boolean wholeHistory, Integer page, Integer pageSize) {
        int size = pageSize == null ? HistoryRequest.DEFAULT_PAGE_SIZE : pageSize;
        if (size < 1 || size > HistoryRequest.MAX_PAGE_SIZE) {
            errors.add("pageSize", "pageSize must be between 1 and " + HistoryRequest.MAX_PAGE_SIZE);
            size = HistoryRequest.DEFAULT_PAGE_SIZE;
        }
        int number = page == null ? 0 : page;
        if (number < 0) {
            errors.add("page", "page must be 0 or more (pages count from 0)");
            number = 0;
        }
        return new Paging(Boolean.TRUE.equals(wholeHistory), number, size);
    }

    private HistoryView view(HistoryPage page) {
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
