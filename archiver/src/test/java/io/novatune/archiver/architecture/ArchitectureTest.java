package io.novatune.archiver.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static io.novatune.testsupport.architecture.ServiceRules.packagesHaveNoCycles;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The layout of the archiver: the use case ({@code archiving}: ArchiveDue in, each asset fetched, verified and
 * stored, results out) on two building blocks that know nothing of it or of each other — {@code provider} (the
 * hostile-URL guard and the fetch) and {@code storage} (keys and the S3 copy) — and {@code config}.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ArchitectureTest {

    private static final String ROOT = "io.novatune.archiver";
    private static final String FIXTURE = "io.novatune.archfixture.archiver";

    private static JavaClasses archiver;

    @BeforeAll
    static void importClasses() {
        archiver = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);
        assertThat(archiver).as("the archiver's classes").hasSizeGreaterThan(20);
    }

    static ArchRule buildingBlocksStandAlone(String root) {
        return noClasses().that().resideInAnyPackage(root + ".provider..", root + ".storage..")
                .should().dependOnClassesThat().resideInAnyPackage(root + ".archiving..")
                .because("fetching and storing serve the archiving, not the other way round");
    }

    @Test
    void packages_have_no_cycles() {
        packagesHaveNoCycles(ROOT).check(archiver);
    }

    @Test
    void the_provider_fetch_and_the_storage_know_nothing_of_the_archiving() {
        buildingBlocksStandAlone(ROOT).check(archiver);
    }

    @Test
    void the_provider_fetch_and_the_storage_know_nothing_of_each_other() {
        noClasses().that().resideInAPackage(ROOT + ".provider..").should().dependOnClassesThat().resideInAPackage(ROOT + ".storage..")
                .check(archiver);
        noClasses().that().resideInAPackage(ROOT + ".storage..").should().dependOnClassesThat().resideInAPackage(ROOT + ".provider..")
                .check(archiver);
    }

    @Test
    void the_rules_fail_on_storage_and_archiving_using_each_other() {
        JavaClasses violations = new ClassFileImporter().importPackages(FIXTURE);

        assertThatThrownBy(() -> packagesHaveNoCycles(FIXTURE).check(violations)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("SweepOfKinds").hasMessageContaining("KindsOfArchiving");
        assertThatThrownBy(() -> buildingBlocksStandAlone(FIXTURE).check(violations)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("SweepOfKinds");
    }
}
