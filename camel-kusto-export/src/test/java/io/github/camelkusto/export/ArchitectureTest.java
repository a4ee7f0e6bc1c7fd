package io.github.camelkusto.export;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The component's parts, checked on its compiled classes: no package cycle, and each part uses only the parts below
 * it. The layering is the one the code has: a command is parsed first and knows no other part; the query source
 * only runs the engine; storage resolves the command's storage literals; an artifact is encoded and written into a
 * storage target (so storage sits below artifact, although the data reaches it after encoding); operations track
 * whole export runs; the cluster part reaches Azure Data Explorer (pushdown, the
 * client-side source seam) and reads operations' tables; the component root wires them all and nothing depends on it.
 */
class ArchitectureTest {
    private static final JavaClasses COMPONENT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.github.camelkusto.export");

    @Test
    void componentPackagesFormNoCycle() {
        slices().matching("io.github.camelkusto.export.(**)").should().beFreeOfCycles().check(COMPONENT);
    }

    @Test
    void eachPartUsesOnlyThePartsBelowIt() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("component").definedBy("io.github.camelkusto.export")
                .layer("command").definedBy("io.github.camelkusto.export.command..")
                .layer("source").definedBy("io.github.camelkusto.export.source..")
                .layer("storage").definedBy("io.github.camelkusto.export.storage..")
                .layer("artifact").definedBy("io.github.camelkusto.export.artifact..")
                .layer("operation").definedBy("io.github.camelkusto.export.operation..")
                .layer("cluster").definedBy("io.github.camelkusto.export.cluster..")
                .whereLayer("command").mayNotAccessAnyLayer()
                .whereLayer("source").mayOnlyAccessLayers("command")
                .whereLayer("storage").mayOnlyAccessLayers("command")
                .whereLayer("artifact").mayOnlyAccessLayers("command", "source", "storage")
                .whereLayer("operation").mayOnlyAccessLayers("command", "source", "storage", "artifact")
                .whereLayer("cluster").mayOnlyAccessLayers("command", "source", "storage", "operation")
                .check(COMPONENT);
    }

    @Test
    void theComponentWasImported() {
        // guards the rules above against passing vacuously on an empty import
        assertThat(COMPONENT.size()).isGreaterThan(50);
    }
}
