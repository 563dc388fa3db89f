package dev.canopy.commissions;

import static dev.canopy.testing.Fixtures.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.canopy.identity.ApiKeyScope;
import dev.canopy.identity.Role;
import dev.canopy.identity.security.VendorUser;
import dev.canopy.partners.PartnerId;
import dev.canopy.programs.ProgramFixtures;
import dev.canopy.programs.ProgramView;
import dev.canopy.programs.TierMetric;
import dev.canopy.programs.TierView;
import dev.canopy.testing.CanopyTest;
import dev.canopy.testing.Fixtures;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Finance grants a partner a bounty under a bounty rule of its programme, with a reason: the commission
 * is pending with the rule's amount (the partner's tier's, where the rule has one), explains itself and
 * is audited. The same form sent twice, or an API call retried with its Idempotency-Key, grants once;
 * bad input names the field and stores nothing; another workspace's partner is not found.
 */
@CanopyTest
class StaffGrantBountiesOnceWithTheirReason {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ApplicationContext context;

    @Autowired
    Bounties bounties;

    @Autowired
    CommissionPlans plans;

    @Autowired
    JdbcClient db;

    private CommissionFixtures f;
    private ProgramFixtures programs;
    private Fixtures.Tenant tenant;
    private ProgramView program;
    private TierView gold;
    private PartnerId plain;
    private PartnerId star;
    private CommissionRule rule;
    private VendorUser finance;
    private String key;

    @BeforeEach
    void aBountyRuleWithAGoldAmountAndTwoPartners() {
        f = new CommissionFixtures(context);
        programs = new ProgramFixtures(context);
        tenant = fixtures.newWorkspace();
        program = f.referralProgram(tenant, "EUR", 30);
        programs.tier(tenant, program.id(), "Registered", Map.of());
        gold = programs.tier(tenant, program.id(), "Gold", Map.of(TierMetric.DEALS_WON, "1"));
        plain = programs.partner(tenant, Fixtures.unique("Plain"));
        programs.enrol(tenant, program.id(), plain);
        star = programs.partner(tenant, Fixtures.unique("Star"));
        programs.deals(tenant, star, 1);
        programs.enrol(tenant, program.id(), star);
        rule = f.rule(
                tenant,
                program,
                CommissionFixtures.bounty(
                        "Launch bonus", "500", Map.of(gold.id().toString(), "750")));
        finance = fixtures.member(tenant, Role.FINANCE);
        key = fixtures.apiKey(tenant, ApiKeyScope.READ_WRITE);
    }

    private Bounties.Granted grant(PartnerId partner, String reason) {
        return fixtures.as(
                finance,
                () -> bounties.grant(
                        new Bounties.Grant(partner.value().toString(), rule.id().toString(), reason, null)));
    }

    private ResultActions api(String json, String idempotencyKey) throws Exception {
        var request = post("/api/v1/commissions/bounties")
                .header("Authorization", "Bearer " + key)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json);
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return mvc.perform(request);
    }

    private static String json(Object partner, Object rule, String reason) {
        return "{\"partnerId\":\"" + partner + "\",\"ruleId\":\"" + rule + "\",\"reason\":\"" + reason + "\"}";
    }

    private ResultActions form(VendorUser user, Object partner, Object rule, String reason, String token)
            throws Exception {
        return mvc.perform(post("/app/commissions/bounties")
                .with(signedIn(user))
                .with(csrf())
                .param("partnerId", String.valueOf(partner))
                .param("ruleId", String.valueOf(rule))
                .param("reason", reason)
                .param("token", token));
    }

    /** Sources, commissions and bounty audit entries of the workspace. */
    private List<Long> stored(Fixtures.Tenant of) {
        return List.of(
                fixtures.count("commissions_source", of.id()),
                fixtures.count("commissions_commission", of.id()),
                db.sql(
                                "select count(*) from audit_event where workspace_id = ? and action = 'commissions.bounty-granted'")
                        .param(of.id().value())
                        .query(Long.class)
                        .single());
    }

    @Test
    void theGrantIsPendingWithTheRulesOrTheTiersAmountItsReasonAndWhoGrantedIt() throws Exception {
        f.rule(tenant, program, CommissionFixtures.bounty("Webinar bonus", "50", Map.of()));
        Bounties.Granted first = grant(plain, "  First deal closed ");
        Bounties.Granted second = grant(star, "Launch campaign Q4");
        assertThat(stored(tenant))
                .as("one commission each, under the rule granted only")
                .containsExactly(2L, 2L, 2L);

        assertThat(first.now()).isTrue();
        CommissionView c = first.commission();
        assertThat(c.amount().toString()).isEqualTo("500.00 EUR");
        assertThat(c.status()).isEqualTo(CommissionStatus.PENDING);
        assertThat(c.ruleId()).isEqualTo(rule.id());
        assertThat(c.sourceKind()).isEqualTo("BOUNTY");
        assertThat(c.sourceDescription())
                .startsWith("Bounty: First deal closed (granted by ")
                .doesNotContain("@");
        assertThat(c.explanation()).isEqualTo("flat = 500.00 EUR — rule “Launch bonus”");
        assertThat(c.holdUntil()).isEqualTo(c.occurredAt().plus(Duration.ofDays(30)));
        assertThat(second.commission().amount().toString()).isEqualTo("750.00 EUR");
        assertThat(second.commission().explanation()).isEqualTo("flat = 750.00 EUR — rule “Launch bonus”");
        assertThat(db.sql("""
                        select after_state ->> 'reason' from audit_event
                        where workspace_id = ? and action = 'commissions.bounty-granted' order by id
                        """).param(tenant.id().value()).query(String.class).list())
                .containsExactly("First deal closed", "Launch campaign Q4");

        mvc.perform(get("/app/commissions/" + c.id()).with(signedIn(finance)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Bounty: First deal closed (granted by ")))
                .andExpect(content().string(containsString("Launch bonus")));
        mvc.perform(get("/app/commissions").with(signedIn(finance)))
                .andExpect(content().string(containsString("Bounty: Launch campaign Q4")));
    }

    @Test
    void theFormSentTwiceOrAnApiCallRetriedGrantsOnce() throws Exception {
        mvc.perform(get("/app/commissions/bounties/new")
                        .param("partner", plain.value().toString())
                        .with(signedIn(finance)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Launch bonus — 500 EUR (Gold: 750 EUR)")))
                .andExpect(content().string(containsString("name=\"token\"")));
        String token = UUID.randomUUID().toString();
        String first = form(finance, plain.value(), rule.id(), "First deal closed", token)
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("flash", containsString("granted to")))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        form(finance, plain.value(), rule.id(), "First deal closed", token)
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("flash", containsString("granted already")))
                .andExpect(result ->
                        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo(first));
        assertThat(stored(tenant)).containsExactly(1L, 1L, 1L);

        String body = json(star.value(), rule.id(), "Launch campaign Q4");
        String id = com.jayway.jsonpath.JsonPath.read(
                api(body, "grant-star-q4")
                        .andExpect(status().isCreated())
                        .andExpect(jsonPath("$.amount").value("750.00"))
                        .andExpect(jsonPath("$.status").value("PENDING"))
                        .andExpect(jsonPath("$.sourceKind").value("BOUNTY"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");
        api(body, "grant-star-q4")
                .andExpect(status().isCreated())
                .andExpect(header().string("Idempotency-Replayed", "true"))
                .andExpect(jsonPath("$.id").value(id));
        assertThat(stored(tenant)).containsExactly(2L, 2L, 2L);

        form(
                        finance,
                        plain.value(),
                        rule.id(),
                        "Second deal closed",
                        UUID.randomUUID().toString())
                .andExpect(status().is3xxRedirection());
        assertThat(stored(tenant)).containsExactly(3L, 3L, 3L);
    }

    @Test
    void eachWrongFieldIsNamedAndNothingIsStored() throws Exception {
        PartnerId outsider = programs.partner(tenant, Fixtures.unique("Outsider"));
        CommissionRule fee = f.rule(tenant, program, CommissionFixtures.referralFee("10"));
        CommissionRule goldOnly = f.rule(
                tenant,
                program,
                new RuleDraft(
                        "Gold bonus",
                        "BOUNTY",
                        "FLAT",
                        null,
                        "900",
                        "ONCE",
                        null,
                        null,
                        null,
                        null,
                        null,
                        gold.id().toString(),
                        null,
                        null,
                        Map.of()));
        CommissionRule off = f.rule(tenant, program, CommissionFixtures.bounty("Old bonus", "100", Map.of()));
        fixtures.as(tenant.owner(), () -> {
            plans.setActive(program.id(), off.id(), false);
            return null;
        });
        List<Long> before = stored(tenant);

        api(json(outsider.value(), rule.id(), "First deal"), null)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("partnerId"))
                .andExpect(jsonPath("$.errors[0].message", containsString("is not in " + program.name())));
        for (CommissionRule wrong : List.of(fee, goldOnly, off)) {
            api(json(plain.value(), wrong.id(), "First deal"), null)
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("ruleId"));
        }
        api(json(plain.value(), rule.id(), "   "), null)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        api(json("nope", "nope", ""), null)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.length()").value(3));
        form(finance, plain.value(), goldOnly.id(), "", UUID.randomUUID().toString())
                .andExpect(status().isBadRequest())
                .andExpect(model().attributeHasFieldErrors("bountyForm", "ruleId", "reason"))
                .andExpect(content().string(containsString("is-invalid")))
                .andExpect(content().string(containsString("Say what the bounty is for")));

        assertThat(stored(tenant)).isEqualTo(before);
    }

    @Test
    void anotherWorkspacesPartnerOrRuleIsNeverGranted() throws Exception {
        Fixtures.Tenant other = fixtures.newWorkspace();
        ProgramView theirs = f.referralProgram(other, "EUR", 30);
        PartnerId theirPartner = f.member(other, theirs).id();
        CommissionRule theirRule = f.rule(other, theirs, CommissionFixtures.bounty("Their bonus", "999", Map.of()));
        List<Long> ours = stored(tenant);
        List<Long> theirsBefore = stored(other);

        api(json(theirPartner.value(), rule.id(), "Poached"), null).andExpect(status().isNotFound());
        api(json(theirPartner.value(), theirRule.id(), "Poached"), null).andExpect(status().isNotFound());
        api(json(plain.value(), theirRule.id(), "Poached"), null)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("ruleId"));
        form(
                        finance,
                        theirPartner.value(),
                        rule.id(),
                        "Poached",
                        UUID.randomUUID().toString())
                .andExpect(status().isNotFound());

        assertThat(stored(tenant)).isEqualTo(ours);
        assertThat(stored(other)).isEqualTo(theirsBefore);
    }

    @Test
    void onlyThoseWhoMayChangeCommissionsGrantBounties() throws Exception {
        VendorUser manager = fixtures.member(tenant, Role.PARTNER_MANAGER);
        mvc.perform(get("/app/commissions/bounties/new").with(signedIn(manager)))
                .andExpect(status().isForbidden());
        form(manager, plain.value(), rule.id(), "Mine", UUID.randomUUID().toString())
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/commissions/bounties")
                        .header("Authorization", "Bearer " + fixtures.apiKey(tenant, ApiKeyScope.READ))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json(plain.value(), rule.id(), "Mine")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/openapi.json"))
                .andExpect(
                        jsonPath("$.paths['/api/v1/commissions/bounties'].post").exists());
        assertThat(stored(tenant)).containsExactly(0L, 0L, 0L);
    }
}
