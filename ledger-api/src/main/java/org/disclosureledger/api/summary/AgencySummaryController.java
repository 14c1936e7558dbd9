package org.disclosureledger.api.summary;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.disclosureledger.api.problem.FieldErrors;
import org.disclosureledger.api.problem.InvalidRequest;
import org.disclosureledger.api.security.LedgerUser;
import org.disclosureledger.api.security.Role;
import org.disclosureledger.api.security.Scopes;
import org.disclosureledger.core.agency.AgencyId;
import org.disclosureledger.core.disclosure.DataCategory;
import org.disclosureledger.core.disclosure.PurposeOfUse;
import org.disclosureledger.core.jurisdiction.StateCode;
import org.disclosureledger.projections.summary.AgencyBreakdown;
import org.disclosureledger.projections.summary.AgencySummaryQueries;
import org.disclosureledger.projections.summary.AgencyTotals;
import org.disclosureledger.projections.summary.BreakdownCsv;
import org.disclosureledger.projections.summary.BreakdownRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Per-agency summaries: the list of recipient agencies with totals (optionally for one custodian state), and one
 * agency's breakdown per state x purpose x category x month with optional filters, as JSON or as CSV
 * ({@code Accept: text/csv}). Totals and cells carry the rulebook's flags (flagged disclosures, their distinct people,
 * the most severe finding). Unknown filter values are a 422 naming the parameter.
 */
@RestController
@RequestMapping("/api/v1/agencies")
class AgencySummaryController {

    private final AgencySummaryQueries queries;

    AgencySummaryController(AgencySummaryQueries queries) {
        this.queries = queries;
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    List<AgencyTotals> agencies(
            @AuthenticationPrincipal LedgerUser caller, @RequestParam(required = false) String state) {
        FieldErrors errors = new FieldErrors();
        StateCode custodian = state == null ? null : errors.value("state", () -> new StateCode(state));
        errors.throwIfAny();
        return queries.agencies(scoped(caller, custodian));
    }

    @GetMapping(path = "/{agencyId}/summary", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<AgencyBreakdown> breakdown(
            @AuthenticationPrincipal LedgerUser caller,
            @PathVariable String agencyId,
            @RequestParam(required = false) String state,
            @RequestParam(required = false) String purpose,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        return queries.breakdown(request(caller, agencyId, state, purpose, category, from, to))
                .map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.ok(new AgencyBreakdown(new AgencyId(agencyId), null, List.of())));
    }

    @GetMapping(path = "/{agencyId}/summary", produces = "text/csv")
    ResponseEntity<String> breakdownCsv(
            @AuthenticationPrincipal LedgerUser caller,
            @PathVariable String agencyId,
            @RequestParam(required = false) String state,
            @RequestParam(required = false) String purpose,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        BreakdownRequest request = request(caller, agencyId, state, purpose, category, from, to);
        AgencyBreakdown breakdown =
                queries.breakdown(request).orElseGet(() -> new AgencyBreakdown(request.agency(), null, List.of()));
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"" + request.agency().value() + "-summary.csv\"")
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .body(BreakdownCsv.render(breakdown));
    }

    private static BreakdownRequest request(
            LedgerUser caller, String agencyId, String state, String purpose, String category, String from, String to) {
        FieldErrors errors = new FieldErrors();
        AgencyId agency = errors.value("agencyId", () -> new AgencyId(agencyId));
        StateCode custodian = state == null ? null : errors.value("state", () -> new StateCode(state));
        PurposeOfUse code = purpose == null ? null : errors.enumValue("purpose", purpose, PurposeOfUse.class);
        DataCategory dataCategory =
                category == null ? null : errors.enumValue("category", category, DataCategory.class);
        YearMonth fromMonth = month(errors, "from", from);
        YearMonth toMonth = month(errors, "to", to);
        errors.throwIfAny();
        StateCode scoped = scoped(caller, custodian);
        BreakdownRequest request = errors.value(
                "from", () -> new BreakdownRequest(agency, scoped, code, dataCategory, fromMonth, toMonth));
        errors.throwIfAny();
        return request;
    }

    /**
     * The custodian state a caller's summary is about: a regulator sees any state or all of them; an auditor sees
     * only a state of their scope, their one state when they name none, and must name one when their scope has
     * several.
     */
    private static StateCode scoped(LedgerUser caller, StateCode asked) {
        if (caller.has(Role.REGULATOR)) {
            return asked;
        }
        if (asked != null) {
            Scopes.requireState(caller, asked, "summary");
            return asked;
        }
        if (caller.states().size() == 1) {
            return caller.states().iterator().next();
        }
        throw new InvalidRequest(
                "state",
                "state is required: your scope covers " + caller.states().size()
                        + " states; ask for one of them at a time");
    }

    private static YearMonth month(FieldErrors errors, String field, String text) {
        if (text == null) {
            return null;
        }
        try {
            return YearMonth.parse(text);
        } catch (DateTimeParseException e) {
            errors.add(field, field + " must be a month such as 2025-06");
            return null;
        }
    }
}
