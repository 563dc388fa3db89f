package dev.canopy.programs;

/** What a scoring criterion looks at. */
public enum CriterionKind {
    /** An answer to a choice question includes a given option. */
    CHOICE,
    /** A number answer is at least a threshold. */
    NUMBER_AT_LEAST,
    /** The applicant is of a partner type. */
    PARTNER_TYPE
}
