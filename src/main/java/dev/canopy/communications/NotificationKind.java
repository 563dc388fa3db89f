package dev.canopy.communications;

/** What a notification is about; a partner user chooses how to hear of each kind. */
public enum NotificationKind {
    DEALS,
    COMMISSIONS,
    PAYOUTS,
    CONTENT,
    TRAINING,
    ANNOUNCEMENTS
}
