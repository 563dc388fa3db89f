package dev.canopy.programs;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

import dev.canopy.identity.PartnerRole;
import dev.canopy.identity.security.PartnerUser;
import dev.canopy.partners.NewPartner;
import dev.canopy.partners.PartnerId;
import dev.canopy.partners.PartnerType;
import dev.canopy.partners.Partners;
import dev.canopy.testing.Fixtures;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Builds programmes, partners, members, tiers and metrics through the real services. */
public class ProgramFixtures {

    private final Fixtures fixtures;
    private final Programs programs;
    private final Tiers tiers;
    private final Memberships memberships;
    private final Partners partners;
    private final Clock clock;

    public ProgramFixtures(ApplicationContext context) {
        this.fixtures = context.getBean(Fixtures.class);
        this.programs = context.getBean(Programs.class);
        this.tiers = context.getBean(Tiers.class);
        this.memberships = context.getBean(Memberships.class);
        this.partners = context.getBean(Partners.class);
        this.clock = context.getBean(Clock.class);
    }

    public static ProgramDraft draft(String name, PartnerType... types) {
        return new ProgramDraft(
                name,
                "",
                List.of(types).stream().map(Enum::name).toList(),
                "Earn a margin on every customer you bring, with a partner manager of your own.",
                "MARGIN",
                "15",
                "30",
                "of list price",
                "EUR",
                "Joint webinars and a listing in our partner directory.",
                "Sales certification within 60 days.",
                "",
                "",
                "",
                "",
                true);
    }

    public ProgramView program(Fixtures.Tenant tenant, String name, PartnerType... types) {
        return fixtures.as(tenant.owner(), () -> programs.create(draft(name, types)));
    }

    public PartnerId partner(Fixtures.Tenant tenant, String name) {
        return fixtures.as(
                        tenant.owner(),
                        () -> partners.invite(new NewPartner(
                                name,
                                "https://" + Fixtures.unique("p") + ".example",
                                Set.of(PartnerType.RESELLER),
                                List.of("EMEA"),
                                List.of(),
                                null,
                                "Contact of " + name,
                                Fixtures.uniqueEmail("contact"))))
                .id();
    }

    public MembershipView enrol(Fixtures.Tenant tenant, ProgramId program, PartnerId partner) {
        return fixtures.as(tenant.owner(), () -> memberships.enrol(program, partner));
    }

    /** Thresholds as metric → value; none for an entry tier. */
    public TierView tier(Fixtures.Tenant tenant, ProgramId program, String name, Map<TierMetric, String> thresholds) {
        return fixtures.as(
                tenant.owner(), () -> tiers.addTier(program, new TierDraft(name, name + " benefits", thresholds)));
    }

    /** Registered (no thresholds), Silver (2 deals won) and Gold (5 deals won and EUR 50,000 revenue). */
    public List<TierView> ladder(Fixtures.Tenant tenant, ProgramId program) {
        Map<TierMetric, String> gold = new EnumMap<>(TierMetric.class);
        gold.put(TierMetric.DEALS_WON, "5");
        gold.put(TierMetric.PARTNER_SOURCED_REVENUE_12M, "50000");
        return List.of(
                tier(tenant, program, "Registered", Map.of()),
                tier(tenant, program, "Silver", Map.of(TierMetric.DEALS_WON, "2")),
                tier(tenant, program, "Gold", gold));
    }

    public void deals(Fixtures.Tenant tenant, PartnerId partner, int won) {
        tiers.recordMetric(
                tenant.id(),
                new MetricReading(partner, TierMetric.DEALS_WON, BigDecimal.valueOf(won), null, clock.instant()));
    }

    public void revenue(Fixtures.Tenant tenant, PartnerId partner, String amount) {
        tiers.recordMetric(
                tenant.id(),
                new MetricReading(
                        partner,
                        TierMetric.PARTNER_SOURCED_REVENUE_12M,
                        new BigDecimal(amount),
                        "EUR",
                        clock.instant()));
    }

    public <T> T as(Fixtures.Tenant tenant, java.util.function.Supplier<T> action) {
        return fixtures.as(tenant.owner(), action);
    }

    private static final java.util.concurrent.atomic.AtomicInteger CLIENTS =
            new java.util.concurrent.atomic.AtomicInteger();

    /** MockMvc: the request comes from a client address no other request of the test run uses. */
    public static RequestPostProcessor newClient() {
        return from(nextClientAddress());
    }

    public static String nextClientAddress() {
        int n = CLIENTS.incrementAndGet();
        return "10." + (n >> 16 & 255) + "." + (n >> 8 & 255) + "." + (n & 255);
    }

    public static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    /** MockMvc: a complete application (for a programme without required questions), from a new client. */
    public static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder application(
            Fixtures.Tenant tenant, ProgramView program, String company, String email, String website) {
        return org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                        "/programs/" + tenant.slug() + "/" + program.slug())
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                .with(newClient())
                .param("companyName", company)
                .param("website", website)
                .param("contactName", "Ana Applicant")
                .param("contactEmail", email)
                .param("partnerTypes", program.partnerTypes().iterator().next().name())
                .param("region", "EMEA");
    }

    /** MockMvc: the request is made by a partner-portal user of {@code partner}. */
    public static RequestPostProcessor partnerUser(Fixtures.Tenant tenant, PartnerId partner) {
        PartnerUser user = new PartnerUser(
                UUID.randomUUID(),
                partner.value(),
                tenant.id(),
                Fixtures.uniqueEmail("pat"),
                "Pat Partner",
                PartnerRole.ADMIN,
                null);
        return authentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }
}
