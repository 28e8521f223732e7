package io.novatune.ingestion.architecture;

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

import static io.novatune.testsupport.architecture.ServiceRules.arePartOfAnEntryPoint;
import static io.novatune.testsupport.architecture.ServiceRules.areStoresOrAdaptersOf;
import static io.novatune.testsupport.architecture.ServiceRules.entryPointsDoNotReach;
import static io.novatune.testsupport.architecture.ServiceRules.nothingDependsOnAnEntryPoint;
import static io.novatune.testsupport.architecture.ServiceRules.packagesHaveNoCycles;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The layout of ingestion-scheduler: the decision and the operator's view of it ({@code scheduling}), the ledger
 * ({@code ledger}, PostgreSQL), Kafka ({@code messaging}), the operator API ({@code web}) and {@code config}.
 * These rules keep it so; the last tests show each rule failing on a deliberate violation in
 * {@code io.novatune.archfixture.ingestion}, outside the packages Spring scans.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ArchitectureTest {

    private static final String ROOT = "io.novatune.ingestion";
    private static final String FIXTURE = "io.novatune.archfixture.ingestion";

    private static JavaClasses scheduler;
    private static JavaClasses violations;

    @BeforeAll
    static void importClasses() {
        scheduler = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);
        assertThat(scheduler).as("ingestion-scheduler's classes").hasSizeGreaterThan(25);
        violations = new ClassFileImporter().importPackages(FIXTURE);
        assertThat(violations).as("the violation fixture").isNotEmpty();
    }

    @Test
    void packages_have_no_cycles() {
        packagesHaveNoCycles(ROOT).check(scheduler);
    }

    @Test
    void nothing_depends_on_a_controller_or_an_endpoint_but_itself_and_its_nested_types() {
        nothingDependsOnAnEntryPoint().check(scheduler);
    }

    @Test
    void controllers_and_endpoints_do_not_reach_the_ledger_or_jdbc() {
        entryPointsDoNotReachStorage().check(scheduler);
    }

    @Test
    void the_rules_see_the_schedulers_controller_and_its_ledger() {
        // Otherwise the controller rules would pass for want of anything to check.
        assertThat(scheduler.stream().filter(arePartOfAnEntryPoint()).map(JavaClass::getSimpleName))
                .contains("IngestionController");
        assertThat(scheduler.stream().filter(areStoresOrStorageAdapters()).map(JavaClass::getSimpleName))
                .contains("IsrcLedger");
    }

    @Test
    void the_cycle_rule_fails_on_the_ledger_calling_back_into_the_decision() {
        assertThatThrownBy(() -> packagesHaveNoCycles(FIXTURE).check(violations)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("LedgerThatDecides").hasMessageContaining("DecisionOverTheLedger");
    }

    @Test
    void the_entry_point_rule_fails_on_a_class_using_a_controller_and_spares_the_controllers_nested_types() {
        List<String> details = nothingDependsOnAnEntryPoint().evaluate(violations).getFailureReport().getDetails();
        JavaClasses controllerAlone = new ClassFileImporter().importClasses(
                io.novatune.archfixture.ingestion.web.ShortcutController.class,
                io.novatune.archfixture.ingestion.web.ShortcutController.Answer.class);

        assertThat(details).isNotEmpty().allSatisfy(detail -> assertThat(detail)
                .startsWith(detail.substring(0, detail.indexOf('<')) + "<" + FIXTURE + ".scheduling.ReusesTheController."));
        // The controller and its nested Answer use each other: that is allowed.
        nothingDependsOnAnEntryPoint().check(controllerAlone);
    }

    @Test
    void the_storage_rule_fails_on_a_controller_reading_a_ledger_and_a_jdbc_adapter() {
        assertThatThrownBy(() -> entryPointsDoNotReachStorage().check(violations)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("ShortcutController")
                .hasMessageContaining("ShortcutLedger")
                .hasMessageContaining("RawJdbcAdapter");
    }

    private static DescribedPredicate<JavaClass> areStoresOrStorageAdapters() {
        return areStoresOrAdaptersOf("org.springframework.jdbc", "java.sql", "javax.sql");
    }

    private static ArchRule entryPointsDoNotReachStorage() {
        return entryPointsDoNotReach(areStoresOrStorageAdapters());
    }
}
