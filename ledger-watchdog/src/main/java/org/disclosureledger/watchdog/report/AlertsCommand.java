package org.disclosureledger.watchdog.report;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.disclosureledger.watchdog.store.WatchdogStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ledger-watchdog alerts}: every alarm raised, then the findings received on the alerts topic. */
@Command(
        name = "alerts",
        mixinStandardHelpOptions = true,
        description = "Every alarm the watchdog raised, then the findings from the alerts topic.")
public final class AlertsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOption options;

    @Override
    public Integer call() {
        List<String> alarms;
        List<String> findings;
        try (WatchdogStore store = WatchdogStore.open(options.store, false)) {
            alarms = store.alarmLines();
            findings = store.findingLines();
        }
        PrintWriter out = spec.commandLine().getOut();
        if (alarms.isEmpty() && findings.isEmpty()) {
            out.println("no alarms and no findings");
        }
        alarms.forEach(out::println);
        findings.forEach(out::println);
        return 0;
    }
}
