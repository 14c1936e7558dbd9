package org.disclosureledger.watchdog.report;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.disclosureledger.watchdog.store.Summary;
import org.disclosureledger.watchdog.store.WatchdogStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ledger-watchdog summary}: totals from the local store for the events that matched the filters. */
@Command(
        name = "summary",
        mixinStandardHelpOptions = true,
        description = "Totals from the local store: disclosures, people affected, follow-ons, checks, alerts.")
public final class SummaryCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOption options;

    @Override
    public Integer call() {
        Summary s;
        try (WatchdogStore store = WatchdogStore.open(options.store, false)) {
            s = store.summary();
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("store: " + options.store + " (filters: " + s.filters().orElse("none") + ")");
        out.println(s.checkpoint()
                .map(c -> "checkpoint held: tree size " + c.treeSize() + ", root " + c.rootHash())
                .orElse("checkpoint held: none"));
        out.println("events received: " + s.eventsReceived() + " (verified " + s.verified() + ", pending " + s.pending()
                + ", failed " + s.failed() + "); matching the filters: " + s.eventsMatching());
        out.println("disclosures: " + s.disclosures());
        out.println("  by custodian state: " + totals(s.disclosuresByState()));
        out.println("  by recipient: " + totals(s.disclosuresByRecipient()));
        out.println("  by purpose: " + totals(s.disclosuresByPurpose()));
        out.println("people affected: " + s.peopleAffected());
        out.println("follow-ons: " + totals(s.followOns()));
        out.println("alerts: " + s.alarms() + " raised, " + s.findings() + " findings from the alerts topic, "
                + s.unreadable() + " messages kept aside (unreadable or conflicting)");
        return 0;
    }

    private static String totals(Map<String, Long> totals) {
        return totals.isEmpty()
                ? "none"
                : totals.entrySet().stream()
                        .map(e -> e.getKey() + " " + e.getValue())
                        .collect(Collectors.joining(", "));
    }
}
