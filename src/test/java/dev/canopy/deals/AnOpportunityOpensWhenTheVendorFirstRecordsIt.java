package dev.canopy.deals;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.deals.internal.MappingTable;
import dev.canopy.platform.DatabaseTime;
import dev.canopy.programs.ProgramView;
import dev.canopy.testing.CanopyTest;
import dev.canopy.testing.Fixtures;
import dev.canopy.testing.MutableClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An opportunity opens when the vendor first records the account as an open opportunity or a customer,
 * not when the account was first listed: a prospect that becomes an opportunity after the partner's
 * registration leaves the deal partner-sourced; one that became an opportunity before makes it
 * influenced. Whatever the upload history, the opening date is the first opportunity or customer status.
 */
@CanopyTest
class AnOpportunityOpensWhenTheVendorFirstRecordsIt {

    private static final String HEADER = "name,domain,status\n";

    @Autowired
    MutableClock clock;

    @Autowired
    ApplicationContext context;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Deals deals;

    @Autowired
    DealOutcomes outcomes;

    @Autowired
    AccountMapping mapping;

    @Autowired
    MappingTable table;

    @Autowired
    JdbcClient db;

    DealFixtures f;
    Fixtures.Tenant tenant;
    ProgramView program;
    DealFixtures.Member partner;

    @BeforeEach
    void aResellerProgramme() {
        f = new DealFixtures(context);
        tenant = fixtures.newWorkspace();
        program = f.program(tenant);
        partner = f.member(tenant, program);
    }

    @AfterEach
    void resetTheClock() {
        clock.reset();
    }

    /** When the upload was made: between the clock's reading before it and after it. */
    record Upload(Instant from, Instant to) {
        boolean contains(Instant at) {
            return at != null && !at.isBefore(from) && !at.isAfter(to);
        }
    }

    private Upload upload(String rows) {
        Instant from = DatabaseTime.now(clock);
        f.asStaff(tenant, () -> mapping.uploadVendorAccounts(HEADER + rows));
        Instant to = clock.instant();
        clock.advance(Duration.ofHours(1));
        return new Upload(from, to);
    }

    private DealView register(String name, String website) {
        DealView deal = f.register(partner, program, name, website);
        clock.advance(Duration.ofHours(1));
        return deal;
    }

    @Test
    void aProspectThatBecomesAnOpportunityAfterTheRegistrationLeavesItPartnerSourced() {
        upload("Bellweather Foods,bellweather-foods.com,prospect\n");
        DealView deal = register("Bellweather Foods", "bellweather-foods.com");
        Upload opened = upload("Bellweather Foods,bellweather-foods.com,open opportunity\n");
        f.asStaff(tenant, () -> deals.approve(deal.id()));

        DealView won = f.asStaff(tenant, () -> outcomes.markWon(deal.id(), "", ""));

        assertThat(won.sourcing()).isEqualTo(Sourcing.SOURCED);
        assertThat(won.sourcingEvidence().opportunityOpenedAt()).matches(opened::contains, "in " + opened);
        assertThat(won.sourcingEvidence().opportunitySource()).contains("open opportunity");
        assertThat(partnerSourcedRevenue()).isEqualByComparingTo("25000");
    }

    @Test
    void aProspectThatBecameAnOpportunityBeforeTheRegistrationMakesItInfluenced() {
        upload("Bellweather Foods,bellweather-foods.com,prospect\n");
        Upload opened = upload("Bellweather Foods,bellweather-foods.com,open opportunity\n");
        DealView deal = register("Bellweather Foods", "bellweather-foods.com");
        upload("Bellweather Foods,bellweather-foods.com,customer\n");
        f.asStaff(tenant, () -> deals.approve(deal.id()));

        DealView won = f.asStaff(tenant, () -> outcomes.markWon(deal.id(), "", ""));

        assertThat(won.sourcing()).isEqualTo(Sourcing.INFLUENCED);
        assertThat(won.sourcingEvidence().opportunityOpenedAt()).matches(opened::contains, "in " + opened);
        assertThat(partnerSourcedRevenue()).isEqualByComparingTo("0");
    }

    /** Random upload histories of one account, each from a seed the failure names. */
    @RepeatedTest(12)
    void theOpeningIsTheFirstOpportunityOrCustomerStatusWhateverTheUploads(RepetitionInfo repetition) {
        long seed = 7919L * repetition.getCurrentRepetition() + clock.instant().getNano() % 1000;
        Random random = new Random(seed);
        String domain = "acct-" + Long.toHexString(seed & 0xffffff) + ".com";
        List<String> statuses = List.of("prospect", "open opportunity", "customer", "absent");

        Upload expected = null;
        List<String> history = new ArrayList<>();
        int uploads = 1 + random.nextInt(8);
        for (int i = 0; i < uploads; i++) {
            String status = statuses.get(random.nextInt(statuses.size()));
            history.add(status);
            clock.advance(Duration.ofMinutes(1 + random.nextInt(60 * 24 * 30)));
            Upload at = upload(
                    status.equals("absent")
                            ? "Other,other-" + i + ".com,prospect\n"
                            : "Acct," + domain + "," + status + "\n");
            if (expected == null && (status.equals("open opportunity") || status.equals("customer"))) {
                expected = at;
            }
        }

        Instant opening = table.vendorRecordsSince(tenant.id(), domain).stream()
                .map(SourcingEvidence.PartnerAction::at)
                .min(Instant::compareTo)
                .orElse(null);
        if (expected == null) {
            assertThat(opening).as("seed %d, uploads %s", seed, history).isNull();
        } else {
            assertThat(opening).as("seed %d, uploads %s", seed, history).matches(expected::contains, "in " + expected);
        }
    }

    private BigDecimal partnerSourcedRevenue() {
        return db.sql("""
                        select coalesce(sum(value), 0) from programs_partner_metric
                        where workspace_id = ? and partner_id = ? and metric = 'PARTNER_SOURCED_REVENUE_12M'
                        """)
                .params(tenant.id().value(), partner.id().value())
                .query(BigDecimal.class)
                .single();
    }
}
