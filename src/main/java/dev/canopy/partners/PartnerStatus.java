package dev.canopy.partners;

/** Where a partner company stands with the vendor. See {@code PartnerLifecycle} for the moves between. */
public enum PartnerStatus {
    INVITED("Invited"),
    APPLIED("Applied"),
    APPROVED("Approved"),
    REJECTED("Rejected"),
    ACTIVE("Active"),
    SUSPENDED("Suspended"),
    BANNED("Banned"),
    ARCHIVED("Archived");

    private final String label;

    PartnerStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
