package dev.canopy.deals;

import dev.canopy.programs.ProgramId;

/** A programme's deal protection: how long an approval protects, and how (often) it can be extended. */
public record ProgramDealRules(
        ProgramId programId, String programName, int protectionDays, int extensionDays, ExtensionPolicy extensions) {}
