package io.novatune.lifecycle.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static io.novatune.testsupport.architecture.ServiceRules.arePartOfAnEntryPoint;
import static io.novatune.testsupport.architecture.ServiceRules.areStoresOrAdaptersOf;
import static io.novatune.testsupport.architecture.ServiceRules.entryPointsDoNotReach;
import static io.novatune.testsupport.architecture.ServiceRules.nothingDependsOnAnEntryPoint;
import static io.novatune.testsupport.architecture.ServiceRules.packagesHaveNoCycles;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The layout of lifecycle-worker: the use cases ({@code purge}, {@code visibility}, {@code orphans}: the sweep),
 * the track-api client and its credentials ({@code trackapi}), object storage ({@code storage}), Kafka
 * ({@code messaging}) and {@code config}. These rules keep it so; the last tests show each rule failing on a
 * deliberate violation in {@code io.novatune.archfixture.lifecycle}, outside the packages Spring scans.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ArchitectureTest {

    private static final String ROOT = "io.novatune.lifecycle";
    private static final String FIXTURE = "io.novatune.archfixture.lifecycle";

    private static JavaClasses worker;
    private static JavaClasses violations;

    @BeforeAll
    static void importClasses() {
        worker = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);
        assertThat(worker).as("lifecycle-worker's classes").hasSizeGreaterThan(30);
        violations = new ClassFileImporter().importPackages(FIXTURE);
        assertThat(violations).as("the violation fixture").isNotEmpty();
    }

    static ArchRule theTrackApiClientDoesNotDependOnTheSweep(String root) {
        return noClasses().that().resideInAPackage(root + ".trackapi..")
                .should().dependOnClassesThat().resideInAPackage(root + ".orphans..")
                .because("the client and its credentials serve the sweep, not the other way round");
    }

    @Test
    void packages_have_no_cycles() {
        packagesHaveNoCycles(ROOT).check(worker);
    }

    @Test
    void nothing_depends_on_a_controller_or_an_endpoint_but_itself_and_its_nested_types() {
        nothingDependsOnAnEntryPoint().check(worker);
    }

    @Test
    void controllers_and_endpoints_do_not_reach_stores_or_the_s3_client() {
        entryPointsDoNotReachStorage().check(worker);
    }

    @Test
    void the_track_api_client_does_not_depend_on_the_sweep() {
        theTrackApiClientDoesNotDependOnTheSweep(ROOT).check(worker);
    }

    @Test
    void the_rules_see_the_workers_endpoint_and_its_storage() {
        // Otherwise the endpoint rules would pass for want of anything to check.
        assertThat(worker.stream().filter(arePartOfAnEntryPoint()).map(JavaClass::getSimpleName))
                .contains("OrphanSweepEndpoint");
        assertThat(worker.stream().filter(areStoresOrStorageAdapters()).map(JavaClass::getSimpleName))
                .contains("ObjectStore", "S3Config");
    }

    @Test
    void the_cycle_rule_fails_on_the_sweep_and_the_client_using_each_other() {
        assertThatThrownBy(() -> packagesHaveNoCycles(FIXTURE).check(violations)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("ChattyClient").hasMessageContaining("SweepThatCallsBack");
    }

    @Test
    void the_entry_point_rule_fails_on_a_class_using_an_endpoint_and_spares_the_endpoints_nested_types() {
        List<String> details = nothingDependsOnAnEntryPoint().evaluate(violations).getFailureReport().getDetails();
        JavaClasses endpointAlone = new ClassFileImporter().importClasses(
                io.novatune.archfixture.lifecycle.orphans.ShortcutEndpoint.class,
                io.novatune.archfixture.lifecycle.orphans.ShortcutEndpoint.Answer.class);

        assertThat(details).isNotEmpty().allSatisfy(detail -> assertThat(detail)
                .startsWith(detail.substring(0, detail.indexOf('<')) + "<" + FIXTURE + ".orphans.ReusesTheEndpoint."));
        // The endpoint and its nested Answer use each other: that is allowed.
        nothingDependsOnAnEntryPoint().check(endpointAlone);
    }

    @Test
    void the_storage_rule_fails_on_an_endpoint_reaching_a_store_and_an_s3_adapter() {
        assertThatThrownBy(() -> entryPointsDoNotReachStorage().check(violations)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("ShortcutEndpoint")
                .hasMessageContaining("ShortcutStore")
                .hasMessageContaining("RawS3Adapter");
    }

    @Test
    void the_client_rule_fails_on_a_track_api_client_using_the_sweep() {
        assertThatThrownBy(() -> theTrackApiClientDoesNotDependOnTheSweep(FIXTURE).check(violations))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("ChattyClient").hasMessageContaining("SweepThatCallsBack");
    }

    private static DescribedPredicate<JavaClass> areStoresOrStorageAdapters() {
        return areStoresOrAdaptersOf("org.springframework.jdbc", "java.sql", "javax.sql", "software.amazon.awssdk");
    }

    private static ArchRule entryPointsDoNotReachStorage() {
        return entryPointsDoNotReach(areStoresOrStorageAdapters());
    }
}
