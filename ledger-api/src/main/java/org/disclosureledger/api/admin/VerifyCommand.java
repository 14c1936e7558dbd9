package org.disclosureledger.api.admin;

import java.io.PrintStream;
import java.nio.file.NoSuchFileException;
import java.sql.SQLException;
import org.disclosureledger.core.checkpoint.NoteVerifier;
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

    /** PostgreSQL's SQLSTATE for a table that does not exist. */
    private static final String UNDEFINED_TABLE = "42P01";

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
            if (report.signaturesChecked() > 0 && report.signaturesVerified() == 0) {
                out.printf(
                        "no checkpoint verifies with the key given (%s): if it is not this ledger's public key,"
                                + " verify again with the right one%n",
                        context.getBean(NoteVerifier.class).keyName());
            }
            out.printf(
                    "ledger NOT intact: %d problem(s) in %d entries and %d checkpoints%n",
                    report.problems().size(), report.entriesChecked(), report.checkpointsChecked());
            return 1;
        } catch (RuntimeException e) {
            out.println("verify could not run: " + reason(e));
            return 2;
        }
    }

    /** The innermost cause, in one line that says what it is about. */
    private static String reason(RuntimeException e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        String message = String.valueOf(cause.getMessage());
        if (cause instanceof NoSuchFileException) {
            return "no such file: " + message;
        }
        if (cause instanceof SQLException sql && UNDEFINED_TABLE.equals(sql.getSQLState())) {
            // PostgreSQL's message goes on with the statement's position, which says nothing here.
            return "the database holds no ledger ("
                    + message.lines().findFirst().orElse("") + ")";
        }
        return message.replaceAll("\\s+", " ");
    }

    /** What verifying starts, for these arguments. */
    static ConfigurableApplicationContext start(String[] args) {
        return new SpringApplicationBuilder(VerifyConfiguration.class)
                .web(WebApplicationType.NONE)
                .logStartupInfo(false)
                .properties(
                        "spring.main.banner-mode=off",
                        "logging.level.root=WARN",
                        // The one line run() prints says why it could not start; Spring Boot's report would repeat it
                        // with a stack trace.
                        "logging.level.org.springframework.boot.SpringApplication=OFF",
                        "logging.level.org.springframework.boot.diagnostics=OFF")
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
