/**
 * Enablement: the content library partners sell with (files, links and rich text in folders, each visible to the
 * partners its audience admits, searchable down to the words inside documents, with usage per partner and person).
 * Courses and certifications come next. ADR 26.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Enablement",
        allowedDependencies = {"shared", "platform", "identity", "audit", "partners", "programs", "deals"})
package dev.canopy.enablement;
