package org.disclosureledger.api.admin;

import java.io.PrintStream;
import org.disclosureledger.projections.integrity.IntegrityProblem;
import org.disclosureledger.projections.integrity.LedgerVerifier;
import org.disclosureledger.projections.integrity.VerificationReport;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar ledger-api.jar verify [--spring.datasource.url=...] [--ledger.checkpoint.public-key-file=...]}:
 * verifies the ledger from the command line with the application's configuration, prints one line per problem (naming
 * its entry or checkpoint) or one line saying it is intact, and exits 0 when intact, 1 when not, 2 when it could not
 * run. It starts only what verifying needs ({@link VerifyConfiguration}): it writes nothing and needs the ledger's
 * public key, not its signing key, so an auditor can run it against a copy of the database.
 */
public final class VerifyCommand {

    /** The first argument that selects this command. */
    public static final String NAME = "verify";

    private VerifyCommand() {}

    /** Runs the verification; returns the exit code. */
    public static int run(String[] args, PrintStream out) {
        try (ConfigurableApplicationContext context = start(args)) {
            VerificationReport report = context.getBean(LedgerVerifier.class).verify();
            if (report.intact()) {
                out.printf(
                        "ledger intact: %d entries and %d signed checkpoints verified%n",
                        report.entriesChecked(), report.checkpointsChecked());
                return 0;
            }
            for (IntegrityProblem problem : report.problems()) {
                out.println(line(problem));
            }
            out.printf(
                    "ledger NOT intact: %d problem(s) in %d entries and %d checkpoints%n",
                    report.problems().size(), report.entriesChecked(), report.checkpointsChecked());
            return 1;
        } catch (RuntimeException e) {
            Throwable cause = e;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            out.println("verify could not run: "
                    + String.valueOf(cause.getMessage()).replaceAll("\\s+", " "));
            return 2;
        }
    }

    /** What verifying starts, for these arguments. */
    static ConfigurableApplicationContext start(String[] args) {
        return new SpringApplicationBuilder(VerifyConfiguration.class)
                .web(WebApplicationType.NONE)
                .logStartupInfo(false)
                .properties("spring.main.banner-mode=off", "logging.level.root=WARN")
                .run(args);
    }

    private static String line(IntegrityProblem problem) {
        String where = problem.ledgerIndex() >= 0
                ? "ledger index " + problem.ledgerIndex()
                : problem.treeSize() >= 0 ? "checkpoint at tree size " + problem.treeSize() : "the event table";
        return problem.kind() + " at " + where + ": " + problem.explanation() + " (expected " + problem.expected()
                + ", found " + problem.found() + ")";
    }
}
