package io.github.camelkusto.kql;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The engine's package structure, checked on its compiled classes: the build fails on a package cycle or on a
 * dependency on Camel (the code-level twin of the enforcer rule in the pom).
 */
class ArchitectureTest {
    private static final JavaClasses ENGINE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.github.camelkusto.kql");

    @Test
    void enginePackagesFormNoCycle() {
        // every package is its own slice: kql, kql.functions and kql.functions.builtin are three
        slices().matching("io.github.camelkusto.(**)").should().beFreeOfCycles().check(ENGINE);
    }

    @Test
    void engineClassesDoNotDependOnCamel() {
        noClasses().should().dependOnClassesThat().resideInAPackage("org.apache.camel..").check(ENGINE);
    }

    @Test
    void theEngineWasImported() {
        // guards the two rules above against passing vacuously on an empty import
        assertThat(ENGINE.size()).isGreaterThan(100);
    }
}
