package org.disclosureledger.watchdog.bundle;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.disclosureledger.core.checkpoint.NoteVerifier;
import org.disclosureledger.watchdog.WatchdogCommand;
import org.disclosureledger.watchdog.WatchdogError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ledger-watchdog verify-bundle}: checks an evidence bundle offline. Exit 0 valid (a summary on stdout), 1
 * invalid (one line per problem on stdout), 2 unusable input (one line on stderr).
 */
@Command(
        name = "verify-bundle",
        mixinStandardHelpOptions = true,
        description = "Verifies an investigation's evidence bundle offline with the ledger's public key.")
public final class VerifyBundleCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(
            names = "--public-key",
            required = true,
            paramLabel = "FILE",
            description = "A file holding the ledger's verifier key, as GET /api/v1/ledger/public-key serves it.")
    Path publicKey;

    @Parameters(paramLabel = "BUNDLE", description = "The bundle (a zip).")
    Path bundle;

    @Override
    public Integer call() {
        NoteVerifier key = readKey(publicKey);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(bundle);
        } catch (IOException e) {
            throw new WatchdogError("cannot read the bundle " + bundle + ": " + e.getMessage());
        }
        BundleVerifier.Result result;
        try {
            result = new BundleVerifier(key).verify(BundleVerifier.unzip(bytes));
        } catch (UnusableBundle e) {
            throw new WatchdogError(bundle + ": " + e.getMessage());
        }
        return report(result, spec.commandLine().getOut());
    }

    /** Prints a verification's outcome; returns the exit code. */
    static int report(BundleVerifier.Result result, PrintWriter out) {
        if (!result.valid()) {
            result.problems().forEach(p -> out.println(p.line()));
            out.println("bundle INVALID: " + result.problems().size() + " problem(s)");
            return WatchdogCommand.ALARM;
        }
        out.println("bundle valid: checkpoint " + result.checkpoint().origin() + " tree size "
                + result.checkpoint().treeSize() + " root "
                + result.checkpoint().rootHash().hex());
        out.println("report sha256 " + result.reportSha256() + ": " + result.disclosures() + " disclosures, "
                + result.entries() + " ledger entries proven");
        out.println("rulebooks: " + (result.rulebooks().isEmpty() ? "none" : String.join(", ", result.rulebooks())));
        if (result.counts() != null) {
            out.println("findings by severity: " + result.counts().path("findingsBySeverity") + "; affected subjects: "
                    + result.counts().path("affectedSubjects").asText());
        }
        return 0;
    }

    static NoteVerifier readKey(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new WatchdogError("cannot read the public key file " + file + ": " + e.getMessage());
        }
        try {
            return NoteVerifier.fromVerifierKey(text);
        } catch (RuntimeException e) {
            throw new WatchdogError(
                    file + " does not hold a verifier key (<origin>+<key id hex>+<base64>): " + e.getMessage());
        }
    }
}
