package dev.canopy.communications.internal;

import dev.canopy.commissions.CommissionMoved;
import dev.canopy.commissions.CommissionStatus;
import dev.canopy.communications.NotificationTopic;
import dev.canopy.deals.DealRegistrationApproved;
import dev.canopy.deals.DealRegistrationEnded;
import dev.canopy.deals.DealStatus;
import dev.canopy.enablement.AssetPublished;
import dev.canopy.enablement.CertificationExpiring;
import dev.canopy.enablement.CoursePublished;
import dev.canopy.partners.PartnerId;
import dev.canopy.payouts.PayoutLinePaid;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Other modules' events become partner users' notifications, in the transaction that made the change (as partners
 * records activity): a change rolled back notifies and mails no one, and a page read right after the change already
 * shows the bell's count. Each notification's source is the event's own id, so an event published twice notifies once.
 */
@Component
class NotificationListener {

    private final NotificationSender sender;

    NotificationListener(NotificationSender sender) {
        this.sender = sender;
    }

    @EventListener
    void on(DealRegistrationApproved approved) {
        sender.send(new NotificationSender.Notice(
                approved.workspace(),
                approved.partner(),
                user -> true,
                NotificationTopic.DEAL_APPROVED,
                approved.accountName(),
                "/portal/deals/" + approved.dealId().value(),
                "deal-approved:" + approved.dealId().value() + ":" + approved.protectedUntil(),
                false));
    }

    @EventListener
    void on(DealRegistrationEnded ended) {
        NotificationTopic topic = ended.outcome() == DealStatus.REJECTED
                ? NotificationTopic.DEAL_REJECTED
                : ended.outcome() == DealStatus.EXPIRED ? NotificationTopic.DEAL_EXPIRED : null;
        if (topic == null) {
            return;
        }
        sender.send(new NotificationSender.Notice(
                ended.workspace(),
                ended.partner(),
                user -> true,
                topic,
                ended.registrableDomain(),
                "/portal/deals/" + ended.dealId().value(),
                "deal-ended:" + ended.dealId().value(),
                false));
    }

    @EventListener
    void on(CommissionMoved moved) {
        if (moved.to() != CommissionStatus.APPROVED) {
            return;
        }
        sender.send(new NotificationSender.Notice(
                moved.workspace(),
                moved.partner(),
                user -> true,
                NotificationTopic.COMMISSION_APPROVED,
                moved.amount().toString(),
                "/portal/earnings",
                "commission-approved:" + moved.commission().value(),
                false));
    }

    @EventListener
    void on(PayoutLinePaid paid) {
        sender.send(new NotificationSender.Notice(
                paid.workspace(),
                paid.partner(),
                user -> true,
                NotificationTopic.PAYOUT_PAID,
                paid.paid().toString(),
                "/portal/earnings",
                "payout-paid:" + paid.line(),
                false));
    }

    /** The holder alone, and never mailed again: enablement's reminder has mailed them already. */
    @EventListener
    void on(CertificationExpiring expiring) {
        sender.send(new NotificationSender.Notice(
                expiring.workspace(),
                expiring.partner(),
                user -> user.id().equals(expiring.personId()),
                NotificationTopic.CERTIFICATION_EXPIRING,
                expiring.certification(),
                "/portal/certifications",
                "certification-expiring:" + expiring.certificate() + ":" + expiring.daysLeft(),
                true));
    }

    /** Each partner the asset's audience admits: once per asset. */
    @EventListener
    void on(AssetPublished published) {
        for (PartnerId partner : published.partners()) {
            sender.send(new NotificationSender.Notice(
                    published.workspace(),
                    partner,
                    user -> true,
                    NotificationTopic.CONTENT_PUBLISHED,
                    published.title(),
                    "/portal/content/" + published.asset(),
                    "asset-published:" + published.asset(),
                    false));
        }
    }

    /** Each partner the course is assigned to: once per course, however often it is unpublished and published. */
    @EventListener
    void on(CoursePublished published) {
        for (PartnerId partner : published.partners()) {
            sender.send(new NotificationSender.Notice(
                    published.workspace(),
                    partner,
                    user -> true,
                    NotificationTopic.COURSE_PUBLISHED,
                    published.title(),
                    "/portal/learning/" + published.course(),
                    "course-published:" + published.course(),
                    false));
        }
    }
}
