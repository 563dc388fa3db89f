package dev.canopy.imports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.ledger.Account;
import dev.canopy.ledger.Balance;
import dev.canopy.ledger.Ledger;
import dev.canopy.partners.PartnerId;
import dev.canopy.programs.ProgramView;
import dev.canopy.shared.Money;
import dev.canopy.testing.CanopyTest;
import dev.canopy.testing.Fixtures;
import dev.canopy.tracking.internal.LinkCache;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Each source's sample exports, rehearsed then imported: the dry run reports exactly what the real run does and
 * stores nothing; partners join the programme (the group "Gold" at the tier Gold), the good link keeps its slug and
 * redirects, customers stay credited, commissions keep their status — paid ones recorded as paid outside Canopy and
 * owed nothing — and the ledger balances. Running it again changes nothing; a later export in which the pending
 * commission was paid moves it on once, and pays nobody twice.
 */
@CanopyTest
class ImportsBringAnotherPrmsHistory {

    @Autowired
    Fixtures fixtures;

    @Autowired
    Imports imports;

    @Autowired
    Ledger ledger;

    @Autowired
    JdbcClient db;

    @Autowired
    LinkCache links;

    @Autowired
    ApplicationContext context;

    @ParameterizedTest
    @EnumSource(value = ImportSource.class, names = "CSV", mode = EnumSource.Mode.EXCLUDE)
    void aDryRunShowsWhatTheRealRunDoesAndARerunChangesNothing(ImportSource source) {
        Fixtures.Tenant tenant = fixtures.newWorkspace();
        ProgramView program = new ImportFixtures(context).programmeWithGold(tenant);
        String slug = "ana-" + source.name().toLowerCase().substring(0, 3) + "-2024";

        ImportRun dry = finished(
                tenant,
                fixtures.as(
                        tenant.owner(),
                        () -> imports.start(
                                source, program.id().value(), SampleExports.of(source, slug, "pending"), true)));

        assertThat(dry.status()).isEqualTo(ImportRun.Status.DONE);
        assertThat(List.of(dry.created(), dry.updated(), dry.unchanged(), dry.refused()))
                .containsExactly(8, 0, 0, 4);
        assertThat(fixtures.count("partners_partner", tenant.id())).isZero();
        assertThat(fixtures.count("tracking_link", tenant.id())).isZero();
        assertThat(fixtures.count("commissions_commission", tenant.id())).isZero();
        assertThat(fixtures.count("ledger_transaction", tenant.id())).isZero();
        String rehearsed = fixtures.as(tenant.owner(), () -> imports.report(dry.id()));
        assertThat(rehearsed)
                .contains("partners,4,")
                .contains("refused,email: 'not-an-email' is not an email address")
                .contains("slug: Use 2 to 64 lower-case letters")
                .contains("(import the partners file first)")
                .contains("is not a " + source.label() + " status");

        ImportRun real = finished(tenant, fixtures.as(tenant.owner(), () -> imports.confirm(dry.id())));

        assertThat(real.dryRun()).isFalse();
        assertThat(List.of(real.created(), real.updated(), real.unchanged(), real.refused()))
                .containsExactly(8, 0, 0, 4);
        assertThat(fixtures.as(tenant.owner(), () -> imports.report(real.id()))).isEqualTo(rehearsed);
        assertThat(fixtures.count("partners_partner", tenant.id())).isEqualTo(2);
        assertThat(db.sql("""
                        select t.name from programs_membership m join programs_tier t on t.id = m.tier_id
                        where m.program_id = ?
                        """).param(program.id().value()).query(String.class).list())
                .containsExactly("Gold");
        assertThat(links.find(tenant.slug(), slug)).isPresent();
        assertThat(db.sql("select count(*) from tracking_customer where workspace_id = ? and partner_id is not null")
                        .param(tenant.id().value())
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
        assertThat(statuses(tenant)).containsExactly("APPROVED", "PAID", "PENDING");
        PartnerId ana = partner(tenant, "ana@alpha.example");
        assertThat(ledger.balances(tenant.id(), ana))
                .extracting(Balance::account, Balance::amount)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(
                        Account.PARTNER_PAYABLE, Money.of(new BigDecimal("-25.00"), "USD")));
        assertThat(ledger.check(tenant.id())).isEmpty();
        long postings = fixtures.count("ledger_transaction", tenant.id());

        ImportRun again = finished(
                tenant,
                fixtures.as(
                        tenant.owner(),
                        () -> imports.start(
                                source, program.id().value(), SampleExports.of(source, slug, "pending"), false)));

        assertThat(List.of(again.created(), again.updated(), again.unchanged(), again.refused()))
                .containsExactly(0, 0, 8, 4);
        assertThat(fixtures.count("ledger_transaction", tenant.id())).isEqualTo(postings);

        ImportRun paid = finished(
                tenant,
                fixtures.as(
                        tenant.owner(),
                        () -> imports.start(
                                source, program.id().value(), SampleExports.of(source, slug, "paid"), false)));
        ImportRun paidAgain = finished(
                tenant,
                fixtures.as(
                        tenant.owner(),
                        () -> imports.start(
                                source, program.id().value(), SampleExports.of(source, slug, "paid"), false)));

        assertThat(paid.updated()).isEqualTo(1);
        assertThat(paidAgain.updated()).isZero();
        assertThat(statuses(tenant)).containsExactly("APPROVED", "PAID", "PAID");
        assertThat(ledger.balances(tenant.id(), partner(tenant, "bo@beta.example")))
                .isEmpty();
        assertThat(fixtures.count("ledger_transaction", tenant.id())).isEqualTo(postings + 2);
        assertThat(ledger.check(tenant.id())).isEmpty();
    }

    /** An imported partner's ref is its first link's slug, numbered when another partner holds that ref already. */
    @org.junit.jupiter.api.Test
    void aPartnersFirstSlugBecomesItsRefNumberedWhenTaken() {
        Fixtures.Tenant tenant = fixtures.newWorkspace();
        ProgramView program = new ImportFixtures(context).programmeWithGold(tenant);
        PartnerId holder = new dev.canopy.tracking.TrackingFixtures(context).partner(tenant, program, "Holder Ltd");
        db.sql("""
                        insert into tracking_partner_ref (workspace_id, partner_id, ref) values (?, ?, 'ana-taken')
                        on conflict (workspace_id, partner_id) do update set ref = excluded.ref
                        """).params(tenant.id().value(), holder.value()).update();

        finished(
                tenant,
                fixtures.as(
                        tenant.owner(),
                        () -> imports.start(
                                ImportSource.PARTNERSTACK,
                                program.id().value(),
                                SampleExports.of(ImportSource.PARTNERSTACK, "ana-taken", "pending"),
                                false)));

        assertThat(ref(partner(tenant, "ana@alpha.example"))).isEqualTo("ana-taken-2");
        assertThat(ref(holder)).isEqualTo("ana-taken");
        assertThat(links.find(tenant.slug(), "ana-taken")).isPresent();
    }

    private String ref(PartnerId partner) {
        return db.sql("select ref from tracking_partner_ref where partner_id = ?")
                .param(partner.value())
                .query(String.class)
                .single();
    }

    private ImportRun finished(Fixtures.Tenant tenant, ImportRun started) {
        return new ImportFixtures(context).finished(tenant, started);
    }

    private List<String> statuses(Fixtures.Tenant tenant) {
        return db.sql("select status from commissions_commission where workspace_id = ? order by status")
                .param(tenant.id().value())
                .query(String.class)
                .list();
    }

    private PartnerId partner(Fixtures.Tenant tenant, String email) {
        return new PartnerId(db.sql("select partner_id from partners_contact where workspace_id = ? and email = ?")
                .params(tenant.id().value(), email)
                .query(UUID.class)
                .single());
    }
}
