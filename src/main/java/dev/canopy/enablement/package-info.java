/**
 * Enablement: the content library partners sell with (files, links and rich text in folders, each visible to the
 * partners its audience admits, searchable down to the words inside documents, with usage per partner and person),
 * courses (readings, videos, files, SCORM packages and quizzes, assigned by audience) and the certifications they
 * earn, counted for tiers and analytics. ADRs 26 and 27.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Enablement",
        allowedDependencies = {"shared", "platform", "identity", "audit", "partners", "programs", "deals", "analytics"})
package dev.canopy.enablement;
