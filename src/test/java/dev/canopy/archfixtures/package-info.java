/**
 * Deliberate violations of the rules in {@code ArchitectureTests}, and compliant look-alikes, so that
 * {@code ArchitectureRulesCatchViolations} can prove each rule fails when it should and only then. Test
 * code only: never imported when the rules check production code, never a Spring Modulith module. Classes
 * carrying stereotype annotations are abstract so that component scanning in Spring tests skips them.
 */
package dev.canopy.archfixtures;
