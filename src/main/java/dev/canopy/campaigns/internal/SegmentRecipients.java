package dev.canopy.campaigns.internal;

import dev.canopy.campaigns.SkipReason;
import dev.canopy.communications.NotificationKind;
import dev.canopy.communications.NotificationPreferences;
import dev.canopy.enablement.Audience;
import dev.canopy.enablement.Audiences;
import dev.canopy.identity.PartnerAccess;
import dev.canopy.identity.PartnerUserView;
import dev.canopy.partners.PartnerView;
import dev.canopy.shared.WorkspaceId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Who a campaign is for: the joined users of the partners its segment admits, one per address (lower-cased), each
 * marked skipped when the address unsubscribed from the workspace's campaigns or the user takes announcements in
 * the portal or the digest only; a partner with no joined user is listed as skipped for having no address. Acts in
 * the current workspace (staff's, or a job's).
 */
@Component
public class SegmentRecipients {

    private final Audiences audiences;
    private final PartnerAccess partnerAccess;
    private final NotificationPreferences preferences;
    private final UnsubscribeTable unsubscribes;

    SegmentRecipients(
            Audiences audiences,
            PartnerAccess partnerAccess,
            NotificationPreferences preferences,
            UnsubscribeTable unsubscribes) {
        this.audiences = audiences;
        this.partnerAccess = partnerAccess;
        this.preferences = preferences;
        this.unsubscribes = unsubscribes;
    }

    /** Every member of the segment. */
    public List<RecipientTable.NewRecipient> of(WorkspaceId workspace, Audience audience) {
        return of(workspace, audiences.admitted(audience), user -> true);
    }

    /** One partner's users that {@code which} picks, if the segment admits the partner; else no one. */
    public List<RecipientTable.NewRecipient> ofPartner(
            WorkspaceId workspace, Audience audience, PartnerView partner, Predicate<PartnerUserView> which) {
        if (!audiences.admits(audience, partner.id())) {
            return List.of();
        }
        return of(workspace, List.of(partner), which).stream()
                .filter(r -> r.skip() != SkipReason.NO_ADDRESS)
                .toList();
    }

    private List<RecipientTable.NewRecipient> of(
            WorkspaceId workspace, List<PartnerView> partners, Predicate<PartnerUserView> which) {
        Map<String, PartnerUserView> byAddress = new LinkedHashMap<>();
        Map<UUID, PartnerView> partnerOf = new LinkedHashMap<>();
        List<RecipientTable.NewRecipient> nobody = new ArrayList<>();
        for (PartnerView partner : partners) {
            partnerOf.put(partner.id().value(), partner);
            List<PartnerUserView> joined = partnerAccess.users(partner.id().value()).stream()
                    .filter(PartnerUserView::joined)
                    .filter(which)
                    .toList();
            if (joined.isEmpty()) {
                nobody.add(new RecipientTable.NewRecipient(
                        "no-address:" + partner.id().value(),
                        partner.id().value(),
                        null,
                        "",
                        partner.name(),
                        SkipReason.NO_ADDRESS));
            }
            // The first partner listing an address names it: one person is mailed once, whatever their companies.
            joined.forEach(u -> byAddress.putIfAbsent(address(u.email()), u));
        }
        Set<String> unsubscribed = unsubscribes.among(workspace, byAddress.keySet());
        List<RecipientTable.NewRecipient> recipients = new ArrayList<>();
        byAddress.forEach((address, user) -> recipients.add(new RecipientTable.NewRecipient(
                address,
                user.partnerId(),
                user.id(),
                user.displayName(),
                partnerOf.get(user.partnerId()).name(),
                skip(workspace, address, user, unsubscribed))));
        recipients.addAll(nobody);
        return recipients;
    }

    private @Nullable SkipReason skip(
            WorkspaceId workspace, String address, PartnerUserView user, Set<String> unsubscribed) {
        if (unsubscribed.contains(address)) {
            return SkipReason.UNSUBSCRIBED;
        }
        if (!preferences.emailsAtOnce(workspace, user.id(), NotificationKind.ANNOUNCEMENTS)) {
            return SkipReason.PREFERENCE;
        }
        return null;
    }

    public static String address(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }
}
