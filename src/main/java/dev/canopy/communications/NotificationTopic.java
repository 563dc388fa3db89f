package dev.canopy.communications;

/**
 * What a notification says, in the kind the partner user chose a delivery for. The portal shows it in the reader's
 * language ({@link #messageKey()}, the subject as {0}); e-mails use the English {@link #words(String)}.
 */
public enum NotificationTopic {
    DEAL_APPROVED(NotificationKind.DEALS, "Deal registration approved: %s"),
    DEAL_REJECTED(NotificationKind.DEALS, "Deal registration rejected: %s"),
    DEAL_EXPIRED(NotificationKind.DEALS, "Deal protection expired: %s"),
    COMMISSION_APPROVED(NotificationKind.COMMISSIONS, "Commission approved: %s"),
    PAYOUT_PAID(NotificationKind.PAYOUTS, "Payout sent: %s"),
    CONTENT_PUBLISHED(NotificationKind.CONTENT, "New in the content library: %s"),
    COURSE_PUBLISHED(NotificationKind.TRAINING, "New course for you: %s"),
    CERTIFICATION_EXPIRING(NotificationKind.TRAINING, "Certification expiring soon: %s"),
    ANNOUNCEMENT(NotificationKind.ANNOUNCEMENTS, "Announcement: %s");

    private final NotificationKind kind;
    private final String words;

    NotificationTopic(NotificationKind kind, String words) {
        this.kind = kind;
        this.words = words;
    }

    public NotificationKind kind() {
        return kind;
    }

    public String words(String subject) {
        return words.formatted(subject);
    }

    public String messageKey() {
        return "communications.topic." + name();
    }
}
