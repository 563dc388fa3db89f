package dev.canopy.identity;

/**
 * What a signed-in user or API key may do. Controllers check these (as Spring Security authorities
 * named {@link #authority()}), never role names, so a role can change without touching controllers.
 */
public enum Permission {
    WORKSPACE_READ("workspace:read"),
    WORKSPACE_WRITE("workspace:write"),
    TEAM_READ("team:read"),
    TEAM_WRITE("team:write"),
    API_KEYS_WRITE("api-keys:write"),
    AUDIT_READ("audit:read"),
    MAIL_SINK_READ("mail-sink:read"),
    PARTNERS_READ("partners:read"),
    PARTNERS_WRITE("partners:write"),
    PROGRAMS_READ("programs:read"),
    PROGRAMS_WRITE("programs:write"),
    TRACKING_READ("tracking:read"),
    TRACKING_WRITE("tracking:write"),
    DEALS_READ("deals:read"),
    DEALS_WRITE("deals:write"),
    COMMISSIONS_READ("commissions:read"),
    COMMISSIONS_WRITE("commissions:write"),
    PAYOUTS_READ("payouts:read"),
    PAYOUTS_WRITE("payouts:write"),
    ANALYTICS_READ("analytics:read"),
    CONTENT_READ("content:read"),
    CONTENT_WRITE("content:write"),
    MDF_READ("mdf:read"),
    MDF_WRITE("mdf:write"),
    ANNOUNCEMENTS_READ("announcements:read"),
    ANNOUNCEMENTS_WRITE("announcements:write"),
    CAMPAIGNS_READ("campaigns:read"),
    CAMPAIGNS_WRITE("campaigns:write"),
    PAGES_READ("pages:read"),
    PAGES_WRITE("pages:write"),
    WEBHOOKS_READ("webhooks:read"),
    WEBHOOKS_WRITE("webhooks:write"),
    IMPORTS_RUN("imports:run");

    private final String authority;

    Permission(String authority) {
        this.authority = authority;
    }

    public String authority() {
        return authority;
    }

    public boolean readOnly() {
        return authority.endsWith(":read");
    }
}
