package dev.canopy;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The suite gives the same answer whatever day it runs on: tests take time from the application's
 * {@link dev.canopy.testing.MutableClock}, which starts on a fixed day ({@code -Dcanopy.test.today}), never
 * from the calendar. The rule is the production one, proven in {@link ArchitectureRulesCatchViolations}.
 */
@AnalyzeClasses(
        packages = "dev.canopy",
        importOptions = {ImportOption.OnlyIncludeTests.class, ArchitectureTests.ExcludeFixtures.class})
class TestsNeverReadTheRealDate {

    @ArchTest
    static final ArchRule TESTS_TAKE_TIME_FROM_THE_TEST_CLOCK = ArchitectureTests.TIME_COMES_FROM_THE_INJECTED_CLOCK;
}
