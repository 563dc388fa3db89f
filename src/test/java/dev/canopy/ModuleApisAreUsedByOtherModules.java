package dev.canopy;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaParameter;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import dev.canopy.shared.DomainEvent;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Service;

/**
 * A module's base package is its API. The house shape (ARCHITECTURE.md) puts there its use-case services
 * (plural, named after the domain), the ids, events and views they speak in, and what other modules use; a
 * type there that is none of these (a configuration, a helper component, an exception only its own pages
 * catch) belongs in the module's {@code internal} or {@code web} package, so that the next module copies a
 * narrow API. The API is worked out as a closure: the roots are domain events, {@code @Service}s and types
 * another module uses, and extension points (interfaces the module calls that no class of its own implements:
 * other modules implement them, as comarketing will {@code payouts.Reimbursements}); every type a root names in its
 * public signature (record components, public fields, public methods' parameters and results, permitted subtypes) is
 * API too. An interface whose implementation is in its own module is no extension point: it belongs inside.
 */
class ModuleApisAreUsedByOtherModules {

    /** The rule for the modules directly under {@code root}. */
    static ArchRule apiTypesAreUsedElsewhere(String root) {
        DescribedPredicate<JavaClass> inABasePackage = DescribedPredicate.describe(
                "in a module's base package",
                c -> inABasePackage(root, c)
                        && !c.getPackageName().equals(root + ".shared")
                        && !c.getSimpleName().equals("package-info")
                        && c.getEnclosingClass().isEmpty());
        ArchCondition<JavaClass> partOfTheApi = new ArchCondition<>("be part of the module's API") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                if (!api(type.getPackage().getClasses()).contains(type)) {
                    String module = type.getPackageName().substring(root.length() + 1);
                    events.add(SimpleConditionEvent.violated(
                            type,
                            type.getName() + " is used by no other module and named by no API type: move it into "
                                    + module + ".internal or .web"));
                }
            }
        };
        return classes()
                .that(inABasePackage)
                .should(partOfTheApi)
                .because("a module's API is what other modules use")
                .allowEmptyShould(true);
    }

    private static boolean inABasePackage(String root, JavaClass c) {
        return c.getPackageName().startsWith(root + ".")
                && !c.getPackageName().substring(root.length() + 1).contains(".");
    }

    /** The top-level types of one base package that are its API: the roots and what they name, transitively. */
    private static Set<JavaClass> api(Set<JavaClass> basePackage) {
        Set<JavaClass> api = new HashSet<>();
        Deque<JavaClass> pending = new ArrayDeque<>();
        basePackage.stream().filter(ModuleApisAreUsedByOtherModules::isRoot).forEach(pending::push);
        while (!pending.isEmpty()) {
            JavaClass type = topLevel(pending.pop());
            if (api.add(type)) {
                basePackage.stream()
                        .filter(c -> topLevel(c).equals(type))
                        .flatMap(ModuleApisAreUsedByOtherModules::named)
                        .filter(basePackage::contains)
                        .forEach(pending::push);
            }
        }
        return api;
    }

    private static boolean isRoot(JavaClass type) {
        String module = type.getPackageName();
        return type.isAssignableTo(DomainEvent.class)
                || type.isAnnotatedWith(Service.class)
                || (type.isInterface()
                        && type.getAllSubclasses().stream()
                                .map(JavaClass::getPackageName)
                                .noneMatch(p -> p.equals(module) || p.startsWith(module + ".")))
                || type.getDirectDependenciesToSelf().stream()
                        .map(d -> d.getOriginClass().getPackageName())
                        .anyMatch(p -> !p.equals(module) && !p.startsWith(module + "."));
    }

    private static Stream<JavaClass> named(JavaClass type) {
        Stream<JavaClass> fields = type.getFields().stream()
                .filter(f -> type.isRecord() || f.getModifiers().contains(JavaModifier.PUBLIC))
                .map(JavaField::getType)
                .flatMap(t -> t.getAllInvolvedRawTypes().stream());
        Stream<JavaClass> methods = type.getCodeUnits().stream()
                .filter(m -> m.getModifiers().contains(JavaModifier.PUBLIC))
                .flatMap(ModuleApisAreUsedByOtherModules::signature);
        return Stream.of(fields, methods, type.getSubclasses().stream()).flatMap(s -> s);
    }

    private static Stream<JavaClass> signature(JavaCodeUnit method) {
        return Stream.concat(
                method.getReturnType().getAllInvolvedRawTypes().stream(),
                method.getParameters().stream()
                        .map(JavaParameter::getType)
                        .flatMap(t -> t.getAllInvolvedRawTypes().stream()));
    }

    private static JavaClass topLevel(JavaClass type) {
        return type.getEnclosingClass()
                .map(ModuleApisAreUsedByOtherModules::topLevel)
                .orElse(type);
    }

    @Test
    void theRuleFlagsATypeOnlyItsOwnModuleUsesAndPassesTheApiAndWhatItNames() {
        JavaClasses fixtures = new ClassFileImporter().importPackages("dev.canopy.archfixtures.modules");

        EvaluationResult result =
                apiTypesAreUsedElsewhere("dev.canopy.archfixtures.modules").evaluate(fixtures);

        assertThat(result.getFailureReport().getDetails())
                .anySatisfy(d -> assertThat(d).contains("AlphaForm is used by no other module"))
                .anySatisfy(d -> assertThat(d).contains("AlphaStore is used by no other module"))
                .noneSatisfy(d -> assertThat(d).contains("AlphaExtension"))
                .noneSatisfy(d -> assertThat(d).contains("AlphaService"))
                .noneSatisfy(d -> assertThat(d).contains("AlphaDraft"))
                .noneSatisfy(d -> assertThat(d).contains("AlphaReports"))
                .noneSatisfy(d -> assertThat(d).contains("AlphaReport "));
    }

    @Test
    void noModuleGrowsItsApiWithTypesOnlyItUses() {
        JavaClasses production = new ClassFileImporter()
                .withImportOption(new ImportOption.DoNotIncludeTests())
                .importPackages("dev.canopy");

        apiTypesAreUsedElsewhere("dev.canopy").check(production);
    }
}
