package dev.canopy.programs;

/** A programme in the console's list, with its member count and the applications waiting for review. */
public record ProgramSummary(ProgramView program, int members, int pendingApplications) {}
