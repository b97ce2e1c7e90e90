package io.sparta.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering the code keeps: Mojos over a core that knows nothing of Maven, AWS only below the Mojos, stage
 * packages without cycles, and a public API that exposes nothing of the annotation processor.
 */
class LayeringTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.sparta");
    }

    @Test
    void theCoreKnowsNothingOfMaven() {
        noClasses()
                .that()
                .resideInAPackage("io.sparta.core..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.apache.maven..", "org.codehaus.plexus..", "io.sparta.maven..")
                .check(classes);
    }

    @Test
    void theMojosHandleNoAwsSdkType() {
        noClasses()
                .that()
                .resideInAPackage("io.sparta.maven..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("software.amazon..")
                .check(classes);
    }

    @Test
    void thePublicApiExposesNoProcessorType() {
        noClasses()
                .that()
                .resideInAPackage("io.sparta.api..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.sparta.annotations.processing..")
                .check(classes);
    }

    @Test
    void theAnnotationsUsersImportKnowNothingOfTheirProcessor() {
        noClasses()
                .that()
                .resideInAPackage("io.sparta.annotations")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.sparta.annotations.processing..")
                .check(classes);
    }

    @Test
    void theCoresStagePackagesHaveNoCycle() {
        slices().matching("io.sparta.core.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void theModulesPackagesHaveNoCycle() {
        slices().matching("io.sparta.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void theSharedLeafDependsOnNoStage() {
        noClasses()
                .that()
                .resideInAPackage("io.sparta.core.common..")
                .should()
                .dependOnClassesThat()
                .resideOutsideOfPackages("io.sparta.core.common..", "java..", "com.fasterxml.jackson..")
                .check(classes);
    }
}
