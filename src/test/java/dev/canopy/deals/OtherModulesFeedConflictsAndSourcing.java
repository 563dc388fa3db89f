package dev.canopy.deals;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.partners.PartnerId;
import dev.canopy.programs.ProgramView;
import dev.canopy.shared.WorkspaceId;
import dev.canopy.testing.CanopyTest;
import dev.canopy.testing.Fixtures;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The extension points tracking will implement: customers it knows conflict with registrations, date a
 * vendor's opportunity and join the vendor's account list; a partner's clicks are sourcing evidence.
 */
@CanopyTest
@Import(OtherModulesFeedConflictsAndSourcing.Extensions.class)
class OtherModulesFeedConflictsAndSourcing {

    /** What another module would know, per workspace. */
    static final Map<WorkspaceId, List<KnownCustomer>> CUSTOMERS = new ConcurrentHashMap<>();

    static final Map<PartnerId, List<SourcingEvidence.PartnerAction>> CLICKS = new ConcurrentHashMap<>();

    @TestConfiguration(proxyBeanMethods = false)
    static class Extensions {

        @Bean
        KnownCustomers knownCustomers() {
            return new KnownCustomers() {
                @Override
                public List<KnownCustomer> matching(WorkspaceId workspace, String registrableDomain, String name) {
                    return all(workspace).stream()
                            .filter(c -> c.registrableDomain().equals(registrableDomain))
                            .toList();
                }

                @Override
                public List<KnownCustomer> all(WorkspaceId workspace) {
                    return CUSTOMERS.getOrDefault(workspace, List.of());
                }
            };
        }

        @Bean
        PartnerTouches clicks() {
            return (workspace, partner, domain) -> CLICKS.getOrDefault(partner, List.of()).stream()
                    .filter(c -> c.reference().equals(domain))
                    .toList();
        }
    }

    @Autowired
    ApplicationContext context;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Deals deals;

    @Autowired
    AccountMapping mapping;

    DealFixtures f;
    Fixtures.Tenant tenant;
    ProgramView program;
    DealFixtures.Member partner;

    @BeforeEach
    void aCustomerAnotherModuleKnows() {
        f = new DealFixtures(context);
        tenant = fixtures.newWorkspace();
        program = f.program(tenant);
        partner = f.member(tenant, program);
        CUSTOMERS.put(
                tenant.id(),
                List.of(new KnownCustomer(
                        "customer-42",
                        "Soylent Corp",
                        "soylent.com",
                        Instant.now().minus(Duration.ofDays(100)))));
    }

    @Test
    void aKnownCustomerConflictsAndMakesTheWinInfluenced() {
        DealView deal = f.register(partner, program, "Soylent", "www.soylent.com");

        assertThat(f.asStaff(tenant, () -> deals.conflicts(deal.id())))
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.source()).isEqualTo(DealConflict.Source.CUSTOMER);
                    assertThat(c.matchedRef()).isEqualTo("customer-42");
                });
        f.asStaff(tenant, () -> deals.approve(deal.id()));
        DealView won = f.asStaff(tenant, () -> deals.markWon(deal.id(), "", ""));

        assertThat(won.sourcing()).isEqualTo(Sourcing.INFLUENCED);
        assertThat(won.sourcingEvidence().opportunitySource()).contains("customer-42");
    }

    @Test
    void aClickBeforeTheVendorsOpportunityMakesTheWinPartnerSourced() {
        Instant clicked = Instant.now().minus(Duration.ofDays(10));
        CLICKS.put(partner.id(), List.of(new SourcingEvidence.PartnerAction("CLICK", clicked, "brawndo.com")));
        DealView deal = f.register(partner, program, "Brawndo", "brawndo.com");
        f.asStaff(tenant, () -> deals.approve(deal.id()));
        String fiveDaysAgo = LocalDate.now(ZoneOffset.UTC).minusDays(5).toString();

        DealView won = f.asStaff(tenant, () -> deals.markWon(deal.id(), "", fiveDaysAgo));

        assertThat(won.sourcing()).isEqualTo(Sourcing.SOURCED);
        assertThat(won.sourcingEvidence().actions())
                .extracting(SourcingEvidence.PartnerAction::kind)
                .containsExactly("CLICK", "REGISTRATION");
    }

    @Test
    void theVendorsListTakesTheCustomersCanopyKnows() {
        int added = f.asStaff(tenant, () -> mapping.addKnownCustomers());

        assertThat(added).isEqualTo(1);
        assertThat(f.asStaff(tenant, () -> mapping.vendorAccounts()))
                .containsExactly(new MappedAccount("Soylent Corp", "soylent.com", AccountStatus.CUSTOMER));
    }
}
