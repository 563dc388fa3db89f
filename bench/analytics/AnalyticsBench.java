import bench.Bench;
import bench.Ecosystem;
import dev.canopy.analytics.Analytics;
import dev.canopy.analytics.FunnelQuery;
import dev.canopy.analytics.FunnelReport;
import dev.canopy.analytics.Period;
import dev.canopy.identity.Workspaces;
import dev.canopy.partners.PartnerType;
import dev.canopy.platform.AsSystem;
import dev.canopy.programs.ProgramDraft;
import dev.canopy.programs.ProgramView;
import dev.canopy.programs.Programs;
import dev.canopy.shared.Actor;
import dev.canopy.shared.PartnerScoped;
import dev.canopy.shared.WorkspaceId;
import dev.canopy.shared.WorkspacePrincipal;
import dev.canopy.tracking.internal.Click;
import dev.canopy.tracking.internal.ClickWriter;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The analytics dashboards on a generated ecosystem (bench/generate's Ecosystem): each dashboard query's median and
 * p95 with warm caches over 40 runs after 10, against the same aggregate computed from the raw tables; how long a new click takes
 * to show on the dashboard (through the real click writer); and how long the data took to generate.
 */
public class AnalyticsBench {

    private static final int RUNS = 40;
    private static final int WARM_UP = 10;
    // The raw aggregate takes seconds to minutes a run: its p95 is the slowest of a few, after one to warm the cache.
    private static final int RAW_RUNS = 5;

    public static void main(String[] args) throws Exception {
        Ecosystem.Size size = new Ecosystem.Size(10_000, 20_000_000L, 1_000_000, 100_000, 24);
        Path data = null;
        List<Integer> windows = List.of(30, 365);
        for (String arg : args) {
            String value = arg.substring(arg.indexOf('=') + 1).replace("_", "").replace(",", "");
            if (arg.startsWith("--clicks=")) {
                size = new Ecosystem.Size(size.partners(), Long.parseLong(value), size.customers(), size.deals(), size.months());
            } else if (arg.startsWith("--partners=")) {
                size = new Ecosystem.Size(Integer.parseInt(value), size.clicks(), size.customers(), size.deals(), size.months());
            } else if (arg.startsWith("--customers=")) {
                size = new Ecosystem.Size(size.partners(), size.clicks(), Integer.parseInt(value), size.deals(), size.months());
            } else if (arg.startsWith("--deals=")) {
                size = new Ecosystem.Size(size.partners(), size.clicks(), size.customers(), Integer.parseInt(value), size.months());
            } else if (arg.startsWith("--days=")) {
                windows = java.util.Arrays.stream(value.split(";")).map(Integer::valueOf).toList();
            } else if (arg.startsWith("--data=")) {
                data = Path.of(arg.substring("--data=".length()));
            } else {
                throw new IllegalArgumentException("Unknown argument " + arg);
            }
        }
        try (Bench.Canopy canopy = data == null ? Bench.start("analytics-bench") : Bench.start(data, true)) {
            ConfigurableApplicationContext app = canopy.app();
            JdbcClient db = app.getBean(JdbcClient.class);
            // A kept database generated before is timed again as it stands (its clock is the generation's).
            Optional<WorkspaceId> generated = db.sql("select id from identity_workspace where slug like 'bench-%' limit 1")
                    .query((rs, n) -> new WorkspaceId(rs.getObject(1, UUID.class)))
                    .optional();
            WorkspaceId workspace = generated.isPresent() ? generated.get() : generate(app, size);
            Instant now = generated.isPresent()
                    ? db.sql("select max(clicked_at) from tracking_click where workspace_id = ?")
                            .param(workspace.value())
                            .query(Timestamp.class)
                            .single()
                            .toInstant()
                    : app.getBean(Clock.class).instant();
            ProgramView program = app.getBean(Programs.class).all(workspace).getFirst();

            Analytics analytics = app.getBean(Analytics.class);
            UUID topPartner = db.sql("select partner_id from tracking_click_month where workspace_id = ?"
                            + " group by 1 order by sum(clicks) desc limit 1")
                    .param(workspace.value()).query(UUID.class).single();
            LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
            for (int days : windows) {
                FunnelQuery query = new FunnelQuery(new Period(today.minusDays(days - 1), today), null, null);
                Instant from = query.period().previous().first().atStartOfDay(ZoneOffset.UTC).toInstant();
                Instant to = query.period().end().atStartOfDay(ZoneOffset.UTC).toInstant();
                Timing dashboard = time(() -> AsSystem.in(workspace, Actor.system(), () -> analytics.dashboard(query)));
                Timing raw = time(() -> raw(db, workspace, from, to), RAW_RUNS, 1);
                System.out.printf("funnel as the dashboard shows it (top %d partners), %d days and the %d before: %s;"
                        + " the same from the raw tables %s (p95 %.3f x)%n", Analytics.DASHBOARD_PARTNERS, days, days,
                        dashboard, raw, dashboard.p95() / raw.p95());
                Timing funnel = time(() -> AsSystem.in(workspace, Actor.system(), () -> analytics.funnel(query)));
                System.out.printf("funnel with every partner's row (the API, the CSV), %d days: %s%n", days, funnel);
                FunnelReport.Totals totals = AsSystem.in(workspace, Actor.system(), () -> analytics.totals(query));
                Timing retention = time(() -> AsSystem.in(workspace, Actor.system(), () -> analytics.retention(query, totals)));
                Timing activation = time(() -> AsSystem.in(workspace, Actor.system(), () -> analytics.activation(query)));
                Timing programmes = time(() -> AsSystem.in(workspace, Actor.system(),
                        () -> analytics.programmes(analytics.dashboard(query))));
                System.out.printf("retention, %d days: %s; activation: %s; programme P&L (with its funnel): %s%n", days,
                        retention, activation, programmes);
                Timing portal = time(() -> AsSystem.as(new APartner(workspace, topPartner), () -> analytics.mine(query.period())));
                System.out.printf("a partner's own funnel and rank band (portal), %d days: %s%n", days, portal);
            }

            // A new click, through the writer's queue, until the dashboard counts it.
            LocalDate clickDay = analytics.today();
            FunnelQuery todayOnly = new FunnelQuery(new Period(clickDay, clickDay), null, null);
            long before = AsSystem.in(workspace, Actor.system(), () -> analytics.funnel(todayOnly)).current().clicks();
            UUID partner = db.sql("select id from partners_partner where workspace_id = ? limit 1")
                    .param(workspace.value()).query(UUID.class).single();
            long sent = System.nanoTime();
            app.getBean(ClickWriter.class).offer(new Click(UUID.randomUUID(), workspace, UUID.randomUUID(), partner,
                    program.id().value(), Instant.now(), "new-visitor", null, "Mozilla/5.0", null, null));
            while (AsSystem.in(workspace, Actor.system(), () -> analytics.funnel(todayOnly)).current().clicks() == before) {
                Thread.sleep(20);
            }
            System.out.printf("a new click on the dashboard after %.2f s%n", (System.nanoTime() - sent) / 1e9);
        }
    }

    /** A partner company's user, as the portal runs a partner's funnel. */
    private record APartner(WorkspaceId workspaceId, UUID partnerId) implements WorkspacePrincipal, PartnerScoped {
        @Override
        public Actor actor() {
            return Actor.system();
        }
    }

    /** A new workspace with one programme, filled by the generator; the data is analysed once generated. */
    private static WorkspaceId generate(ConfigurableApplicationContext app, Ecosystem.Size size) throws Exception {
        String slug = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        WorkspaceId workspace = app.getBean(Workspaces.class)
                .signUp(new Workspaces.SignUp("Bench Co", slug, "Bench Owner", slug + "@bench.example", "bench-password-2026"))
                .workspaceId();
        ProgramView program = AsSystem.in(workspace, Actor.system(), () -> app.getBean(Programs.class)
                .create(new ProgramDraft("Bench partners", "", List.of(PartnerType.REFERRAL.name()),
                        "A share of every payment.", "COMMISSION", "20", "25", "of every payment", "USD", "", "",
                        "", "30", "", "", true)));
        System.out.printf("generating %,d partners, %,d clicks over %d months, %,d customers, %,d deals%n",
                size.partners(), size.clicks(), size.months(), size.customers(), size.deals());
        Duration took = new Ecosystem(app.getBean(DataSource.class), workspace.value(), program.id().value(),
                        app.getBean(Clock.class).instant(), size)
                .generate();
        System.out.printf("generated in %.1f s%n", took.toMillis() / 1000.0);
        app.getBean(JdbcClient.class).sql("vacuum analyze").update();
        return workspace;
    }

    /** The funnel's aggregates straight from the raw rows, as a dashboard without rollups would compute them. */
    private static Object raw(JdbcClient db, WorkspaceId workspace, Instant from, Instant to) {
        List<Object> rows = new ArrayList<>();
        rows.addAll(db.sql("""
                        select (clicked_at at time zone 'UTC')::date, partner_id, program_id, count(*), count(paid_ad)
                        from tracking_click where workspace_id = ? and clicked_at >= ? and clicked_at < ? group by 1, 2, 3
                        """)
                .params(workspace.value(), Timestamp.from(from), Timestamp.from(to))
                .query((rs, n) -> rs.getLong(4))
                .list());
        rows.addAll(db.sql("""
                        select (occurred_at at time zone 'UTC')::date, partner_id, program_id, kind, currency, count(*),
                               count(*) filter (where first_payment), sum(amount)
                        from tracking_conversion where workspace_id = ? and applied and occurred_at >= ? and occurred_at < ?
                        group by 1, 2, 3, 4, 5
                        """)
                .params(workspace.value(), Timestamp.from(from), Timestamp.from(to))
                .query((rs, n) -> rs.getLong(6))
                .list());
        return rows;
    }

    /** A query's times over its runs: the median and the 95th percentile, in milliseconds. */
    private record Timing(double p50, double p95) {
        @Override
        public String toString() {
            return "p50 %.1f ms, p95 %.1f ms".formatted(p50, p95);
        }
    }

    private static Timing time(Supplier<Object> query) {
        return time(query, RUNS, WARM_UP);
    }

    private static Timing time(Supplier<Object> query, int runs, int warmUp) {
        for (int i = 0; i < warmUp; i++) {
            query.get(); // warm the caches and the JIT (its compilers share the two cores with the runs)
        }
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            query.get();
            millis.add((System.nanoTime() - start) / 1e6);
        }
        millis.sort(Double::compare);
        return new Timing(millis.get((runs - 1) / 2), millis.get((int) Math.ceil(0.95 * runs) - 1));
    }
}
