package dev.canopy.deals;

import static dev.canopy.testing.Fixtures.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.canopy.programs.ProgramView;
import dev.canopy.testing.CanopyTest;
import dev.canopy.testing.Fixtures;
import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The conflict check at write time: the same registrable domain (subdomains, {@code co.uk}-style
 * suffixes, punycode) or a near-identical company name, among other partners' registrations and the
 * vendor's own accounts; and the reviewer sees the matching record.
 */
@CanopyTest
class ConflictsAreShownToTheReviewer {

    @Autowired
    ApplicationContext context;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Deals deals;

    @Autowired
    AccountMapping mapping;

    @Autowired
    MockMvc mvc;

    DealFixtures f;
    Fixtures.Tenant tenant;
    ProgramView program;
    DealFixtures.Member first;
    DealFixtures.Member second;

    @BeforeEach
    void twoPartnersInOneProgramme() {
        f = new DealFixtures(context);
        tenant = fixtures.newWorkspace();
        program = f.program(tenant);
        first = f.member(tenant, program);
        second = f.member(tenant, program);
    }

    private List<DealConflict> conflictsOf(DealView deal) {
        return f.asStaff(tenant, () -> deals.conflicts(deal.id()));
    }

    @Test
    void aSubdomainUnderACountrySuffixIsTheSameAccount() {
        DealView earlier = f.register(first, program, "Acme Widgets", "https://www.acme.co.uk");
        DealView later = f.register(second, program, "Widgets Department", "shop.eu.acme.co.uk/contact");

        assertThat(later.domain()).isEqualTo("acme.co.uk");
        assertThat(conflictsOf(later)).singleElement().satisfies(c -> {
            assertThat(c.source()).isEqualTo(DealConflict.Source.REGISTRATION);
            assertThat(c.matchedRef()).isEqualTo(earlier.id().toString());
            assertThat(c.matchedBy()).isEqualTo(DealConflict.MatchedBy.DOMAIN);
            assertThat(c.matchedName()).isEqualTo("Acme Widgets");
        });
        assertThat(conflictsOf(earlier))
                .as("the earlier registration's reviewer sees the newcomer")
                .extracting(DealConflict::matchedRef)
                .containsExactly(later.id().toString());
    }

    @Test
    void anotherCompanyUnderTheSameCountrySuffixIsNot() {
        f.register(first, program, "Acme Widgets", "acme.co.uk");
        DealView other = f.register(second, program, "Globex Logistics", "globex.co.uk");

        assertThat(conflictsOf(other)).isEmpty();
    }

    @Test
    void unicodeAndPunycodeSpellingsAreTheSameDomain() {
        DealView earlier = f.register(first, program, "Bücherstube Berlin", "https://www.bücherstube.de");
        DealView later = f.register(second, program, "Buecherstube", "xn--bcherstube-9db.de");

        assertThat(earlier.domain()).isEqualTo("xn--bcherstube-9db.de");
        assertThat(conflictsOf(later))
                .extracting(DealConflict::matchedRef)
                .containsExactly(earlier.id().toString());
    }

    @Test
    void nearIdenticalNamesOnOtherDomainsConflictByName() {
        DealView earlier = f.register(first, program, "Initech Solutions Pvt. Ltd.", "initech.in");
        DealView later = f.register(second, program, "INITECH SOLUTIONS, Inc", "initech-solutions.com");
        DealView unrelated = f.register(second, program, "Initrode Analytics GmbH", "initrode.de");

        assertThat(conflictsOf(later)).singleElement().satisfies(c -> {
            assertThat(c.matchedRef()).isEqualTo(earlier.id().toString());
            assertThat(c.matchedBy()).isEqualTo(DealConflict.MatchedBy.NAME);
            assertThat(c.similarity()).isGreaterThanOrEqualTo(new java.math.BigDecimal("0.5"));
        });
        assertThat(conflictsOf(unrelated)).isEmpty();
    }

    @Test
    void theVendorsCustomersAndOpenOpportunitiesConflictButProspectsDoNot() {
        f.asStaff(tenant, () -> mapping.uploadVendorAccounts("""
                name,domain,status
                Umbrella Corporation,umbrella.com,customer
                Soylent Foods,soylent.com,open opportunity
                Hooli,hooli.xyz,prospect
                """));

        DealView customer = f.register(first, program, "Umbrella", "eu.umbrella.com");
        DealView opportunity = f.register(first, program, "Soylent Foods Ltd", "soylentfoods.net");
        DealView prospect = f.register(first, program, "Hooli", "hooli.xyz");

        assertThat(conflictsOf(customer)).singleElement().satisfies(c -> {
            assertThat(c.source()).isEqualTo(DealConflict.Source.VENDOR_ACCOUNT);
            assertThat(c.matchedStatus()).isEqualTo("CUSTOMER");
        });
        assertThat(conflictsOf(opportunity)).singleElement().satisfies(c -> {
            assertThat(c.matchedBy()).isEqualTo(DealConflict.MatchedBy.NAME);
            assertThat(c.matchedName()).isEqualTo("Soylent Foods");
        });
        assertThat(conflictsOf(prospect)).isEmpty();
    }

    @Test
    void anotherWorkspacesRegistrationsNeverShowInTheHint() throws Exception {
        Fixtures.Tenant other = fixtures.newWorkspace();
        ProgramView otherProgram = f.program(other);
        f.register(f.member(other, otherProgram), otherProgram, "Cyberdyne Systems", "cyberdyne-systems.com");

        assertThat(mvc.perform(get("/portal/deals/hint")
                                .param("website", "cyberdyne-systems.com")
                                .with(f.portal(first)))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("not registered yet");
        assertThat(conflictsOf(f.register(first, program, "Cyberdyne Systems", "cyberdyne-systems.com")))
                .isEmpty();
    }

    @Test
    void aRejectedRegistrationNoLongerConflicts() {
        DealView rejected = f.register(first, program, "Vandelay Industries", "vandelay.com");
        f.asStaff(tenant, () -> deals.reject(rejected.id(), "Not a fit"));

        assertThat(conflictsOf(f.register(second, program, "Vandelay", "vandelay.com")))
                .isEmpty();
    }

    @Test
    void theReviewerSeesTheConflictAndTheMatchingRecordWhileThePartnerOnlyGetsAHint() throws Exception {
        DealView earlier = f.register(first, program, "Wayne Enterprises", "wayne.com");
        DealView later = f.register(second, program, "Wayne Enterprises Inc", "news.wayne.com");

        mvc.perform(get("/app/deals").with(signedIn(tenant.owner())))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("conflict-badge")));
        mvc.perform(get("/app/deals/" + later.id()).with(signedIn(tenant.owner())))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("/app/deals/" + earlier.id())))
                .andExpect(content().string(Matchers.containsString("Same domain")));

        String hint = mvc.perform(get("/portal/deals/hint")
                        .param("website", "https://WWW.wayne.com/about")
                        .with(f.portal(second)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(hint).contains("wayne.com").contains("already registered").doesNotContain(earlier.partnerName());
        String fresh = mvc.perform(get("/portal/deals/hint")
                        .param("website", "nobody-has-this.com")
                        .with(f.portal(second)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(fresh).contains("not registered yet");
    }
}
