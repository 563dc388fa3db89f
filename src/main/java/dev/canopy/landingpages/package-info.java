/**
 * Co-branded landing pages: the vendor designs templates (sections with merge fields for the partner's name, logo,
 * text and contact) and publishes them; each partner's admin enables its own page on one of them, with its logo
 * (resized on upload) and its words, at a public address whose form becomes a lead attributed to that partner
 * through tracking's intake, with the click the visitor came through. Everything people write is sanitized before
 * it is shown. ADR 31.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Landing pages",
        allowedDependencies = {"shared", "platform", "identity", "audit", "partners", "tracking"})
package dev.canopy.landingpages;
