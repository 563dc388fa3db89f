package dev.canopy.programs;

public enum ApplicationStatus {
    PENDING("Waiting for review"),
    APPROVED("Approved"),
    REJECTED("Rejected");

    private final String label;

    ApplicationStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
