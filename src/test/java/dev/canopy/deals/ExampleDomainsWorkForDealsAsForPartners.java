package dev.canopy.deals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.canopy.programs.ProgramView;
import dev.canopy.shared.InvalidInputException;
import dev.canopy.testing.CanopyTest;
import dev.canopy.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Domains under the TLDs reserved for examples (RFC 2606's {@code .example}, RFC 6761's {@code .test}) are
 * registrable the same way everywhere: partners, deal registrations, leads and account lists (ADR 11). A
 * host with no registrable domain is refused the same way too.
 */
@CanopyTest
class ExampleDomainsWorkForDealsAsForPartners {

    @Autowired
    ApplicationContext context;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Deals deals;

    @Autowired
    Leads leads;

    @Test
    void aRegistrationALeadAndAPartnerOnDotExampleShareOneDomain() {
        DealFixtures f = new DealFixtures(context);
        Fixtures.Tenant tenant = fixtures.newWorkspace();
        ProgramView program = f.program(tenant);
        DealFixtures.Member partner = f.member(tenant, program);

        DealView deal = f.register(partner, program, "Initech", "https://www.shop.initech.example/contact");
        LeadView lead = f.asStaff(
                tenant,
                () -> leads.create(
                        new NewLead("Initech", "initech.example", "Bill", "bill@initech.example", "EMEA", null, "")));

        assertThat(deal.domain()).isEqualTo("initech.example");
        assertThat(lead.domain()).isEqualTo("initech.example");
        assertThat(f.asPartner(partner, () -> deals.hint("initech.example")))
                .hasValueSatisfying(h -> assertThat(h.domain()).isEqualTo("initech.example"));
        assertThatThrownBy(() -> f.register(partner, program, "Nowhere", "https://intranet.invalid"))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(InvalidInputException.FieldProblem::field)
                                .containsExactly("website"));
    }
}
