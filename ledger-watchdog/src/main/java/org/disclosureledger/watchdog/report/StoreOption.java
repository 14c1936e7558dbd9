package org.disclosureledger.watchdog.report;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --store} option the report commands share with {@code follow}. */
final class StoreOption {

    @Option(
            names = "--store",
            paramLabel = "DIR",
            defaultValue = "./watchdog-data",
            description = "The local store (default: ${DEFAULT-VALUE}).")
    Path store;
}
