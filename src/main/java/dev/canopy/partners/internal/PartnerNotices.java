package dev.canopy.partners.internal;

import dev.canopy.identity.Branding;
import dev.canopy.partners.Contact;
import dev.canopy.partners.PartnerView;
import dev.canopy.platform.Mailer;
import dev.canopy.platform.OutgoingMail;
import dev.canopy.shared.EmailAddress;
import dev.canopy.shared.WorkspaceId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Tells a partner company by email when its standing with the vendor changes. */
@Component
public class PartnerNotices {

    private final Mailer mailer;
    private final Branding branding;

    PartnerNotices(Mailer mailer, Branding branding) {
        this.mailer = mailer;
        this.branding = branding;
    }

    /** To the primary contact (or, without one, every contact), after the change commits. */
    public void statusChanged(WorkspaceId workspace, PartnerView partner, List<Contact> contacts) {
        List<Contact> recipients = contacts.stream().filter(Contact::primary).toList();
        for (Contact contact : recipients.isEmpty() ? contacts : recipients) {
            Map<String, Object> model = new HashMap<>(branding.forMail(workspace));
            model.put("name", contact.name());
            model.put("partnerName", partner.name());
            model.put("status", partner.status().label());
            model.put("reason", partner.statusReason() == null ? "" : partner.statusReason());
            mailer.sendAfterCommit(new OutgoingMail(
                    new EmailAddress(contact.email()),
                    partner.name() + " is now " + partner.status().label().toLowerCase(),
                    "partner-status",
                    model,
                    Set.of(workspace)));
        }
    }
}
