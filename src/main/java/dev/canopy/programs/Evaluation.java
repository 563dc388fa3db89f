package dev.canopy.programs;

import io.swagger.v3.oas.annotations.media.Schema;

/** What an evaluation of a programme's tiers did. */
@Schema(name = "TierEvaluation")
public record Evaluation(int members, int promoted, int demoted) {}
