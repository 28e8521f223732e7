package io.novatune.discovery.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * discovery-service is laid out by use case (tracklist, parsing, jobs, catalog, identification, musicbrainz, discogs)
 * plus what they share (lookup, outbox, web, config).
 */
class ArchitectureTest {

    private static final String ROOT = "io.novatune.discovery";

    static final ArchRule NO_PACKAGE_CYCLES = slices().matching(ROOT + ".(*)..").should().beFreeOfCycles();

    static final ArchRule THE_PARSER_IS_A_PLAIN_LIBRARY = noClasses().that().resideInAnyPackage(ROOT + ".parsing..", ROOT + ".identification..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "io.r2dbc..", "reactor..",
                    ROOT + ".tracklist..", ROOT + ".web..", ROOT + ".config..", ROOT + ".jobs..", ROOT + ".catalog..",
                    ROOT + ".lookup..", ROOT + ".outbox..")
            .because("the parser and the match scoring are libraries, usable and testable without Spring");

    static final ArchRule CONTROLLERS_DO_NOT_READ_STORES = noClasses().that().areAnnotatedWith(RestController.class)
            .should().dependOnClassesThat().haveSimpleNameEndingWith("Store")
            .because("a controller reaches the database only through its use case");

    static final ArchRule NO_CATCH_ALL_PACKAGES = noClasses()
            .should().resideInAnyPackage("..common..", "..util..", "..utils..", "..helpers..", "..shared..")
            .because("code lives with the use case it serves");

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);
        assertThat(classes).hasSizeGreaterThan(20);
    }

    @Test
    void packages_have_no_cycles() {
        NO_PACKAGE_CYCLES.check(classes);
    }

    @Test
    void the_parser_and_the_scoring_depend_on_no_spring_reactor_or_other_package_of_the_service() {
        THE_PARSER_IS_A_PLAIN_LIBRARY.check(classes);
    }

    @Test
    void controllers_do_not_read_stores() {
        CONTROLLERS_DO_NOT_READ_STORES.check(classes);
    }

    @Test
    void there_are_no_common_util_or_helpers_packages() {
        NO_CATCH_ALL_PACKAGES.check(classes);
    }

    @Test
    void the_rules_fail_on_a_violation() {
        JavaClasses fixture = new ClassFileImporter().importClasses(
                io.novatune.discovery.tracklist.TracklistController.class, io.novatune.discovery.tracklist.TracklistStore.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CONTROLLERS_DO_NOT_READ_STORES.check(
                new ClassFileImporter().importClasses(ViolatingController.class, io.novatune.discovery.tracklist.TracklistStore.class)))
                .isInstanceOf(AssertionError.class);
        CONTROLLERS_DO_NOT_READ_STORES.check(fixture);
    }

    @RestController
    static class ViolatingController {
        io.novatune.discovery.tracklist.TracklistStore store;
    }
}
