/**
 * How the vendor talks to its partners' people, and how they choose to hear it: announcements to a segment of
 * partners with read receipts, in-app notifications made from other modules' events (the portal's bell), and each
 * partner user's preference per kind of notification (in the portal only, by e-mail at once, or in a daily digest).
 * Other modules ask {@link dev.canopy.communications.NotificationPreferences} before they e-mail a partner user.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Communications",
        allowedDependencies = {
            "shared",
            "platform",
            "identity",
            "audit",
            "partners",
            "programs",
            "enablement",
            "deals",
            "commissions",
            "payouts"
        })
package dev.canopy.communications;
