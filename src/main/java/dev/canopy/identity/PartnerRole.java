package dev.canopy.identity;

import dev.canopy.shared.InvalidInputException;

/** A partner user's role in their own company: admins manage their colleagues and company details. */
public enum PartnerRole {
    ADMIN("Partner admin"),
    MEMBER("Partner user");

    private final String label;

    PartnerRole(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static PartnerRole parse(String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("role", "Choose a role");
        }
        try {
            return valueOf(name.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("role", "Unknown role '" + name + "'");
        }
    }
}
