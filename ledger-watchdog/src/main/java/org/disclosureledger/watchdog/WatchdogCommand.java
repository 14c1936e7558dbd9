package org.disclosureledger.watchdog;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.disclosureledger.watchdog.bundle.InvestigateCommand;
import org.disclosureledger.watchdog.bundle.VerifyBundleCommand;
import org.disclosureledger.watchdog.follow.FollowCommand;
import org.disclosureledger.watchdog.report.AlertsCommand;
import org.disclosureledger.watchdog.report.SummaryCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code ledger-watchdog} command line. Exit codes: 0 fine, 1 an alarm was raised in this run, 2 a usage or
 * connection error (one line on stderr).
 */
@Command(
        name = "ledger-watchdog",
        mixinStandardHelpOptions = true,
        version = "ledger-watchdog 0.1",
        description = "Follows the Disclosure Ledger's watchdog stream and checks it against the ledger.",
        subcommands = {
            FollowCommand.class,
            SummaryCommand.class,
            AlertsCommand.class,
            VerifyBundleCommand.class,
            InvestigateCommand.class
        })
public final class WatchdogCommand implements Runnable {

    /** Exit code when an alarm was raised in this run. */
    public static final int ALARM = 1;

    /** Exit code for a usage or connection error. */
    public static final int ERROR = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                spec.commandLine(), "a subcommand is required: follow, summary, alerts, verify-bundle or investigate");
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        System.exit(run(args, out, err));
    }

    /** Runs the command line with {@code args}, printing to {@code out} and {@code err}; returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new WatchdogCommand());
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((e, arguments) -> {
            String command = e.getCommandLine().getCommandSpec().qualifiedName();
            e.getCommandLine().getErr().println("error: " + oneLine(e.getMessage()) + " (see " + command + " --help)");
            return ERROR;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof InterruptedException) {
                // Whoever runs this command (a test, an embedding program) still sees that it was interrupted.
                Thread.currentThread().interrupt();
                commandLine.getErr().println("error: interrupted");
                return ERROR;
            }
            commandLine.getErr().println("error: " + oneLine(e.getMessage() == null ? e.toString() : e.getMessage()));
            return ERROR;
        });
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    private static String oneLine(String message) {
        return message.strip().replaceAll("\\s*\\R\\s*", "; ");
    }
}
