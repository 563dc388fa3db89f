package dev.canopy.communications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.canopy.deals.DealFixtures;
import dev.canopy.shared.NotFoundException;
import dev.canopy.testing.CanopyTest;
import dev.canopy.testing.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

/**
 * An announcement to the APAC region reaches the APAC partner's user — in the portal, in the bell — and never the
 * EMEA partner's, however it asks; reading it twice counts once in the receipts. One partner user never sees nor marks
 * another's notifications.
 */
@CanopyTest
class AnnouncementsReachExactlyTheirSegment {

    @Autowired
    ApplicationContext context;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Announcements announcements;

    @Autowired
    AnnouncementReceipts receipts;

    @Autowired
    Notifications notifications;

    @Autowired
    MockMvc mvc;

    @Autowired
    dev.canopy.testing.MutableClock clock;

    @Autowired
    dev.canopy.communications.internal.AnnouncementRelease release;

    DealFixtures deals;
    CommunicationsFixtures f;
    Fixtures.Tenant tenant;
    DealFixtures.Member apac;
    DealFixtures.Member emea;

    @BeforeEach
    void twoPartnersInTwoRegions() {
        deals = new DealFixtures(context);
        f = new CommunicationsFixtures(context);
        tenant = fixtures.newWorkspace();
        apac = f.partnerIn(tenant, "APAC");
        emea = f.partnerIn(tenant, "EMEA");
    }

    @Test
    void theSegmentSeesItAndNoOneElseDoes() throws Exception {
        AnnouncementView sent = f.published(tenant, CommunicationsFixtures.toRegion("APAC price list", "APAC"));

        assertThat(deals.asPartner(apac, announcements::mine)).singleElement().satisfies(m -> {
            assertThat(m.announcement().id()).isEqualTo(sent.id());
            assertThat(m.read()).isFalse();
        });
        assertThat(deals.asPartner(apac, () -> notifications.bell().orElseThrow()))
                .satisfies(bell -> {
                    assertThat(bell.unread()).isEqualTo(1);
                    assertThat(bell.latest().getFirst().topic()).isEqualTo(NotificationTopic.ANNOUNCEMENT);
                    assertThat(bell.latest().getFirst().link()).isEqualTo("/portal/announcements/" + sent.id());
                });

        assertThat(deals.asPartner(emea, announcements::mine)).isEmpty();
        assertThat(deals.asPartner(
                        emea, () -> notifications.bell().orElseThrow().unread()))
                .isZero();
        assertThatThrownBy(() -> deals.asPartner(emea, () -> announcements.open(sent.id())))
                .isInstanceOf(NotFoundException.class);
        assertThat(mvc.perform(get("/portal/announcements").with(deals.portal(emea)))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .doesNotContain("APAC price list");
        assertThat(mvc.perform(get("/portal/announcements/" + sent.id()).with(deals.portal(emea)))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
        assertThat(mvc.perform(post("/portal/announcements/" + sent.id() + "/read")
                                .with(deals.portal(emea))
                                .with(csrf()))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
        String page = mvc.perform(get("/portal/announcements").with(deals.portal(apac)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("APAC price list").contains("data-testid=\"bell-count\"");
    }

    @Test
    void readingTwiceCountsOnceAndClearsItsNotification() throws Exception {
        AnnouncementView sent = f.published(tenant, CommunicationsFixtures.toRegion("Read me", "APAC"));

        for (int i = 0; i < 2; i++) {
            assertThat(mvc.perform(post("/portal/announcements/" + sent.id() + "/read")
                                    .header("HX-Request", "true")
                                    .with(deals.portal(apac))
                                    .with(csrf()))
                            .andReturn()
                            .getResponse()
                            .getStatus())
                    .isEqualTo(204);
        }

        ReadReceipts read = fixtures.as(tenant.owner(), () -> receipts.receipts(sent.id()));
        assertThat(read.read()).isEqualTo(1);
        assertThat(read.of()).isEqualTo(1);
        assertThat(read.partners()).singleElement().satisfies(p -> {
            assertThat(p.partnerId()).isEqualTo(apac.id().value());
            assertThat(p.readers())
                    .singleElement()
                    .satisfies(r -> assertThat(r.partnerUserId()).isEqualTo(f.userId(apac.email())));
        });
        assertThat(deals.asPartner(apac, announcements::mine))
                .singleElement()
                .satisfies(m -> assertThat(m.read()).isTrue());
        assertThat(deals.asPartner(
                        apac, () -> notifications.bell().orElseThrow().unread()))
                .isZero();
    }

    @Test
    void aScheduledAnnouncementReachesItsSegmentWhenItsTimeComesAndOnce() {
        java.time.Instant in2Days = clock.instant().plus(java.time.Duration.ofDays(2));
        AnnouncementView scheduled = f.published(
                tenant,
                new AnnouncementInput(
                        "Later", "Soon.", false, in2Days.toString(), null, "ALL", null, null, null, null, null));
        try {
            assertThat(scheduled.state()).isEqualTo(AnnouncementState.SCHEDULED);
            assertThat(deals.asPartner(apac, announcements::mine)).isEmpty();
            assertThat(deals.asPartner(apac, notifications::unread)).isZero();

            clock.advance(java.time.Duration.ofDays(3));
            assertThat(release.release()).isPositive();
            assertThat(release.release()).isZero();

            assertThat(deals.asPartner(apac, announcements::mine))
                    .singleElement()
                    .satisfies(m -> assertThat(m.announcement().state()).isEqualTo(AnnouncementState.LIVE));
            assertThat(deals.asPartner(emea, notifications::unread)).isEqualTo(1);
            assertThat(deals.asPartner(apac, notifications::unread)).isEqualTo(1);
        } finally {
            clock.reset();
        }
    }

    @Test
    void onePartnerUserNeverSeesNorMarksAnothersNotifications() throws Exception {
        f.published(tenant, CommunicationsFixtures.toPartner("Only Asia", apac.id()));
        NotificationView theirs = deals.asPartner(apac, notifications::latest).getFirst();

        assertThat(deals.asPartner(emea, notifications::latest)).isEmpty();
        assertThat(mvc.perform(post("/portal/notifications/" + theirs.id() + "/read")
                                .with(deals.portal(emea))
                                .with(csrf()))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
        assertThatThrownBy(() -> deals.asPartner(emea, () -> notifications.markRead(theirs.id())))
                .isInstanceOf(NotFoundException.class);
        deals.asPartner(emea, notifications::markAllRead);

        assertThat(deals.asPartner(apac, notifications::latest))
                .singleElement()
                .satisfies(n -> assertThat(n.unread()).isTrue());
        assertThat(mvc.perform(post("/portal/notifications/" + theirs.id() + "/read")
                                .with(deals.portal(apac))
                                .with(csrf()))
                        .andReturn()
                        .getResponse()
                        .getRedirectedUrl())
                .isEqualTo(theirs.link());
        assertThat(deals.asPartner(apac, notifications::unread)).isZero();
    }
}
