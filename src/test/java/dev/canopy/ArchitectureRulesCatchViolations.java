package dev.canopy;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An architecture rule that never fails checks nothing. Each rule of {@link ArchitectureTests} is run on
 * deliberate violations ({@code dev.canopy.archfixtures.violations}) and must fail, naming each offender;
 * on compliant look-alikes ({@code dev.canopy.archfixtures.compliant}) and on the production code it must
 * pass.
 */
class ArchitectureRulesCatchViolations {

    static final JavaClasses violations = new ClassFileImporter().importPackages("dev.canopy.archfixtures.violations");
    static final JavaClasses compliant = new ClassFileImporter().importPackages("dev.canopy.archfixtures.compliant");
    static final JavaClasses production = new ClassFileImporter()
            .withImportOption(new ImportOption.DoNotIncludeTests())
            .importPackages("dev.canopy");

    static Stream<Arguments> rules() {
        return Stream.of(
                Arguments.of(
                        "controllers live in web packages",
                        ArchitectureTests.CONTROLLERS_LIVE_IN_WEB_PACKAGES,
                        List.of("MisplacedController", "MisplacedRestController")),
                Arguments.of(
                        "shared depends only on the JDK",
                        ArchitectureTests.SHARED_DEPENDS_ONLY_ON_THE_JDK,
                        List.of("FrameworkInShared")),
                Arguments.of("no Impl classes", ArchitectureTests.NO_IMPL_CLASSES, List.of("FooImpl")),
                Arguments.of("no util packages", ArchitectureTests.NO_UTIL_PACKAGES, List.of("StringHelpers")),
                Arguments.of(
                        "time comes from the injected clock",
                        ArchitectureTests.TIME_COMES_FROM_THE_INJECTED_CLOCK,
                        List.of("ReadsSystemTime.now", "ReadsSystemTimeInAZone.today", "ReadsSystemTimeByReference")));
    }

    @ParameterizedTest(name = "{0}: fails on the deliberate violations")
    @MethodSource("rules")
    void ruleFailsOnDeliberateViolations(String name, ArchRule rule, List<String> offenders) {
        EvaluationResult result = rule.evaluate(violations);

        assertThat(result.hasViolation()).as("%s reports a violation", name).isTrue();
        String report = String.join("\n", result.getFailureReport().getDetails());
        assertThat(offenders).allSatisfy(offender -> assertThat(report).contains(offender));
    }

    @ParameterizedTest(name = "{0}: passes on compliant look-alikes")
    @MethodSource("rules")
    void rulePassesOnCompliantCode(String name, ArchRule rule, List<String> offenders) {
        assertThat(compliant).as("compliant fixtures imported").isNotEmpty();

        EvaluationResult result = rule.evaluate(compliant);

        assertThat(result.getFailureReport().getDetails()).as(name).isEmpty();
    }

    @ParameterizedTest(name = "{0}: passes on the production code")
    @MethodSource("rules")
    void rulePassesOnProductionCode(String name, ArchRule rule, List<String> offenders) {
        assertThat(production.contain("dev.canopy.CanopyApplication")).isTrue();
        assertThat(production.stream().map(c -> c.getPackageName()))
                .as("fixtures are test code and not imported with the production classes")
                .noneMatch(p -> p.startsWith("dev.canopy.archfixtures"));

        EvaluationResult result = rule.evaluate(production);

        assertThat(result.getFailureReport().getDetails()).as(name).isEmpty();
    }
}
