package dev.canopy.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.canopy.commissions.CommissionFixtures;
import dev.canopy.imports.internal.Resumer;
import dev.canopy.programs.ProgramFixtures;
import dev.canopy.programs.ProgramView;
import dev.canopy.shared.InvalidInputException;
import dev.canopy.testing.CanopyTest;
import dev.canopy.testing.Fixtures;
import dev.canopy.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A CRM's deals and a billing system's customers under their own column names: the columns are guessed from the
 * headers, a required field left unmatched is named, and once matched the file is rehearsed and imported like a
 * PRM's export — partners found by name or contact email, deals kept with their status, a re-run changing nothing.
 */
@CanopyTest
class VendorsOwnCsvIsMatchedAndImported {

    @Autowired
    Fixtures fixtures;

    @Autowired
    Imports imports;

    @Autowired
    OwnCsvImports ownCsv;

    @Autowired
    JdbcClient db;

    @Autowired
    MutableClock clock;

    @Autowired
    Resumer resumer;

    @Autowired
    ApplicationContext context;

    @Test
    void dealsFromACrmAreMatchedRehearsedAndImported() {
        Fixtures.Tenant tenant = fixtures.newWorkspace();
        ProgramView program = new CommissionFixtures(context).referralProgram(tenant, "EUR", 30);
        new ProgramFixtures(context).partner(tenant, "Northwind Partners");
        String csv = """
                Opportunity ID,Reseller,Company,Domain,Buyer,Buyer Email,Deal Value,CCY,Outcome,Close Date,Registered At,Won At
                OPP-1,northwind partners,Acme GmbH,acme.example,Jo Buyer,jo@acme.example,12000.00,EUR,won,2026-03-31,2026-01-10,2026-03-20
                OPP-2,Northwind Partners,Globex,globex.example,Al Buyer,al@globex.example,8000,EUR,pending,2026-06-30,2026-02-01,
                OPP-3,Nobody Ltd,Initech,initech.example,Bo Buyer,bo@initech.example,5000,EUR,lost,2026-04-30,2026-02-02,2026-04-01
                OPP-4,Northwind Partners,Umbrella,not a site,Cy Buyer,cy@umbrella.example,12.345,EUR,approved,2026-07-31,2026-02-03,
                """;

        ImportRun waiting = fixtures.as(
                tenant.owner(),
                () -> ownCsv.upload(RecordKind.DEALS, program.id().value(), upload("crm-deals.csv", csv), true));
        OwnCsvImports.Columns columns = fixtures.as(tenant.owner(), () -> ownCsv.columns(waiting.id()));

        assertThat(waiting.status()).isEqualTo(ImportRun.Status.MAPPING);
        assertThat(columns.guesses())
                .containsEntry("id", "opportunity_id")
                .containsEntry("partner", "reseller")
                .containsEntry("account_name", "company")
                .containsEntry("website", "domain")
                .containsEntry("amount", "deal_value")
                .containsEntry("currency", "ccy")
                .containsEntry("status", "outcome")
                .containsEntry("expected_close", "close_date")
                .containsEntry("submitted_at", "registered_at")
                .containsEntry("closed_at", "won_at");
        Map<String, String> matched = new HashMap<>(columns.guesses());
        matched.values().removeIf(v -> v == null);
        Map<String, String> incomplete = new HashMap<>(matched);
        incomplete.remove("contact_name");
        assertThatThrownBy(() -> fixtures.as(tenant.owner(), () -> ownCsv.match(waiting.id(), incomplete)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems())
                                .anySatisfy(p -> assertThat(p.field()).isEqualTo("contact_name")));
        matched.put("contact_name", "buyer");
        matched.put("contact_email", "buyer_email");

        ImportRun dry = finished(tenant, fixtures.as(tenant.owner(), () -> ownCsv.match(waiting.id(), matched)));

        assertThat(List.of(dry.created(), dry.refused())).containsExactly(2, 2);
        assertThat(fixtures.count("deals_registration", tenant.id())).isZero();
        String report = fixtures.as(tenant.owner(), () -> imports.report(dry.id()));
        assertThat(report)
                .contains("deals,4,OPP-3,refused,partner: No partner is named Nobody Ltd")
                .contains("deals,5,OPP-4,refused,")
                .contains("website: Not a web address with a registrable domain")
                .contains("amount:");

        ImportRun real = finished(tenant, fixtures.as(tenant.owner(), () -> imports.confirm(dry.id())));

        assertThat(fixtures.as(tenant.owner(), () -> imports.report(real.id()))).isEqualTo(report);
        assertThat(db.sql("select status from deals_registration where workspace_id = ? order by status")
                        .param(tenant.id().value())
                        .query(String.class)
                        .list())
                .containsExactly("PENDING", "WON");
        ImportRun waitingAgain = fixtures.as(
                tenant.owner(),
                () -> ownCsv.upload(RecordKind.DEALS, program.id().value(), upload("crm-deals.csv", csv), false));
        ImportRun again = finished(tenant, fixtures.as(tenant.owner(), () -> ownCsv.match(waitingAgain.id(), matched)));
        assertThat(List.of(again.created(), again.unchanged(), again.refused())).containsExactly(0, 2, 2);
    }

    @Test
    void customersFromBillingAreCreditedToTheirPartner() {
        Fixtures.Tenant tenant = fixtures.newWorkspace();
        ProgramView program = new CommissionFixtures(context).referralProgram(tenant, "EUR", 30);
        new ProgramFixtures(context).partner(tenant, "Contoso Channel");
        String csv = """
                Stripe Customer ID,Referred By,Email,Company,Lifecycle Stage,Customer Since
                cus_X1,Contoso Channel,a@x1.example,X1 Ltd,customer,2026-02-01
                cus_X2,Contoso Channel,b@x2.example,X2 Ltd,lead,2026-02-02
                ,Contoso Channel,c@x3.example,X3 Ltd,customer,2026-02-03
                """;
        ImportRun waiting = fixtures.as(
                tenant.owner(),
                () -> ownCsv.upload(RecordKind.CUSTOMERS, program.id().value(), upload("billing.csv", csv), false));
        OwnCsvImports.Columns columns = fixtures.as(tenant.owner(), () -> ownCsv.columns(waiting.id()));
        Map<String, String> matched = new HashMap<>(columns.guesses());
        matched.values().removeIf(v -> v == null);

        ImportRun run = finished(tenant, fixtures.as(tenant.owner(), () -> ownCsv.match(waiting.id(), matched)));

        assertThat(matched).containsEntry("id", "stripe_customer_id").containsEntry("partner", "referred_by");
        assertThat(List.of(run.created(), run.refused())).containsExactly(2, 1);
        assertThat(db.sql("""
                        select status from tracking_customer
                        where workspace_id = ? and partner_id is not null order by external_id
                        """).param(tenant.id().value()).query(String.class).list())
                .containsExactly("CUSTOMER", "LEAD");
    }

    @Test
    void anUploadLeftWithoutItsColumnsIsForgottenAfterAWeek() {
        Fixtures.Tenant tenant = fixtures.newWorkspace();
        ProgramView program = new CommissionFixtures(context).referralProgram(tenant, "EUR", 30);
        ImportRun waiting = fixtures.as(
                tenant.owner(),
                () -> ownCsv.upload(
                        RecordKind.CUSTOMERS,
                        program.id().value(),
                        upload("billing.csv", "id,partner\nc1,Nobody\n"),
                        true));
        try {
            clock.advance(Duration.ofDays(6));
            resumer.forgetUnmatchedUploads();
            assertThat(fixtures.count("imports_run", tenant.id())).isEqualTo(1);

            clock.advance(Duration.ofDays(2));
            resumer.forgetUnmatchedUploads();

            assertThat(fixtures.count("imports_run", tenant.id())).isZero();
            assertThat(db.sql("select count(*) from imports_file where run_id = ?")
                            .param(waiting.id())
                            .query(Long.class)
                            .single())
                    .isZero();
        } finally {
            clock.reset();
        }
    }

    private ImportRun finished(Fixtures.Tenant tenant, ImportRun started) {
        return new ImportFixtures(context).finished(tenant, started);
    }

    private static Imports.Upload upload(String name, String csv) {
        return new Imports.Upload(name, csv.getBytes(StandardCharsets.UTF_8));
    }
}
