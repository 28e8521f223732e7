package io.novatune.lifecycle.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.web.annotation.WebEndpoint;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.stream.Stream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
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

    static ArchRule packagesHaveNoCycles(String root) {
        return slices().matching(root + ".(*)..").should().beFreeOfCycles();
    }

    static ArchRule nothingDependsOnAnEntryPoint() {
        return classes().should(dependOnNoEntryPointButTheirOwn())
                .because("controllers and actuator endpoints are entry points, not building blocks");
    }

    static ArchRule entryPointsDoNotReachStorage() {
        return noClasses().that(arePartOfAnEntryPoint())
                .should().dependOnClassesThat(areStoresOrStorageAdapters())
                .because("an entry point reaches storage only through its use case");
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

    /** A controller or actuator endpoint, or a type nested in one (its records, lambdas, anonymous classes). */
    private static DescribedPredicate<JavaClass> arePartOfAnEntryPoint() {
        return DescribedPredicate.describe("are part of a controller or an endpoint",
                type -> isEntryPoint(outermost(type)));
    }

    private static boolean isEntryPoint(JavaClass type) {
        return Stream.of(RestController.class, Endpoint.class, WebEndpoint.class)
                .anyMatch(annotation -> type.isAnnotatedWith(annotation) || type.isMetaAnnotatedWith(annotation));
    }

    /**
     * Named like a store or a ledger, or an adapter that uses JDBC or the S3 client itself (or is one of their
     * types).
     */
    private static DescribedPredicate<JavaClass> areStoresOrStorageAdapters() {
        return DescribedPredicate.describe("are stores, ledgers, or JDBC or S3 adapters", type -> {
            JavaClass base = type.getBaseComponentType();
            return base.getSimpleName().endsWith("Store") || base.getSimpleName().endsWith("Ledger")
                    || isJdbcOrS3(base)
                    || base.getDirectDependenciesFromSelf().stream().map(Dependency::getTargetClass)
                    .anyMatch(ArchitectureTest::isJdbcOrS3);
        });
    }

    private static boolean isJdbcOrS3(JavaClass type) {
        String name = type.getBaseComponentType().getPackageName();
        return Stream.of("org.springframework.jdbc", "java.sql", "javax.sql", "software.amazon.awssdk")
                .anyMatch(prefix -> name.equals(prefix) || name.startsWith(prefix + "."));
    }

    /**
     * A dependency on an entry point is allowed only from within it: the class itself and the types nested in it.
     */
    private static ArchCondition<JavaClass> dependOnNoEntryPointButTheirOwn() {
        return new ArchCondition<>("depend on no controller or endpoint but the one they are part of") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                String home = outermost(origin).getName();
                origin.getDirectDependenciesFromSelf().stream()
                        .filter(dependency -> {
                            JavaClass target = outermost(dependency.getTargetClass().getBaseComponentType());
                            return isEntryPoint(target) && !target.getName().equals(home);
                        })
                        .forEach(dependency -> events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription())));
            }
        };
    }

    private static JavaClass outermost(JavaClass type) {
        JavaClass outer = type;
        while (outer.getEnclosingClass().isPresent()) {
            outer = outer.getEnclosingClass().get();
        }
        return outer;
    }
}
