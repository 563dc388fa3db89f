package dev.canopy.identity;

import static dev.canopy.identity.Permission.ANALYTICS_READ;
import static dev.canopy.identity.Permission.ANNOUNCEMENTS_READ;
import static dev.canopy.identity.Permission.ANNOUNCEMENTS_WRITE;
import static dev.canopy.identity.Permission.CAMPAIGNS_READ;
import static dev.canopy.identity.Permission.CAMPAIGNS_WRITE;
import static dev.canopy.identity.Permission.COMMISSIONS_READ;
import static dev.canopy.identity.Permission.COMMISSIONS_WRITE;
import static dev.canopy.identity.Permission.CONTENT_READ;
import static dev.canopy.identity.Permission.CONTENT_WRITE;
import static dev.canopy.identity.Permission.DEALS_READ;
import static dev.canopy.identity.Permission.DEALS_WRITE;
import static dev.canopy.identity.Permission.MDF_READ;
import static dev.canopy.identity.Permission.MDF_WRITE;
import static dev.canopy.identity.Permission.PAGES_READ;
import static dev.canopy.identity.Permission.PAGES_WRITE;
import static dev.canopy.identity.Permission.PARTNERS_READ;
import static dev.canopy.identity.Permission.PARTNERS_WRITE;
import static dev.canopy.identity.Permission.PAYOUTS_READ;
import static dev.canopy.identity.Permission.PAYOUTS_WRITE;
import static dev.canopy.identity.Permission.PROGRAMS_READ;
import static dev.canopy.identity.Permission.PROGRAMS_WRITE;
import static dev.canopy.identity.Permission.TEAM_READ;
import static dev.canopy.identity.Permission.TRACKING_READ;
import static dev.canopy.identity.Permission.TRACKING_WRITE;
import static dev.canopy.identity.Permission.WORKSPACE_READ;

import dev.canopy.shared.InvalidInputException;
import java.util.EnumSet;
import java.util.Set;

/** A vendor staff member's role in one workspace. */
public enum Role {
    OWNER(
            "Owner",
            "Everything, including the workspace itself. Every workspace has at least one.",
            EnumSet.allOf(Permission.class)),
    ADMIN(
            "Admin",
            "Manages the workspace, the team, API keys and reads the audit log.",
            EnumSet.allOf(Permission.class)),
    PARTNER_MANAGER(
            "Partner manager",
            "Recruits, approves and enables partners; reviews deal registrations and routes leads.",
            EnumSet.of(
                    WORKSPACE_READ,
                    TEAM_READ,
                    PARTNERS_READ,
                    PARTNERS_WRITE,
                    PROGRAMS_READ,
                    PROGRAMS_WRITE,
                    TRACKING_READ,
                    TRACKING_WRITE,
                    DEALS_READ,
                    DEALS_WRITE,
                    COMMISSIONS_READ,
                    ANALYTICS_READ,
                    CONTENT_READ,
                    CONTENT_WRITE,
                    MDF_READ,
                    MDF_WRITE,
                    ANNOUNCEMENTS_READ,
                    ANNOUNCEMENTS_WRITE,
                    CAMPAIGNS_READ,
                    CAMPAIGNS_WRITE,
                    PAGES_READ,
                    PAGES_WRITE)),
    FINANCE(
            "Finance",
            "Approves commissions and runs payouts.",
            EnumSet.of(
                    WORKSPACE_READ,
                    TEAM_READ,
                    PARTNERS_READ,
                    PROGRAMS_READ,
                    TRACKING_READ,
                    DEALS_READ,
                    COMMISSIONS_READ,
                    COMMISSIONS_WRITE,
                    PAYOUTS_READ,
                    PAYOUTS_WRITE,
                    ANALYTICS_READ,
                    CONTENT_READ,
                    MDF_READ,
                    MDF_WRITE,
                    ANNOUNCEMENTS_READ)),
    SALES(
            "Sales",
            "Reviews deal registrations and works shared deals.",
            EnumSet.of(
                    WORKSPACE_READ,
                    TEAM_READ,
                    PARTNERS_READ,
                    PROGRAMS_READ,
                    TRACKING_READ,
                    DEALS_READ,
                    DEALS_WRITE,
                    ANALYTICS_READ,
                    CONTENT_READ,
                    ANNOUNCEMENTS_READ,
                    PAGES_READ)),
    ANALYST(
            "Analyst",
            "Reads everything, changes nothing.",
            EnumSet.of(
                    WORKSPACE_READ,
                    TEAM_READ,
                    PARTNERS_READ,
                    PROGRAMS_READ,
                    TRACKING_READ,
                    DEALS_READ,
                    COMMISSIONS_READ,
                    PAYOUTS_READ,
                    ANALYTICS_READ,
                    CONTENT_READ,
                    MDF_READ,
                    ANNOUNCEMENTS_READ,
                    CAMPAIGNS_READ,
                    PAGES_READ));

    private final String label;
    private final String description;
    private final Set<Permission> permissions;

    Role(String label, String description, Set<Permission> permissions) {
        this.label = label;
        this.description = description;
        this.permissions = permissions;
    }

    /** The role named {@code name}; bad input names the {@code role} field. */
    public static Role parse(String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("role", "Choose a role");
        }
        try {
            return valueOf(name.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("role", "Unknown role '" + name + "'");
        }
    }

    public String label() {
        return label;
    }

    public String description() {
        return description;
    }

    public Set<Permission> permissions() {
        return EnumSet.copyOf(permissions);
    }

    /** Owners are made by sign-up or by another owner, never by an invitation. */
    public boolean invitable() {
        return this != OWNER;
    }
}
