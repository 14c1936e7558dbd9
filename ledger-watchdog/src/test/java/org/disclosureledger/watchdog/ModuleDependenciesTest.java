package org.disclosureledger.watchdog;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The watchdog is what an auditor runs outside the ledger: it depends on the core only, and on no Spring. */
class ModuleDependenciesTest {

    private static JavaClasses watchdog;

    @BeforeAll
    static void importTheWatchdog() {
        watchdog = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("org.disclosureledger.watchdog");
    }

    @Test
    void theWatchdogDependsOnNeitherProjectionsNorTheApi() {
        noClasses()
                .that()
                .resideInAPackage("org.disclosureledger.watchdog..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.disclosureledger.projections..",
                        "org.disclosureledger.api..",
                        "org.disclosureledger.embedded..")
                .because("the watchdog depends on ledger-core only among the ledger's modules")
                .check(watchdog);
    }

    @Test
    void theWatchdogUsesNoSpring() {
        noClasses()
                .that()
                .resideInAPackage("org.disclosureledger.watchdog..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.springframework..")
                .because("the watchdog is a plain command-line program")
                .check(watchdog);
    }

    @Test
    void theImportSawTheWatchdogsMainClasses() {
        assertThat(watchdog.stream().map(JavaClass::getName))
                .contains(WatchdogCommand.class.getName())
                .noneMatch(name -> name.endsWith("Test"));
    }
}
