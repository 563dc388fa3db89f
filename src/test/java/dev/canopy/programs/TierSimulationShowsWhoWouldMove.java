package dev.canopy.programs;

import static dev.canopy.testing.Fixtures.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.canopy.identity.Role;
import dev.canopy.partners.PartnerId;
import dev.canopy.partners.PartnerType;
import dev.canopy.testing.CanopyTest;
import dev.canopy.testing.Fixtures;
import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * In the tier editor, a draft rule shows which members would move up or down before it is saved, and
 * nothing is stored until it is.
 */
@CanopyTest
class TierSimulationShowsWhoWouldMove {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ApplicationContext context;

    @Autowired
    Tiers tiers;

    @Autowired
    JdbcClient db;

    private ProgramFixtures programFixtures;
    private Fixtures.Tenant tenant;
    private ProgramView program;
    private TierView silver;

    @BeforeEach
    void threeMembersOnALadder() {
        programFixtures = new ProgramFixtures(context);
        tenant = fixtures.newWorkspace();
        program = programFixtures.program(tenant, "Reseller", PartnerType.RESELLER);
        List<TierView> ladder = programFixtures.ladder(tenant, program.id());
        silver = ladder.get(1);
        PartnerId alder = programFixtures.partner(tenant, "Alder Partners");
        PartnerId birch = programFixtures.partner(tenant, "Birch Group");
        PartnerId cedar = programFixtures.partner(tenant, "Cedar Systems");
        programFixtures.deals(tenant, alder, 3);
        programFixtures.deals(tenant, birch, 6);
        programFixtures.revenue(tenant, birch, "75000");
        programFixtures.deals(tenant, cedar, 1);
        for (PartnerId partner : List.of(alder, birch, cedar)) {
            programFixtures.enrol(tenant, program.id(), partner);
        }
    }

    private MockHttpServletRequestBuilder simulate(String dealsWon) {
        return post("/app/programs/" + program.id() + "/tiers/" + silver.id() + "/simulate")
                .with(signedIn(tenant.owner()))
                .with(csrf())
                .header("HX-Request", "true")
                .param("name", "Silver")
                .param("dealsWon", dealsWon);
    }

    private String everythingStored() {
        return db.sql("""
                        select md5(string_agg(t::text, '|' order by t::text)) from (
                          select 'tier', id::text, name from programs_tier where workspace_id = ?
                          union all select 'threshold', tier_id::text, metric || threshold from programs_tier_threshold where workspace_id = ?
                          union all select 'member', partner_id::text, coalesce(tier_id::text, '') || coalesce(below_since::text, '') from programs_membership where workspace_id = ?
                          union all select 'change', id::text, reason from programs_tier_change where workspace_id = ?
                          union all select 'audit', id::text, action from audit_event where workspace_id = ?) t
                        """)
                .params(
                        tenant.id().value(),
                        tenant.id().value(),
                        tenant.id().value(),
                        tenant.id().value(),
                        tenant.id().value())
                .query(String.class)
                .single();
    }

    @Test
    void raisingTheBarShowsWhoWouldMoveDownAndLoweringItWhoWouldMoveUp() throws Exception {
        assertThat(programFixtures.as(
                        tenant, () -> context.getBean(Memberships.class).list(program.id(), null)))
                .extracting(MembershipView::partnerName, MembershipView::tierName)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("Alder Partners", "Silver"),
                        org.assertj.core.groups.Tuple.tuple("Birch Group", "Gold"),
                        org.assertj.core.groups.Tuple.tuple("Cedar Systems", "Registered"));
        String before = everythingStored();

        List<Mover> down = programFixtures.as(
                tenant,
                () -> tiers.simulate(
                        program.id(),
                        silver.id(),
                        new TierDraft("Silver", null, java.util.Map.of(TierMetric.DEALS_WON, "4"))));
        assertThat(down).singleElement().satisfies(m -> {
            assertThat(m.partnerName()).isEqualTo("Alder Partners");
            assertThat(m.today()).isEqualTo("Silver");
            assertThat(m.withDraft()).isEqualTo("Registered");
            assertThat(m.up()).isFalse();
        });

        mvc.perform(simulate("1"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Cedar Systems")))
                .andExpect(content().string(Matchers.containsString("data-direction=\"up\"")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("Alder Partners"))))
                .andExpect(content().string(Matchers.not(Matchers.containsString("<html"))));
        mvc.perform(simulate("4"))
                .andExpect(content().string(Matchers.containsString("Alder Partners")))
                .andExpect(content().string(Matchers.containsString("data-direction=\"down\"")))
                .andExpect(content().string(Matchers.containsString("90 days")));
        mvc.perform(simulate("2")).andExpect(content().string(Matchers.containsString("Nobody would change tier")));
        mvc.perform(simulate("two"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Enter a number")));

        assertThat(everythingStored()).isEqualTo(before);
    }

    @Test
    void anAnalystMaySimulateButNotSave() throws Exception {
        var analyst = fixtures.member(tenant, Role.ANALYST);
        mvc.perform(get("/app/programs/" + program.id() + "/tiers/" + silver.id())
                        .with(signedIn(analyst)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.not(Matchers.containsString("data-testid=\"save-tier\""))));
        mvc.perform(post("/app/programs/" + program.id() + "/tiers/" + silver.id() + "/simulate")
                        .with(signedIn(analyst))
                        .with(csrf())
                        .param("dealsWon", "4"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Alder Partners")));
        mvc.perform(post("/app/programs/" + program.id() + "/tiers/" + silver.id())
                        .with(signedIn(analyst))
                        .with(csrf())
                        .param("name", "Silver")
                        .param("dealsWon", "4"))
                .andExpect(status().isForbidden());
    }

    @Test
    void savingTheRuleAppliesAtTheNextEvaluationWithTheGracePeriod() throws Exception {
        mvc.perform(post("/app/programs/" + program.id() + "/tiers/" + silver.id())
                        .with(signedIn(tenant.owner()))
                        .with(csrf())
                        .param("name", "Silver")
                        .param("benefits", "20 % margin")
                        .param("dealsWon", "4"))
                .andExpect(redirectedUrl("/app/programs/" + program.id() + "/tiers"));
        assertThat(programFixtures
                        .as(tenant, () -> tiers.tier(program.id(), silver.id()))
                        .thresholds())
                .containsOnlyKeys(TierMetric.DEALS_WON);
        mvc.perform(post("/app/programs/" + program.id() + "/evaluate")
                        .with(signedIn(tenant.owner()))
                        .with(csrf()))
                .andExpect(redirectedUrl("/app/programs/" + program.id() + "/tiers"));
        MembershipView alder =
                programFixtures
                        .as(tenant, () -> context.getBean(Memberships.class).list(program.id(), null))
                        .stream()
                        .filter(m -> m.partnerName().equals("Alder Partners"))
                        .findFirst()
                        .orElseThrow();
        assertThat(alder.tierName()).isEqualTo("Silver");
        assertThat(alder.belowSince()).isNotNull();
        mvc.perform(get("/app/programs/" + program.id() + "/members").with(signedIn(tenant.owner())))
                .andExpect(content().string(Matchers.containsString("Below its tier since")));
    }

    @Test
    void badThresholdsAndTakenNamesAreNamedAndNothingIsSaved() throws Exception {
        String before = everythingStored();
        mvc.perform(post("/app/programs/" + program.id() + "/tiers/" + silver.id())
                        .with(signedIn(tenant.owner()))
                        .with(csrf())
                        .param("name", "Gold")
                        .param("dealsWon", "4"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("form", "name"));
        mvc.perform(post("/app/programs/" + program.id() + "/tiers/" + silver.id())
                        .with(signedIn(tenant.owner()))
                        .with(csrf())
                        .param("name", "")
                        .param("dealsWon", "-1")
                        .param("revenue12m", "a lot"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("form", "name", "dealsWon", "revenue12m"));
        mvc.perform(post("/app/programs/" + program.id() + "/tiers")
                        .with(signedIn(tenant.owner()))
                        .with(csrf())
                        .param("name", "Silver"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("form", "name"));
        mvc.perform(post("/app/programs/" + program.id() + "/tiers/" + silver.id() + "/remove")
                        .with(signedIn(tenant.owner()))
                        .with(csrf()))
                .andExpect(redirectedUrl("/app/programs/" + program.id() + "/tiers"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("flashError", Matchers.containsString("Partners are in Silver")));
        assertThat(everythingStored()).isEqualTo(before);
    }
}
