package org.claimledger;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.persistence.Entity;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The house rules of the package layout, kept by ArchUnit over the compiled main classes. */
class ArchitectureTest {

    private static final String[] FEATURES = {"org.claimledger.claim..", "org.claimledger.article..",
            "org.claimledger.history..", "org.claimledger.security..", "org.claimledger.matching.."};

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.claimledger");
    }

    @Test
    void shouldHaveNoCyclesBetweenFeatures() {
        slices().matching("org.claimledger.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void shouldHaveNoCyclesInsideCommon() {
        slices().matching("org.claimledger.common.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void shouldKeepCommonIndependentOfEveryFeature() {
        noClasses().that().resideInAPackage("org.claimledger.common..")
                .should().dependOnClassesThat().resideInAnyPackage(FEATURES).check(classes);
    }

    @Test
    void shouldKeepRepositoriesAndEntitiesOutOfResources() {
        noClasses().that().haveSimpleNameEndingWith("Resource")
                .should().dependOnClassesThat().haveSimpleNameEndingWith("Repository")
                .orShould().dependOnClassesThat().areAnnotatedWith(Entity.class)
                .check(classes);
    }
}
