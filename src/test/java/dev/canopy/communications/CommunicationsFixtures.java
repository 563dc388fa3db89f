package dev.canopy.communications;

import dev.canopy.deals.DealFixtures;
import dev.canopy.partners.PartnerId;
import dev.canopy.partners.PartnerProfile;
import dev.canopy.partners.PartnerView;
import dev.canopy.partners.Partners;
import dev.canopy.testing.Fixtures;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Partners in a region of one's choosing, announcements written and published by the owner. */
public class CommunicationsFixtures {

    private final Fixtures fixtures;
    private final Partners partners;
    private final Announcements announcements;
    private final JdbcClient db;

    public CommunicationsFixtures(ApplicationContext context) {
        this.fixtures = context.getBean(Fixtures.class);
        this.partners = context.getBean(Partners.class);
        this.announcements = context.getBean(Announcements.class);
        this.db = context.getBean(JdbcClient.class);
    }

    /** A partner company in {@code region} whose one portal user has joined. */
    public DealFixtures.Member partnerIn(Fixtures.Tenant tenant, String region) {
        String email = fixtures.partnerUser(tenant);
        PartnerId id = fixtures.partnerOf(email);
        fixtures.as(tenant.owner(), () -> {
            PartnerView p = partners.get(id);
            return partners.updateProfile(
                    id, new PartnerProfile(p.name(), p.website(), p.types(), List.of(region), List.of(), p.size()));
        });
        return new DealFixtures.Member(id, email);
    }

    public static AnnouncementInput toRegion(String title, String region) {
        return new AnnouncementInput(
                title, "Read **this**.", false, null, null, "ALL", null, null, null, List.of(region), null);
    }

    public static AnnouncementInput toPartner(String title, PartnerId partner) {
        return new AnnouncementInput(
                title,
                "Only for you.",
                false,
                null,
                null,
                "ALL",
                null,
                null,
                null,
                null,
                List.of(partner.value().toString()));
    }

    public AnnouncementView published(Fixtures.Tenant tenant, AnnouncementInput input) {
        return fixtures.as(
                tenant.owner(),
                () -> announcements.publish(announcements.create(input).id()));
    }

    public UUID userId(String email) {
        return db.sql("select id from identity_partner_user where email = ?")
                .param(email)
                .query(UUID.class)
                .single();
    }
}
