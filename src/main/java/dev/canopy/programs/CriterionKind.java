package dev.canopy.programs;

/** What a scoring criterion looks at. */
public enum CriterionKind {
    /** An answer to a choice question includes a given option. */
    CHOICE("Answer is"),
    /** A number answer is at least a threshold. */
    NUMBER_AT_LEAST("Number at least"),
    /** The applicant is of a partner type. */
    PARTNER_TYPE("Partner type");

    private final String label;

    CriterionKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
