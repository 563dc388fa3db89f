package dev.canopy.payouts;

import static dev.canopy.testing.Fixtures.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.canopy.deals.DealFixtures;
import dev.canopy.identity.Role;
import dev.canopy.programs.ProgramView;
import dev.canopy.testing.CanopyTest;
import dev.canopy.testing.Fixtures;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** A mistyped IBAN, PAN or GSTIN, in the portal or in payout settings, is named by its field; nothing is stored. */
@CanopyTest
class BadPayoutInputIsNamedAndNothingIsStored {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient db;

    DealFixtures deals;
    Fixtures.Tenant tenant;
    DealFixtures.Member partner;

    @BeforeEach
    void aPartnerWithoutDetails() {
        deals = new DealFixtures(context);
        tenant = fixtures.newWorkspace();
        ProgramView program = new PayoutFixtures(context).referralProgramme(tenant, "INR");
        partner = deals.member(tenant, program);
    }

    @Test
    void aMistypedIbanIsNamedAndNoPayoutDetailsAreStored() throws Exception {
        String before = stored();
        String page = mvc.perform(post("/portal/payout-details/payout")
                        .with(deals.portal(partner))
                        .with(csrf())
                        .param("method", "BANK")
                        .param("payeeName", "Bluebird Consulting")
                        .param("iban", "DE89 3704 0044 0532 0130 01")
                        .param("bic", "NOT A BIC"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("payoutForm", "iban", "bic"))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("This is not a valid IBAN").contains("is-invalid");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void anUnknownPayoutCurrencyIsNamedAndNothingIsStored() throws Exception {
        String before = stored();
        for (String currency : List.of("XYZ", "dollars")) {
            String page = mvc.perform(post("/portal/payout-details/payout")
                            .with(deals.portal(partner))
                            .with(csrf())
                            .param("method", "BANK")
                            .param("payeeName", "Bluebird Consulting")
                            .param("iban", "DE89 3704 0044 0532 0130 00")
                            .param("payoutCurrency", currency))
                    .andExpect(status().isOk())
                    .andExpect(model().attributeHasFieldErrors("payoutForm", "payoutCurrency"))
                    .andReturn()
                    .getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            assertThat(page).contains(currency.equals("XYZ") ? "XYZ is not an ISO 4217 currency code" : "three-letter");
        }
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void aMalformedPanAndGstinAreNamedAndNoTaxDetailsAreStored() throws Exception {
        String before = stored();
        mvc.perform(post("/portal/payout-details/tax")
                        .with(deals.portal(partner))
                        .with(csrf())
                        .param("country", "IN")
                        .param("legalName", "Bluebird Consulting LLP")
                        .param("pan", "AAPFU0939")
                        .param("gstin", "29AABCZ1234A1ZX"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("taxForm", "pan", "gstin"));
        mvc.perform(post("/portal/payout-details/tax")
                        .with(deals.portal(partner))
                        .with(csrf())
                        .param("country", "IN")
                        .param("legalName", "Bluebird Consulting LLP")
                        .param("usForm", "W-10"))
                .andExpect(model().attributeHasFieldErrors("taxForm", "pan", "usForm"));
        mvc.perform(post("/portal/payout-details/tax")
                        .with(deals.portal(partner))
                        .with(csrf())
                        .param("country", "US")
                        .param("legalName", "Bluebird Inc.")
                        .param("usForm", "W9")
                        .param("taxId", "12-34567"))
                .andExpect(model().attributeHasFieldErrors("taxForm", "taxId"));
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void goodDetailsAreSaved() throws Exception {
        mvc.perform(post("/portal/payout-details/payout")
                        .with(deals.portal(partner))
                        .with(csrf())
                        .param("method", "BANK")
                        .param("payeeName", "Bluebird Consulting")
                        .param("iban", "DE89 3704 0044 0532 0130 00")
                        .param("payoutCurrency", " usd "))
                .andExpect(flash().attributeExists("flash"));
        mvc.perform(post("/portal/payout-details/tax")
                        .with(deals.portal(partner))
                        .with(csrf())
                        .param("country", "in")
                        .param("legalName", "Bluebird Consulting LLP")
                        .param("pan", PayoutFixtures.PAN)
                        .param("gstin", PayoutFixtures.GSTIN))
                .andExpect(flash().attributeExists("flash"));
        assertThat(db.sql("select iban from payouts_profile where partner_id = ?")
                        .param(partner.id().value())
                        .query(String.class)
                        .single())
                .isEqualTo("DE89370400440532013000");
        assertThat(db.sql("select payout_currency from payouts_profile where partner_id = ?")
                        .param(partner.id().value())
                        .query(String.class)
                        .single())
                .isEqualTo("USD");
        assertThat(db.sql("select gstin from payouts_tax_profile where partner_id = ?")
                        .param(partner.id().value())
                        .query(String.class)
                        .single())
                .isEqualTo(PayoutFixtures.GSTIN);
    }

    @Test
    void badPayoutSettingsAreNamedAndTheOldOnesStay() throws Exception {
        String before = stored();
        mvc.perform(post("/app/payouts/settings")
                        .with(signedIn(fixtures.member(tenant, Role.FINANCE)))
                        .with(csrf())
                        .param("scheduled", "true")
                        .param("netDays", "90")
                        .param("secondApprovalAbove", "-5")
                        .param("secondApprovalCurrency", "dollars")
                        .param("gstin", "29AAGCB7383J1Z5")
                        .param("taxCountry", "XX")
                        .param("withoutPan", "MAYBE"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors(
                                "form",
                                "netDays",
                                "secondApprovalAbove",
                                "secondApprovalCurrency",
                                "gstin",
                                "legalName",
                                "taxCountry",
                                "withoutPan"));
        assertThat(stored()).isEqualTo(before);

        mvc.perform(post("/app/payouts/settings")
                        .with(signedIn(tenant.owner()))
                        .with(csrf())
                        .param("netDays", "30")
                        .param("secondApprovalAbove", "500000")
                        .param("secondApprovalCurrency", "inr")
                        .param("legalName", "Northwind Cloud India Pvt Ltd")
                        .param("address", "4 Residency Road, Bengaluru")
                        .param("gstin", PayoutFixtures.VENDOR_GSTIN)
                        .param("taxCountry", " in ")
                        .param("withoutPan", "HOLD"))
                .andExpect(flash().attribute("flash", "Payout settings saved."));
        PayoutSettings saved = fixtures.as(
                tenant.owner(), () -> context.getBean(PayoutRules.class).settings());
        assertThat(saved.scheduled()).isFalse();
        assertThat(saved.netDays()).isEqualTo(30);
        assertThat(saved.secondApprovalAbove()).isEqualTo(dev.canopy.shared.Money.of("500000", "INR"));
        assertThat(saved.gstin()).isEqualTo(PayoutFixtures.VENDOR_GSTIN);
        assertThat(saved.taxCountry()).isEqualTo("IN");
        assertThat(saved.holdWithoutPan()).isTrue();
        assertThat(db.sql("select count(*) from audit_event where workspace_id = ? and action = ?")
                        .params(tenant.id().value(), "payouts.settings-changed")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    /** The workspace's payout details, settings and audit log, to compare before and after. */
    private String stored() {
        return db.sql("""
                        select coalesce(md5(string_agg(t::text, '|' order by t::text)), '') from (
                          select p::text from payouts_profile p where workspace_id = ?
                          union all select x::text from payouts_tax_profile x where workspace_id = ?
                          union all select s::text from payouts_settings s where workspace_id = ?
                          union all select e::text from audit_event e where workspace_id = ?
                            and action like 'payouts.%') t
                        """)
                .params(
                        tenant.id().value(),
                        tenant.id().value(),
                        tenant.id().value(),
                        tenant.id().value())
                .query(String.class)
                .single();
    }
}
