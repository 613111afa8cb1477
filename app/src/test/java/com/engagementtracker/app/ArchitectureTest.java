package com.engagementtracker.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The structure: {@code api} (messages and value types) depends on nothing of ours; {@code command} and
 * {@code query} never on each other, so that each can run as a service of its own; nothing on {@code app};
 * and no package depends on itself through others.
 */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.engagementtracker");

    @Test
    void apiDependsOnNothingOfOurs() {
        noClasses().that().resideInAPackage("com.engagementtracker.api..")
                .should().dependOnClassesThat().resideInAnyPackage("com.engagementtracker.command..",
                        "com.engagementtracker.query..", "com.engagementtracker.app..")
                .check(CLASSES);
    }

    @Test
    void commandAndQueryNeverDependOnEachOther() {
        noClasses().that().resideInAPackage("com.engagementtracker.command..")
                .should().dependOnClassesThat().resideInAPackage("com.engagementtracker.query..").check(CLASSES);
        noClasses().that().resideInAPackage("com.engagementtracker.query..")
                .should().dependOnClassesThat().resideInAPackage("com.engagementtracker.command..").check(CLASSES);
    }

    @Test
    void nothingDependsOnTheApp() {
        noClasses().that().resideOutsideOfPackage("com.engagementtracker.app..")
                .should().dependOnClassesThat().resideInAPackage("com.engagementtracker.app..").check(CLASSES);
    }

    @Test
    void noPackageCycles() {
        slices().matching("com.engagementtracker.(**)").should().beFreeOfCycles().check(CLASSES);
    }
}
