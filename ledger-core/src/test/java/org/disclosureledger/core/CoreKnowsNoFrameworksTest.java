package org.disclosureledger.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The core is the domain alone: no Spring, no persistence, no broker, no web, and no hidden clock or randomness
 * (STYLE points 1 and 8). Axon's modelling annotations are the one framework it may use.
 */
class CoreKnowsNoFrameworksTest {

    private static final String CORE = "org.disclosureledger.core..";

    private static final JavaClasses CORE_CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.disclosureledger.core");

    @Test
    void theCoreDoesNotDependOnSpring() {
        noClasses()
                .that()
                .resideInAPackage(CORE)
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.springframework..")
                .because("the domain must not know the application framework")
                .check(CORE_CLASSES);
    }

    @Test
    void theCoreDoesNotDependOnPersistence() {
        noClasses()
                .that()
                .resideInAPackage(CORE)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("jakarta.persistence..", "javax.persistence..", "org.hibernate..")
                .because("read models and their mapping live in ledger-projections")
                .check(CORE_CLASSES);
    }

    @Test
    void theCoreDoesNotDependOnKafka() {
        noClasses()
                .that()
                .resideInAPackage(CORE)
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.apache.kafka..")
                .because("publishing the watchdog stream is the projections' work")
                .check(CORE_CLASSES);
    }

    @Test
    void theCoreDoesNotDependOnTheWeb() {
        noClasses()
                .that()
                .resideInAPackage(CORE)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("jakarta.servlet..", "javax.servlet..")
                .because("HTTP is ledger-api's concern")
                .check(CORE_CLASSES);
    }

    @Test
    void theCoreReadsTimeOnlyFromAnInjectedClock() {
        noClasses()
                .that()
                .resideInAPackage(CORE)
                .should()
                .callMethod(Instant.class, "now")
                .orShould()
                .callMethod(Clock.class, "systemUTC")
                .orShould()
                .callMethod(Clock.class, "systemDefaultZone")
                .orShould()
                .callMethod(LocalDate.class, "now")
                .orShould()
                .callMethod(LocalDate.class, "now", ZoneId.class)
                .orShould()
                .callMethod(LocalDateTime.class, "now")
                .orShould()
                .callMethod(System.class, "currentTimeMillis")
                .because("time comes from an injected Clock or from the command, so replays and tests decide it")
                .check(CORE_CLASSES);
    }

    @Test
    void theCoreDoesNotMakeUpIdentifiers() {
        noClasses()
                .that()
                .resideInAPackage(CORE)
                .should()
                .callMethod(UUID.class, "randomUUID")
                .because("ids come from the caller, which is what makes retries idempotent")
                .check(CORE_CLASSES);
    }
}
