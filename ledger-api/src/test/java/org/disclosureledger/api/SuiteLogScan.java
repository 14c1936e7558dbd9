package org.disclosureledger.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Searches everything the module's test applications logged, once every test has run (a Surefire execution of its
 * own, in the verify phase: this class is no {@code *Test}, so the usual run leaves it out). No bearer token may
 * appear in it, in any form a JWT takes, nor any raw Medicaid id the end-to-end tests and the README's examples send.
 * PrivacyTest does the same with named secrets inside one run; this covers every run of the suite.
 */
class SuiteLogScan {

    private static final Path LOG = Path.of("target", "suite-logs", "ledger-api.log");

    /** A JWT's header and payload, base64url JSON objects: {@code eyJ...}. */
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}");

    /** Raw Medicaid ids the README's examples and the end-to-end tests send, spelled as they are sent. */
    private static final List<String> RAW_IDS = List.of(
            "91234567A",
            "98765432B",
            "93334444C",
            "95556666D",
            "9123-4567-a",
            "QXPRIV71942",
            "QXPRIV80017",
            "LOOKED0001",
            "ACCESS0001",
            "OBJOTHER1",
            "OBJNY0001",
            "HISTAUDIT1",
            "MATRIX0001",
            "LOCKED0001",
            "OPSLAG1",
            "OPSLAG2");

    @Test
    void noTokenAndNoRawIdentifierInAnythingTheSuiteLogged() throws IOException {
        boolean ci = "true".equals(System.getenv("CI"));
        assumeTrue(ci || Files.exists(LOG), "no suite log: the module's tests did not run in this build");
        assertThat(LOG).as("the log the suite's applications wrote").exists();
        String log = Files.readString(LOG, StandardCharsets.UTF_8);

        assertThat(log).as("positive control: applications started and logged").contains("Started ");
        if (ci) {
            assertThat(log)
                    .as("positive control: PrivacyTest's debug logging of a request reached the file")
                    .contains("privacy-1");
        }
        Matcher jwt = JWT.matcher(log);
        assertThat(jwt.find())
                .as("a bearer token in the log: %s", jwt.find(0) ? around(log, jwt.start()) : "")
                .isFalse();
        for (String raw : RAW_IDS) {
            int at = log.indexOf(raw);
            assertThat(at)
                    .as("raw id %s in the log: %s", raw, at < 0 ? "" : around(log, at))
                    .isNegative();
        }
    }

    /** The line around a finding, with the finding itself cut short so the failure does not repeat it whole. */
    private static String around(String log, int at) {
        int start = log.lastIndexOf('\n', at) + 1;
        int end = log.indexOf('\n', at);
        String line = log.substring(start, end < 0 ? log.length() : end);
        return line.substring(0, Math.min(line.length(), at - start + 6)) + "...";
    }
}
