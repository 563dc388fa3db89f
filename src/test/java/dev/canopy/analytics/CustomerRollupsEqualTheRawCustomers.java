package dev.canopy.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.partners.PartnerId;
import dev.canopy.programs.ProgramId;
import dev.canopy.shared.WorkspaceId;
import dev.canopy.testing.CanopyTest;
import dev.canopy.testing.Fixtures;
import dev.canopy.tracking.CustomerActivity;
import dev.canopy.tracking.TrackingFixtures;
import dev.canopy.tracking.internal.CustomerTable;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * After any sequence of customer writes — new customers, attributions moved from partner to partner, first and
 * later payments in any order, churns (some stored before the payment they follow), resubscriptions, several rows
 * changed by one statement, deletions — the customer rollups (V54) equal the raw customers grouped, and churn and
 * cohorts read through them equal their definitions computed from the raw rows, for random windows and scopes.
 */
@CanopyTest
class CustomerRollupsEqualTheRawCustomers {

    private static final Instant NOW = Instant.parse("2026-11-18T10:00:00Z");

    @Autowired
    ApplicationContext context;

    @Autowired
    CustomerTable customers;

    @Autowired
    CustomerActivity activity;

    @Autowired
    JdbcClient db;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 5, 8, 13, 21, 34})
    void anySequenceOfCustomerWritesLeavesTheRollupsEqualToTheRawRows(long seed) {
        Random random = new Random(seed);
        TrackingFixtures tracking = new TrackingFixtures(context);
        TrackingFixtures.Setup setup = tracking.setup();
        WorkspaceId workspace = setup.tenant().id();
        ProgramId program = setup.program().id();
        List<PartnerId> partners = new ArrayList<>(List.of(setup.partner()));
        for (int i = 0; i < 2; i++) {
            partners.add(tracking.partner(setup.tenant(), setup.program(), "P" + Fixtures.unique("p")));
        }
        List<UUID> ids = new ArrayList<>();

        for (int step = 0; step < 80; step++) {
            int op = ids.isEmpty() ? 0 : random.nextInt(8);
            UUID someone = ids.isEmpty() ? null : ids.get(random.nextInt(ids.size()));
            switch (op) {
                case 0 -> {
                    UUID id = UUID.randomUUID();
                    customers.insert(
                            workspace,
                            new CustomerTable.Row(
                                    id,
                                    "c" + id,
                                    null,
                                    null,
                                    null,
                                    null,
                                    "LEAD",
                                    null,
                                    null,
                                    null,
                                    at(random),
                                    null,
                                    null));
                    ids.add(id);
                }
                case 1 ->
                    customers.attribute(
                            workspace, someone, partners.get(random.nextInt(partners.size())), program, at(random));
                case 2, 3 -> customers.paid(workspace, someone, at(random));
                case 4 -> customers.churned(workspace, someone, at(random));
                case 5 -> {
                    // One statement changing several customers: the trigger sees them all at once.
                    List<UUID> some =
                            ids.stream().filter(i -> random.nextBoolean()).toList();
                    db.sql("update tracking_customer set partner_id = null, program_id = null"
                                    + " where workspace_id = ? and id = any(?)")
                            .params(workspace.value(), some.toArray(UUID[]::new))
                            .update();
                }
                case 6 -> {
                    db.sql("delete from tracking_customer where workspace_id = ? and id = ?")
                            .params(workspace.value(), someone)
                            .update();
                    ids.remove(someone);
                }
                default ->
                    db.sql("update tracking_customer set name = ? where workspace_id = ? and id = ?")
                            .params("Renamed " + step, workspace.value(), someone)
                            .update();
            }
        }

        assertThat(lines(workspace, """
                        select concat_ws(' ', day, partner_id, program_id, started, churned) from tracking_customer_day
                        where workspace_id = ? and (started <> 0 or churned <> 0) order by 1
                        """))
                .as("per day and partner, seed %d", seed)
                .isEqualTo(lines(workspace, """
                        select concat_ws(' ', day, partner_id, program_id, count(*) filter (where start),
                                         count(*) filter (where not start))
                        from (%s) m cross join lateral (values (started_on, true), (churned_on, false)) d (day, start)
                        where day is not null group by day, partner_id, program_id order by 1
                        """.formatted(MOMENTS)));
        assertThat(lines(workspace, """
                        select concat_ws(' ', day, program_id, partnered, started, churned) from tracking_customer_total_day
                        where workspace_id = ? and (started <> 0 or churned <> 0) order by 1
                        """)).as("per day, seed %d", seed).isEqualTo(lines(workspace, """
                        select concat_ws(' ', day, program_id, partner_id is not null, count(*) filter (where start),
                                         count(*) filter (where not start))
                        from (%s) m cross join lateral (values (started_on, true), (churned_on, false)) d (day, start)
                        where day is not null group by day, program_id, partner_id is not null order by 1
                        """.formatted(
                        MOMENTS)));
        assertThat(lines(workspace, """
                        select concat_ws(' ', month, churned_in, partner_id, program_id, customers)
                        from tracking_customer_cohort where workspace_id = ? and customers <> 0 order by 1
                        """)).as("cohorts, seed %d", seed).isEqualTo(lines(workspace, """
                        select concat_ws(' ', date_trunc('month', started_on)::date, date_trunc('month', churned_on)::date,
                                         partner_id, program_id, count(*))
                        from (%s) m
                        group by date_trunc('month', started_on), date_trunc('month', churned_on), partner_id, program_id
                        order by 1
                        """.formatted(
                        MOMENTS)));
        assertThat(lines(workspace, """
                        select concat_ws(' ', month, churned_in, program_id, partnered, customers)
                        from tracking_customer_total_cohort where workspace_id = ? and customers <> 0 order by 1
                        """))
                .as("cohorts without partners, seed %d", seed)
                .isEqualTo(lines(workspace, """
                        select concat_ws(' ', date_trunc('month', started_on)::date, date_trunc('month', churned_on)::date,
                                         program_id, partner_id is not null, count(*))
                        from (%s) m
                        group by date_trunc('month', started_on), date_trunc('month', churned_on), program_id,
                                 partner_id is not null
                        order by 1
                        """.formatted(MOMENTS)));

        for (int window = 0; window < 20; window++) {
            LocalDate from = LocalDate.ofInstant(at(random), ZoneOffset.UTC);
            LocalDate to = from.plusDays(1 + random.nextInt(150));
            List<PartnerId> kept = random.nextBoolean()
                    ? null
                    : partners.stream().filter(p -> random.nextBoolean()).toList();
            CustomerActivity.Scope scope = new CustomerActivity.Scope(workspace, null, kept);
            assertThat(activity.churn(scope, from, to))
                    .as("churn from %s to %s among %s, seed %d", from, to, kept, seed)
                    .isEqualTo(rawChurn(workspace, kept, from, to));
            YearMonth first = YearMonth.from(to.minusDays(1)).minusMonths(11);
            assertThat(sorted(activity.cohorts(scope, first, to)))
                    .as("cohorts up to %s among %s, seed %d", to, kept, seed)
                    .isEqualTo(sorted(rawCohorts(workspace, kept, first, to)));
        }
    }

    // The definitions, straight from the customers: a churn counts at its moment, never before the first payment.
    private static final String MOMENTS = """
            select partner_id, program_id, (first_sale_at at time zone 'UTC')::date as started_on,
                   case when churned_at is not null
                        then (greatest(churned_at, first_sale_at) at time zone 'UTC')::date end as churned_on
            from tracking_customer where workspace_id = ? and first_sale_at is not null
            """;

    private CustomerActivity.Churn rawChurn(WorkspaceId workspace, List<PartnerId> kept, LocalDate from, LocalDate to) {
        long[] sums = new long[4];
        db.sql("select partner_id, started_on, churned_on from (" + MOMENTS + ") m")
                .param(workspace.value())
                .query((rs, n) -> {
                    UUID partner = rs.getObject(1, UUID.class);
                    LocalDate started = rs.getObject(2, LocalDate.class);
                    LocalDate churned = rs.getObject(3, LocalDate.class);
                    boolean inScope =
                            kept == null || (partner != null && ids(kept).contains(partner));
                    if (inScope && started.isBefore(from) && (churned == null || !churned.isBefore(from))) {
                        int side = partner != null ? 0 : 2;
                        sums[side]++;
                        if (churned != null && churned.isBefore(to)) {
                            sums[side + 1]++;
                        }
                    }
                    return n;
                })
                .list();
        return new CustomerActivity.Churn(sums[0], sums[1], sums[2], sums[3]);
    }

    private List<CustomerActivity.CohortCount> rawCohorts(
            WorkspaceId workspace, List<PartnerId> kept, YearMonth first, LocalDate to) {
        return db.sql("""
                        select date_trunc('month', started_on)::date, partner_id is not null,
                               date_trunc('month', churned_on)::date, count(*)
                        from (%s) m
                        where started_on >= ? and started_on < ? and (? or partner_id = any(?))
                        group by 1, 2, 3
                        """.formatted(MOMENTS))
                .params(
                        workspace.value(),
                        first.atDay(1),
                        to,
                        kept == null,
                        kept == null ? new UUID[0] : ids(kept).toArray(UUID[]::new))
                .query((rs, n) -> new CustomerActivity.CohortCount(
                        rs.getObject(1, LocalDate.class),
                        rs.getBoolean(2),
                        rs.getObject(3, LocalDate.class),
                        rs.getLong(4)))
                .list();
    }

    private static Set<UUID> ids(List<PartnerId> partners) {
        return Set.copyOf(partners.stream().map(PartnerId::value).toList());
    }

    private static List<CustomerActivity.CohortCount> sorted(List<CustomerActivity.CohortCount> counts) {
        return counts.stream()
                .sorted(Comparator.comparing((CustomerActivity.CohortCount c) -> c.cohort())
                        .thenComparing(CustomerActivity.CohortCount::partnered)
                        .thenComparing(c -> c.churnedIn() == null ? LocalDate.MAX : c.churnedIn()))
                .toList();
    }

    private List<String> lines(WorkspaceId workspace, String sql) {
        return db.sql(sql).param(workspace.value()).query(String.class).list();
    }

    /** A moment in the 200 days before now, any second of the day: payments and churns come in any order. */
    private static Instant at(Random random) {
        return NOW.minus(Duration.ofSeconds(random.nextLong(200L * 24 * 3600)));
    }
}
