package dev.canopy.programs;

/** What an evaluation of a programme's tiers did. */
public record Evaluation(int members, int promoted, int demoted) {}
