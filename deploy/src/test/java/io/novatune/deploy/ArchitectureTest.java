package io.novatune.deploy;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.novatune.deployfixture.kafka.FixtureSettings;
import io.novatune.deployfixture.misc.FixtureUnfiled;
import io.novatune.deployfixture.replay.FixtureReplay;
import io.novatune.deployfixture.tail.FixtureTail;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * The layout of the deploy module's main code: one package per tool ({@code stack}, {@code replay}, {@code redrive},
 * {@code tail}, {@code schemaimport}) and one per thing they share ({@code kafka}, {@code flags}, {@code standin}). Tools do not
 * import each other, and no import runs back up from a shared package to a tool. The rules are built for a root
 * package, so that the last test can show them failing on a fixture outside {@code io.novatune.deploy}.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ArchitectureTest {

    private static final String ROOT = "io.novatune.deploy";
    private static final String FIXTURE_ROOT = "io.novatune.deployfixture";

    static final List<String> TOOLS = List.of("stack", "replay", "redrive", "tail", "schemaimport");
    static final List<String> SHARED = List.of("kafka", "flags", "standin");

    private static JavaClasses deploy;

    @BeforeAll
    static void importDeploy() {
        deploy = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);
        assertThat(deploy).as("the deploy module's main classes").hasSizeGreaterThan(43);
    }

    @Test
    void the_packages_under_io_novatune_deploy_have_no_cycles() {
        noPackageCycles(ROOT).check(deploy);
    }

    @Test
    void the_shared_packages_depend_on_no_tool_package() {
        sharedPackagesDependOnNoTool(ROOT).check(deploy);
    }

    @Test
    void no_tool_package_depends_on_another_tool_package() {
        toolsDependOnNoOtherTool(ROOT).check(deploy);
    }

    @Test
    void every_class_lives_in_a_tool_package_or_a_shared_one() {
        everyClassInAToolOrSharedPackage(ROOT).check(deploy);
    }

    @Test
    void the_rules_fail_on_a_shared_package_reaching_a_tool_a_tool_reaching_another_and_the_cycle_they_close() {
        JavaClasses violation = new ClassFileImporter().importClasses(
                FixtureSettings.class, FixtureTail.class, FixtureReplay.class, FixtureUnfiled.class);

        assertThatThrownBy(() -> noPackageCycles(FIXTURE_ROOT).check(violation)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("Cycle detected").hasMessageContaining("FixtureSettings")
                .hasMessageContaining("FixtureTail").hasMessageContaining("FixtureReplay");
        assertThatThrownBy(() -> sharedPackagesDependOnNoTool(FIXTURE_ROOT).check(violation)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("FixtureSettings").hasMessageContaining("FixtureTail")
                .hasMessageNotContaining("FixtureReplay.group()");
        assertThatThrownBy(() -> toolsDependOnNoOtherTool(FIXTURE_ROOT).check(violation)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("FixtureTail").hasMessageContaining("FixtureReplay.group()")
                // A tool may use a shared package: replay's call to kafka is no violation.
                .hasMessageNotContaining("FixtureSettings.bootstrap()");
        assertThatThrownBy(() -> everyClassInAToolOrSharedPackage(FIXTURE_ROOT).check(violation)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("FixtureUnfiled").hasMessageNotContaining("FixtureTail");
    }

    static ArchRule noPackageCycles(String root) {
        return slices().matching(root + ".(*)..").should().beFreeOfCycles();
    }

    static ArchRule sharedPackagesDependOnNoTool(String root) {
        return noClasses().that().resideInAnyPackage(packages(root, SHARED))
                .should().dependOnClassesThat().resideInAnyPackage(packages(root, TOOLS))
                .because("a shared package serves every tool: no import runs back up from it to a tool");
    }

    static ArchRule toolsDependOnNoOtherTool(String root) {
        return classes().that().resideInAnyPackage(packages(root, TOOLS))
                .should(dependOnNoOtherTool(root))
                .because("what two tools share moves to a shared package");
    }

    static ArchRule everyClassInAToolOrSharedPackage(String root) {
        return classes().that().resideInAPackage(root + "..")
                .should().resideInAnyPackage(packages(root, Stream.concat(TOOLS.stream(), SHARED.stream()).toList()))
                .because("a new package is a tool's or a shared one, so that the rules above cover it");
    }

    private static String[] packages(String root, List<String> names) {
        return names.stream().map(name -> root + "." + name + "..").toArray(String[]::new);
    }

    private static ArchCondition<JavaClass> dependOnNoOtherTool(String root) {
        return new ArchCondition<>("depend on no other tool's package") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                Optional<String> own = tool(root, type);
                type.getDirectDependenciesFromSelf().stream()
                        .filter(dependency -> tool(root, dependency.getTargetClass()).filter(target -> !own.equals(Optional.of(target))).isPresent())
                        .forEach(dependency -> events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription())));
            }
        };
    }

    /** The tool whose package (or a package below it) holds {@code type}, if any. */
    private static Optional<String> tool(String root, JavaClass type) {
        String packageName = type.getPackageName();
        if (!packageName.startsWith(root + ".")) {
            return Optional.empty();
        }
        String first = packageName.substring(root.length() + 1).split("\\.", 2)[0];
        return TOOLS.contains(first) ? Optional.of(first) : Optional.empty();
    }
}
