package io.novatune.trackapi.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
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
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The layout of track-api: one package per use case (its controller, records, domain code, store and events), plus
 * the mechanisms they share (outbox, inbox, timer, storage, config, web). These rules keep it so.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ArchitectureTest {

    private static final String ROOT = "io.novatune.trackapi";

    // Constants, so that the last test can show them failing on a violation.
    static final ArchRule NO_PACKAGE_CYCLES = slices().matching(ROOT + ".(*)..").should().beFreeOfCycles();

    static final ArchRule CONTROLLERS_DO_NOT_READ_STORES = noClasses()
            .that().areAnnotatedWith(RestController.class)
            .should().dependOnClassesThat().haveSimpleNameEndingWith("Store")
            .because("a controller reaches the database only through its use case");

    static final ArchRule NOTHING_DEPENDS_ON_A_CONTROLLER = noClasses()
            .that(DescribedPredicate.not(partOfAController()))
            .should().dependOnClassesThat(partOfAController())
            .because("controllers are entry points, not building blocks");

    /**
     * The track aggregate's store ({@code track.TrackStore}) serves every use case; any other use case's store is its
     * own.
     */
    static final ArchRule STORES_STAY_IN_THEIR_USE_CASE = classes()
            .that().haveSimpleNameEndingWith("Store").and().doNotHaveFullyQualifiedName(ROOT + ".track.TrackStore")
            .should(beAccessedOnlyFromTheirOwnPackage())
            .because("use cases do not reach into each other's stores");

    static final ArchRule DOMAIN_RECORDS_ARE_FREE_OF_SPRING_AND_R2DBC = noClasses()
            .that().areRecords()
            .and().resideInAnyPackage(ROOT + ".track..", ROOT + ".deletion..", ROOT + ".archive..", ROOT + ".album..",
                    ROOT + ".quota..", ROOT + ".library..", ROOT + ".playback..", ROOT + ".upload..")
            .and().haveSimpleNameNotEndingWith("Request")
            .and().haveSimpleNameNotEndingWith("Response")
            .and().haveSimpleNameNotEndingWith("Params")
            .and().haveSimpleNameNotEndingWith("Properties")
            .and().haveSimpleNameNotEndingWith("Policy")
            .and().areNotNestedClasses()
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "io.r2dbc..");

    private static JavaClasses trackApi;

    @BeforeAll
    static void importTrackApi() {
        trackApi = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);
        assertThat(trackApi).as("track-api's classes").hasSizeGreaterThan(100);
    }

    @Test
    void packages_have_no_cycles() {
        NO_PACKAGE_CYCLES.check(trackApi);
    }

    @Test
    void controllers_do_not_read_stores() {
        CONTROLLERS_DO_NOT_READ_STORES.check(trackApi);
    }

    @Test
    void nothing_depends_on_a_controller() {
        NOTHING_DEPENDS_ON_A_CONTROLLER.check(trackApi);
    }

    @Test
    void a_use_cases_store_is_reached_only_from_its_own_package() {
        STORES_STAY_IN_THEIR_USE_CASE.check(trackApi);
    }

    @Test
    void domain_records_are_free_of_spring_and_r2dbc() {
        DOMAIN_RECORDS_ARE_FREE_OF_SPRING_AND_R2DBC.check(trackApi);
    }

    @Test
    void the_rules_fail_on_a_controller_reading_another_use_cases_store() {
        JavaClasses violation = new ClassFileImporter().importClasses(
                io.novatune.archfixture.ShortcutController.class,
                io.novatune.archfixture.store.ShortcutStore.class);

        assertThatThrownBy(() -> CONTROLLERS_DO_NOT_READ_STORES.check(violation)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("ShortcutController").hasMessageContaining("ShortcutStore");
        assertThatThrownBy(() -> STORES_STAY_IN_THEIR_USE_CASE.check(violation)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("ShortcutStore");
    }

    /** A controller, or a request/response record nested in one. */
    private static DescribedPredicate<JavaClass> partOfAController() {
        return DescribedPredicate.describe("are part of a controller", type -> type.isAnnotatedWith(RestController.class)
                || type.getEnclosingClass().map(outer -> outer.isAnnotatedWith(RestController.class)).orElse(false));
    }

    private static ArchCondition<JavaClass> beAccessedOnlyFromTheirOwnPackage() {
        return new ArchCondition<>("be reached only from their own package") {
            @Override
            public void check(JavaClass store, ConditionEvents events) {
                store.getDirectDependenciesToSelf().stream()
                        .filter(dependency -> !dependency.getOriginClass().getPackageName().equals(store.getPackageName()))
                        .forEach(dependency -> events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription())));
            }
        };
    }
}
