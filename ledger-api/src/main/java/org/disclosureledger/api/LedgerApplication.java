package org.disclosureledger.api;

import java.time.Clock;
import org.disclosureledger.api.admin.VerifyCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** Starts the Disclosure Ledger: the API, the event store and, with no configuration, its own PostgreSQL. */
@SpringBootApplication(scanBasePackages = "org.disclosureledger")
public class LedgerApplication {

    /** Runs the application; with {@code verify} as first argument, verifies the ledger and exits instead. */
    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals(VerifyCommand.NAME)) {
            System.exit(VerifyCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length), System.out));
        }
        SpringApplication.run(LedgerApplication.class, args);
    }

    /** The ledger's clock: recorded-at times and the checks on callers' times come from here. */
    @Bean
    @ConditionalOnMissingBean
    Clock ledgerClock() {
        return Clock.systemUTC();
    }
}
