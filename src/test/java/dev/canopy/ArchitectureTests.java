package dev.canopy;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.AccessTarget.CodeUnitAccessTarget;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.time.Clock;
import org.springframework.stereotype.Controller;

/**
 * The architecture rules Spring Modulith does not check (it checks module boundaries and cycles, see
 * {@link ModularityTests}). Each rule is proven to catch a deliberate violation in
 * {@link ArchitectureRulesCatchViolations}; the fixtures it uses live in test code and are never imported
 * here.
 */
@AnalyzeClasses(
        packages = "dev.canopy",
        importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureTests.ExcludeFixtures.class})
public class ArchitectureTests {

    /** Controllers (including {@code @RestController}, which is meta-annotated) live in a module's {@code web}. */
    @ArchTest
    public static final ArchRule CONTROLLERS_LIVE_IN_WEB_PACKAGES = classes()
            .that()
            .areMetaAnnotatedWith(Controller.class)
            .should()
            .resideInAPackage("..web..")
            .because("a module keeps its controllers and request/response records in its web sub-package")
            // Until the first controller exists the rule has nothing to check; that is not a failure.
            .allowEmptyShould(true);

    /**
     * The shared kernel ({@code dev.canopy.shared}, and any package named {@code shared} under
     * {@code dev.canopy}) is plain Java: no Spring, no Jakarta, no other module.
     */
    @ArchTest
    public static final ArchRule SHARED_DEPENDS_ONLY_ON_THE_JDK = classes()
            .that()
            .resideInAPackage("dev.canopy..shared..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage("java..", "dev.canopy..shared..")
            .because("shared holds tiny value types every module can use without pulling in a framework");

    @ArchTest
    public static final ArchRule NO_IMPL_CLASSES = noClasses()
            .should()
            .haveSimpleNameEndingWith("Impl")
            .because("an interface plus an Impl for a single implementation is ceremony: name the class"
                    + " after what it is");

    @ArchTest
    public static final ArchRule NO_UTIL_PACKAGES = noClasses()
            .should()
            .resideInAnyPackage("..util..", "..utils..")
            .because("a util grab-bag has no owner: put each helper beside the code that needs it");

    /** Any {@code now(...)} of java.time that does not take a {@link Clock}, called or used as a method reference. */
    static final DescribedPredicate<JavaAccess<?>> SYSTEM_TIME_READ = DescribedPredicate.describe(
            "java.time now() without a Clock argument",
            access -> access.getTarget() instanceof CodeUnitAccessTarget target
                    && target.getName().equals("now")
                    && target.getOwner().getPackageName().equals("java.time")
                    && target.getRawParameterTypes().stream().noneMatch(type -> type.isEquivalentTo(Clock.class)));

    @ArchTest
    public static final ArchRule TIME_COMES_FROM_THE_INJECTED_CLOCK = noClasses()
            .should()
            .accessTargetWhere(SYSTEM_TIME_READ)
            .because("time comes from the injected java.time.Clock, so tests can move it (hold periods,"
                    + " month ends, tier reviews): use Instant.now(clock), LocalDate.now(clock), …");

    /** Keeps the deliberately violating fixtures of {@link ArchitectureRulesCatchViolations} out, wherever they are. */
    public static final class ExcludeFixtures implements ImportOption {

        @Override
        public boolean includes(Location location) {
            return !location.contains("/dev/canopy/archfixtures/");
        }
    }
}
