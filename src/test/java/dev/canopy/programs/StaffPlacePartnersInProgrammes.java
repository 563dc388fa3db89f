package dev.canopy.programs;

import static dev.canopy.testing.Fixtures.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.canopy.identity.ApiKeyScope;
import dev.canopy.identity.Role;
import dev.canopy.partners.PartnerId;
import dev.canopy.partners.PartnerStatus;
import dev.canopy.partners.PartnerType;
import dev.canopy.partners.Partners;
import dev.canopy.platform.internal.MailSink;
import dev.canopy.testing.CanopyTest;
import dev.canopy.testing.Fixtures;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Staff put a partner into programmes where they add it, or add an existing one from a programme's Members tab, at
 * the tier it earns or one they choose; a refused choice stores nothing and invites nobody.
 */
@CanopyTest
class StaffPlacePartnersInProgrammes {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ApplicationContext context;

    @Autowired
    MailSink mail;

    @Autowired
    JdbcClient db;

    @Autowired
    Partners partners;

    @Autowired
    Memberships memberships;

    ProgramFixtures programs;
    Fixtures.Tenant tenant;
    ProgramView resellers;
    ProgramView referrals;
    List<TierView> resellerTiers;
    List<TierView> referralTiers;

    @BeforeEach
    void twoProgrammesWithTiers() {
        programs = new ProgramFixtures(context);
        tenant = fixtures.newWorkspace();
        resellers = programs.program(tenant, "Resellers", PartnerType.RESELLER);
        referrals = programs.program(tenant, "Referrals", PartnerType.REFERRAL);
        resellerTiers = programs.ladder(tenant, resellers.id());
        referralTiers = programs.ladder(tenant, referrals.id());
    }

    private List<MembershipView> membershipsOf(PartnerId partner) {
        return programs.as(tenant, () -> memberships.list(null, partner));
    }

    private PartnerId partnerNamed(String name) {
        return db.sql("select id from partners_partner where workspace_id = ? and name = ?")
                .params(tenant.id().value(), name)
                .query(UUID.class)
                .optional()
                .map(PartnerId::new)
                .orElse(null);
    }

    @Test
    void anAddedPartnerJoinsTheChosenProgrammesAtTheTierItEarnsOrTheOneChosen() throws Exception {
        var manager = fixtures.member(tenant, Role.PARTNER_MANAGER);
        mvc.perform(get("/app/partners/new").with(signedIn(manager)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Member, starting at Gold")));
        TierView gold = resellerTiers.get(2);
        mvc.perform(post("/app/partners")
                        .with(signedIn(manager))
                        .with(csrf())
                        .param("name", "Bluebird Consulting")
                        .param("website", "https://bluebird.example")
                        .param("types", "RESELLER")
                        .param("contactName", "Pat Bluebird")
                        .param("contactEmail", Fixtures.uniqueEmail("pat"))
                        .param(
                                "placements",
                                resellers.id() + ":" + gold.id(),
                                referrals.id().toString(),
                                ""))
                .andExpect(redirectedUrlPattern("/app/partners/*"))
                .andExpect(flash().attribute("flash", containsString("added to 2 programmes")));

        List<MembershipView> joined = membershipsOf(partnerNamed("Bluebird Consulting"));
        assertThat(joined)
                .extracting(MembershipView::programName, MembershipView::tierName)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("Resellers", "Gold"),
                        org.assertj.core.groups.Tuple.tuple("Referrals", "Registered"));
        MembershipView placedHigh = joined.stream()
                .filter(m -> m.programName().equals("Resellers"))
                .findFirst()
                .orElseThrow();
        assertThat(placedHigh.belowSince())
                .as("placed above what it earns, it keeps Gold for the grace period")
                .isNotNull();
    }

    @Test
    void aTierOfAnotherProgrammeIsRefusedAndNothingIsStoredOrSent() throws Exception {
        var manager = fixtures.member(tenant, Role.PARTNER_MANAGER);
        String contact = Fixtures.uniqueEmail("pat");
        mvc.perform(post("/app/partners")
                        .with(signedIn(manager))
                        .with(csrf())
                        .param("name", "Mismatched Ltd")
                        .param("types", "RESELLER")
                        .param("contactName", "Pat Mismatch")
                        .param("contactEmail", contact)
                        .param(
                                "placements",
                                resellers.id() + ":" + referralTiers.get(1).id()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Choose one of the tiers of Resellers")));
        mvc.perform(post("/app/partners")
                        .with(signedIn(manager))
                        .with(csrf())
                        .param("name", "Mismatched Ltd")
                        .param("types", "RESELLER")
                        .param("contactName", "Pat Mismatch")
                        .param("contactEmail", contact)
                        .param("placements", UUID.randomUUID().toString()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Choose one of your programmes")));

        assertThat(partnerNamed("Mismatched Ltd")).isNull();
        assertThat(mail.messagesTo(contact)).isEmpty();
    }

    @Test
    void theMembersTabAddsAnExistingPartnerInGoodStandingAtAChosenTier() throws Exception {
        var manager = fixtures.member(tenant, Role.PARTNER_MANAGER);
        PartnerId northstar = programs.partner(tenant, "Northstar Systems");
        PartnerId member = programs.partner(tenant, "Already Inside");
        programs.enrol(tenant, resellers.id(), member);
        PartnerId archived = programs.partner(tenant, "Archived Brothers");
        programs.as(tenant, () -> partners.changeStatus(archived, PartnerStatus.ARCHIVED, "Closed down"));
        String page = "/app/programs/" + resellers.id() + "/members";

        mvc.perform(get(page).with(signedIn(manager)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Northstar Systems")))
                .andExpect(content().string(not(containsString("Archived Brothers"))));
        mvc.perform(get(page + "/candidates").param("q", "north").with(signedIn(manager)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Northstar Systems")))
                .andExpect(content().string(not(containsString("Already Inside"))));
        mvc.perform(get(page + "/candidates").param("q", "inside").with(signedIn(manager)))
                .andExpect(content().string(containsString("No partner outside the programme matches")));

        mvc.perform(post(page)
                        .with(signedIn(manager))
                        .with(csrf())
                        .param("partnerId", northstar.toString())
                        .param("tierId", resellerTiers.get(1).id().toString()))
                .andExpect(flash().attribute("flash", containsString("Northstar Systems joined Resellers at Silver")));
        assertThat(membershipsOf(northstar))
                .extracting(MembershipView::tierName)
                .containsExactly("Silver");

        mvc.perform(post(page).with(signedIn(manager)).with(csrf()).param("partnerId", northstar.toString()))
                .andExpect(flash().attribute("flashError", containsString("member of Resellers already")));
        mvc.perform(post(page).with(signedIn(manager)).with(csrf()).param("partnerId", "bluebird"))
                .andExpect(flash().attribute("flashError", containsString("Choose a partner")));
    }

    @Test
    void aPartnerOfAnotherWorkspaceCannotBeAdded() throws Exception {
        Fixtures.Tenant other = fixtures.newWorkspace();
        PartnerId theirs = programs.partner(other, "Someone Else's");
        mvc.perform(post("/app/programs/" + resellers.id() + "/members")
                        .with(signedIn(tenant.owner()))
                        .with(csrf())
                        .param("partnerId", theirs.toString()))
                .andExpect(status().isNotFound());
        assertThat(programs.as(other, () -> memberships.list(null, theirs))).isEmpty();
        assertThat(programs.as(tenant, () -> memberships.list(resellers.id(), null)))
                .isEmpty();
    }

    @Test
    void readOnlyRolesSeeNoFormAndCannotAdd() throws Exception {
        var analyst = fixtures.member(tenant, Role.ANALYST);
        PartnerId northstar = programs.partner(tenant, "Northstar Systems");
        String page = "/app/programs/" + resellers.id() + "/members";
        mvc.perform(get(page).with(signedIn(analyst)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("data-testid=\"add-member\""))));
        mvc.perform(post(page).with(signedIn(analyst)).with(csrf()).param("partnerId", northstar.toString()))
                .andExpect(status().isForbidden());
        mvc.perform(get(page + "/candidates").with(signedIn(analyst))).andExpect(status().isForbidden());
        assertThat(membershipsOf(northstar)).isEmpty();
    }

    @Test
    void theApiEnrolsAtAChosenTierAndRefusesAnotherProgrammesTier() throws Exception {
        String key = fixtures.apiKey(tenant, ApiKeyScope.READ_WRITE);
        PartnerId northstar = programs.partner(tenant, "Northstar Systems");
        mvc.perform(post("/api/v1/programs/" + resellers.id() + "/memberships")
                        .header("Authorization", "Bearer " + key)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"partnerId\":\"" + northstar + "\",\"tierId\":\""
                                + referralTiers.get(2).id() + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("tierId")));
        assertThat(membershipsOf(northstar)).isEmpty();
        mvc.perform(post("/api/v1/programs/" + resellers.id() + "/memberships")
                        .header("Authorization", "Bearer " + key)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"partnerId\":\"" + northstar + "\",\"tierId\":\""
                                + resellerTiers.get(2).id() + "\"}"))
                .andExpect(status().isCreated())
                .andExpect(content().string(containsString("\"tier\":\"Gold\"")));
    }
}
