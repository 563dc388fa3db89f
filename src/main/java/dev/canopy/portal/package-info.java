/** The partner portal's pages that compose several modules. */
@org.springframework.modulith.ApplicationModule(displayName = "Portal")
package dev.canopy.portal;
