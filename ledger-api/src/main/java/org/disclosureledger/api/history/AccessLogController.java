package org.disclosureledger.api.history;

import java.util.List;
import org.disclosureledger.api.security.LedgerUser;
import org.disclosureledger.projections.access.HistoryAccessLog;
import org.disclosureledger.projections.access.HistoryAccessView;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * "Who looked at my history": the signed-in enrollee's list of every recorded read of their records, newest first
 * (the last 500), with who read, in which role, what, when and the purpose they stated. Reading this list is not
 * itself recorded: it shows who read the person's records, not the person's data.
 */
@RestController
class AccessLogController {

    static final int LIMIT = 500;

    private final HistoryAccessLog accesses;

    AccessLogController(HistoryAccessLog accesses) {
        this.accesses = accesses;
    }

    @GetMapping(path = "/api/v1/me/history/accesses", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<List<HistoryAccessView>> myAccesses(@AuthenticationPrincipal LedgerUser enrollee) {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .body(accesses.accessesOf(enrollee.person(), LIMIT));
    }
}
