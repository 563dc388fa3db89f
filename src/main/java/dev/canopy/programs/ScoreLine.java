package dev.canopy.programs;

/** One criterion an application met, and the points it earned. */
public record ScoreLine(String reason, int points) {}
