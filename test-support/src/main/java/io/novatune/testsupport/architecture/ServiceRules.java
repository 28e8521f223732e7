package io.novatune.testsupport.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.List;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * The ArchUnit rules every service's layout test applies: packages free of cycles, entry points (controllers,
 * actuator endpoints) that nothing else uses, and entry points that reach storage only through their use case.
 */
public final class ServiceRules {

    private static final List<String> ENTRY_POINT_ANNOTATIONS = List.of(
            "org.springframework.web.bind.annotation.RestController",
            "org.springframework.boot.actuate.endpoint.annotation.Endpoint",
            "org.springframework.boot.actuate.endpoint.web.annotation.WebEndpoint");

    private ServiceRules() {
    }

    public static ArchRule packagesHaveNoCycles(String root) {
        return slices().matching(root + ".(*)..").should().beFreeOfCycles();
    }

    public static ArchRule nothingDependsOnAnEntryPoint() {
        return classes().should(dependOnNoEntryPointButTheirOwn())
                .because("controllers and actuator endpoints are entry points, not building blocks");
    }

    public static ArchRule entryPointsDoNotReach(DescribedPredicate<JavaClass> storage) {
        return noClasses().that(arePartOfAnEntryPoint())
                .should().dependOnClassesThat(storage)
                .because("an entry point reaches storage only through its use case");
    }

    /** A controller or actuator endpoint, or a type nested in one (its records, lambdas, anonymous classes). */
    public static DescribedPredicate<JavaClass> arePartOfAnEntryPoint() {
        return DescribedPredicate.describe("are part of a controller or an endpoint",
                type -> isEntryPoint(outermost(type)));
    }

    /**
     * Named like a store or a ledger, or an adapter that uses one of these storage libraries itself (or is one of
     * their types); {@code libraries} are package prefixes such as {@code org.springframework.jdbc}.
     */
    public static DescribedPredicate<JavaClass> areStoresOrAdaptersOf(String... libraries) {
        return DescribedPredicate.describe("are stores, ledgers, or adapters of " + String.join(", ", libraries), type -> {
            JavaClass base = type.getBaseComponentType();
            return base.getSimpleName().endsWith("Store") || base.getSimpleName().endsWith("Ledger")
                    || isIn(base, libraries)
                    || base.getDirectDependenciesFromSelf().stream().map(Dependency::getTargetClass)
                    .anyMatch(target -> isIn(target, libraries));
        });
    }

    private static boolean isIn(JavaClass type, String... libraries) {
        String name = type.getBaseComponentType().getPackageName();
        return List.of(libraries).stream().anyMatch(prefix -> name.equals(prefix) || name.startsWith(prefix + "."));
    }

    private static boolean isEntryPoint(JavaClass type) {
        return ENTRY_POINT_ANNOTATIONS.stream()
                .anyMatch(annotation -> type.isAnnotatedWith(annotation) || type.isMetaAnnotatedWith(annotation));
    }

    /** A dependency on an entry point is allowed only from within it: the class itself and the types nested in it. */
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
