package dev.canopy;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.freeze.FreezingArchRule;
import dev.canopy.shared.DomainEvent;
import org.junit.jupiter.api.Test;

/**
 * A module's base package is its API, what other modules may use: a type there that no other module uses (a
 * form record, a view only its own pages show) belongs in the module's {@code internal} or {@code web}
 * package, so that the next module copies a narrow API. Domain events are API whoever listens today (they are
 * the webhook catalogue), and {@code shared} is for everyone. The types that were already there are frozen
 * in {@code src/test/resources/archunit_store}: a new one fails, and moving one out shrinks the store.
 */
class ModuleApisAreUsedByOtherModules {

    /** The rule for the modules directly under {@code root}. */
    static ArchRule apiTypesAreUsedElsewhere(String root) {
        DescribedPredicate<JavaClass> inABasePackage = DescribedPredicate.describe(
                "in a module's base package",
                c -> c.getPackageName().startsWith(root + ".")
                        && !c.getPackageName().substring(root.length() + 1).contains(".")
                        && !c.getPackageName().equals(root + ".shared")
                        && !c.getSimpleName().equals("package-info")
                        && !c.isAssignableTo(DomainEvent.class)
                        && c.getEnclosingClass().isEmpty());
        ArchCondition<JavaClass> usedByAnotherModule = new ArchCondition<>("be used by another module") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                String module = type.getPackageName();
                boolean used = type.getDirectDependenciesToSelf().stream()
                        .map(d -> d.getOriginClass().getPackageName())
                        .anyMatch(p -> !p.equals(module) && !p.startsWith(module + "."));
                if (!used) {
                    events.add(SimpleConditionEvent.violated(
                            type,
                            type.getName() + " is used by no other module: move it into "
                                    + module.substring(root.length() + 1) + ".internal or .web"));
                }
            }
        };
        return classes()
                .that(inABasePackage)
                .should(usedByAnotherModule)
                .because("a module's API is what other modules use")
                .allowEmptyShould(true);
    }

    @Test
    void theRuleFlagsATypeOnlyItsOwnModuleUsesAndPassesAnApiType() {
        JavaClasses fixtures = new ClassFileImporter().importPackages("dev.canopy.archfixtures.modules");

        EvaluationResult result =
                apiTypesAreUsedElsewhere("dev.canopy.archfixtures.modules").evaluate(fixtures);

        assertThat(result.getFailureReport().getDetails())
                .anySatisfy(d -> assertThat(d).contains("AlphaForm is used by no other module"))
                .noneSatisfy(d -> assertThat(d).contains("AlphaService"));
    }

    @Test
    void noModuleGrowsItsApiWithTypesOnlyItUses() {
        JavaClasses production = new ClassFileImporter()
                .withImportOption(new ImportOption.DoNotIncludeTests())
                .importPackages("dev.canopy");

        FreezingArchRule.freeze(apiTypesAreUsedElsewhere("dev.canopy")).check(production);
    }
}
