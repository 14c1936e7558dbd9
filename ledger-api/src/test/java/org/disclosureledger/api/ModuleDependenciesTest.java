package org.disclosureledger.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The modules depend one way: api -> projections -> core. */
class ModuleDependenciesTest {

    private static JavaClasses ledger;

    @BeforeAll
    static void importTheLedger() {
        ledger = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TEST_FIXTURES)
                .importPackages("org.disclosureledger");
    }

    @Test
    void theCoreDependsOnNeitherProjectionsNorTheApi() {
        noClasses()
                .that()
                .resideInAPackage("org.disclosureledger.core..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.disclosureledger.projections..", "org.disclosureledger.api..")
                .because("the domain is the innermost module")
                .check(ledger);
    }

    @Test
    void projectionsDoNotDependOnTheApi() {
        noClasses()
                .that()
                .resideInAPackage("org.disclosureledger.projections..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.disclosureledger.api..")
                .because("read models are served by the API, not the other way round")
                .check(ledger);
    }

    @Test
    void theEmbeddedServersKnowNothingOfTheLedger() {
        noClasses()
                .that()
                .resideInAPackage("org.disclosureledger.embedded..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.disclosureledger.core..",
                        "org.disclosureledger.projections..",
                        "org.disclosureledger.api..")
                .because("they are plain servers that the application and the tests start")
                .check(ledger);
    }

    @Test
    void theImportSawAllFourModules() {
        org.assertj.core.api.Assertions.assertThat(ledger.stream().map(c -> c.getPackageName()))
                .anyMatch(p -> p.startsWith("org.disclosureledger.core"))
                .anyMatch(p -> p.startsWith("org.disclosureledger.projections"))
                .anyMatch(p -> p.startsWith("org.disclosureledger.embedded"))
                .anyMatch(p -> p.startsWith("org.disclosureledger.api"));
    }
}
