package dev.canopy.programs;

/**
 * A scoring criterion as typed: its kind, then the question and option (CHOICE), the question and
 * threshold (NUMBER_AT_LEAST) or the partner type (PARTNER_TYPE), and the points it is worth.
 */
public record CriterionInput(
        String kind, String questionId, String choice, String threshold, String partnerType, String points) {}
