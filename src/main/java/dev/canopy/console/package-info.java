/** The vendor console's pages that compose several modules, starting with the overview. */
@org.springframework.modulith.ApplicationModule(displayName = "Console")
package dev.canopy.console;
