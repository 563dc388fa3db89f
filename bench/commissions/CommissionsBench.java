import bench.Bench;
import dev.canopy.commissions.CommissionPlans;
import dev.canopy.commissions.Commissions;
import dev.canopy.commissions.RuleDraft;
import dev.canopy.identity.Workspaces;
import dev.canopy.partners.PartnerType;
import dev.canopy.platform.AsSystem;
import dev.canopy.programs.ProgramDraft;
import dev.canopy.programs.ProgramView;
import dev.canopy.programs.Programs;
import dev.canopy.programs.TierDraft;
import dev.canopy.programs.TierView;
import dev.canopy.programs.Tiers;
import dev.canopy.shared.Actor;
import dev.canopy.shared.WorkspaceId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Canopy's commission engine against a hand-written INSERT … SELECT over the same sales, in one
 * application and one database (embedded PostgreSQL, fsync on, in a temporary directory).
 *
 * <p>The workspace is signed up, and its INR programme, two tiers and plan are made, through the real
 * services: a recurring share of 20 % of every payment for the customer's lifetime (Gold earns 25 %),
 * and a flat ₹500 on a customer's first payment for the product "cloud suite" (duration ONCE, as the
 * plan editor defaults). Partners, their memberships and payout details, and the sales are loaded with
 * SQL (not timed): N sales by N/10 customers (ten payments each, the first flagged), each customer
 * brought by one of the partners.
 *
 * <p>Then, alternately, R times each: (a) {@code Commissions.price(workspace, null, now)} — the real
 * bean, in its own transaction, with everything it does (programme and partner facts, duplicate-account
 * checks, customer starts, the pricing statement); (b) one hand-written INSERT … SELECT joining the sales
 * to the rules and the tier overrides, computing the same rows with the same rounding into the same
 * table. Before each: the commissions and customer starts are truncated and a CHECKPOINT is taken. Both
 * must write the same rows (checked by count and an order-independent checksum of every column but id).
 */
public class CommissionsBench {

    static final String HAND_WRITTEN = """
            insert into commissions_commission (id, workspace_id, partner_id, program_id, source_id, rule_id, kind, status,
                amount, currency, base_amount, base_currency, rate, fx_rate, tier_id, rule_name, basis, payable,
                hold_until, hold_reasons, occurred_at, created_at)
            select gen_random_uuid(), s.workspace_id, s.partner_id, s.program_id, s.id, r.id, 'EARNED', 'PENDING',
                   case when r.basis = 'FLAT' then coalesce(ov.flat_amount, r.flat_amount)
                        else round(s.amount * coalesce(ov.rate, r.rate) / 100, 2) end,
                   p.currency, s.amount, s.currency, coalesce(ov.rate, r.rate), 1, s.tier_id, r.name, r.basis, true,
                   s.occurred_at + make_interval(days => p.hold_period_days), '{}', s.occurred_at, ?
            from commissions_source s
            join programs_program p on p.id = s.program_id
            join commissions_rule r on r.program_id = s.program_id and r.active
                and (r.event = 'RECURRING_PAYMENT' or (r.event = 'FIRST_PAYMENT' and s.first_payment))
                and (r.basis = 'FLAT' or r.basis = s.basis)
                and (r.product is null or r.product = any(s.products))
                and (r.country is null or r.country = s.country)
                and (r.tier_id is null or r.tier_id = s.tier_id)
            left join commissions_rule_tier ov on ov.rule_id = r.id and ov.tier_id = s.tier_id
            where s.workspace_id = ? and s.kind = 'SALE'
            """;

    static final String CHECKSUM = """
            select count(*), coalesce(sum(amount), 0), coalesce(sum(hashtextextended(concat_ws('|', source_id, rule_id,
                   partner_id, program_id, kind, status, amount, currency, base_amount, base_currency, rate, fx_rate, fx_on,
                   capped_from, tier_id, rule_name, basis, payable, hold_until, hold_reasons, occurred_at, created_at),
                   0)::numeric), 0)
            from commissions_commission where workspace_id = ?
            """;

    record Result(long rows, String amount, String checksum) {}

    public static void main(String[] args) throws Exception {
        int sales = 1_000_000;
        int partners = 1_000;
        int rounds = 3;
        boolean explain = false;
        for (String arg : args) {
            if (arg.startsWith("--sales=")) {
                sales = Integer.parseInt(arg.substring(8).replace("_", "").replace(",", ""));
            } else if (arg.startsWith("--partners=")) {
                partners = Integer.parseInt(arg.substring(11));
            } else if (arg.startsWith("--rounds=")) {
                rounds = Integer.parseInt(arg.substring(9));
            } else if (arg.equals("--explain")) {
                explain = true;
            } else {
                throw new IllegalArgumentException("Unknown argument " + arg);
            }
        }
        int customers = Math.max(1, sales / 10);
        try (Bench.Canopy canopy = Bench.start("commissions-bench")) {
            ConfigurableApplicationContext app = canopy.app();
            JdbcClient db = app.getBean(JdbcClient.class);
            TransactionTemplate tx = app.getBean(TransactionTemplate.class);
            Commissions commissions = app.getBean(Commissions.class);

            // The workspace, programme, tiers and plan, through the services.
            String slug = "bench-" + UUID.randomUUID().toString().substring(0, 8);
            WorkspaceId workspace = app.getBean(Workspaces.class)
                    .signUp(new Workspaces.SignUp("Bench Co", slug, "Bench Owner", slug + "@bench.example", "bench-password-2026"))
                    .workspaceId();
            ProgramView program = AsSystem.in(workspace, Actor.system(), () -> app.getBean(Programs.class)
                    .create(new ProgramDraft("Bench referral", "", List.of(PartnerType.REFERRAL.name()),
                            "A share of every payment.", "COMMISSION", "20", "25", "of every payment", "INR", "", "",
                            "", "30", "", "", true)));
            Tiers tiers = app.getBean(Tiers.class);
            TierView silver = AsSystem.in(workspace, Actor.system(), () -> tiers.addTier(program.id(), new TierDraft("Silver", "", Map.of())));
            TierView gold = AsSystem.in(workspace, Actor.system(), () -> tiers.addTier(program.id(), new TierDraft("Gold", "", Map.of())));
            CommissionPlans plans = app.getBean(CommissionPlans.class);
            AsSystem.in(workspace, Actor.system(), () -> plans.addRule(program.id(), new RuleDraft("Recurring share", "RECURRING_PAYMENT",
                    "PAYMENT", "20", null, "LIFETIME", null, null, null, null, null, null, null, null,
                    Map.of(gold.id().toString(), "25"))));
            AsSystem.in(workspace, Actor.system(), () -> plans.addRule(program.id(), new RuleDraft("Cloud Suite welcome bonus",
                    "FIRST_PAYMENT", "FLAT", null, "500", "ONCE", null, "cloud suite", null, null, null, null, null, null,
                    Map.of())));

            long loadStart = System.nanoTime();
            UUID ws = workspace.value();
            UUID prog = program.id().value();
            Timestamp loadedAt = Timestamp.from(Instant.now());
            // Partners: every fifth is Gold; each has bank details (the duplicate-accounts rule looks at them).
            db.sql("""
                    insert into partners_partner (id, workspace_id, name, website, domain, types, status, status_changed_at, created_at)
                    select md5(? || ':partner:' || i)::uuid, ?, 'Bench Partner ' || i, 'https://partner' || i || '.example',
                           'partner' || i || '.example', '{REFERRAL}', 'ACTIVE', ?, ?
                    from generate_series(0, ? - 1) i
                    """).params(ws.toString(), ws, loadedAt, loadedAt, partners).update();
            db.sql("""
                    insert into programs_membership (workspace_id, program_id, partner_id, joined_at, tier_id, tier_since)
                    select ?, ?, md5(? || ':partner:' || i)::uuid, ?, case when i % 5 = 0 then ?::uuid else ?::uuid end, ?
                    from generate_series(0, ? - 1) i
                    """).params(ws, prog, ws.toString(), loadedAt, gold.id(), silver.id(), loadedAt, partners).update();
            db.sql("""
                    insert into payouts_profile (partner_id, workspace_id, method, payee_name, account_number, bank_code, country,
                        fingerprint, updated_at, updated_by)
                    select md5(? || ':partner:' || i)::uuid, ?, 'BANK', 'Bench Partner ' || i, lpad(i::text, 12, '0'),
                           'HDFC0000001', 'IN', 'bank:HDFC0000001:' || lpad(i::text, 12, '0'), ?, 'bench'
                    from generate_series(0, ? - 1) i
                    """).params(ws.toString(), ws, loadedAt, partners).update();
            // Sales: customer c (of N/10) pays ten times, two days apart, within the last three weeks (so no hold
            // ends while the benchmark runs); its partner is c mod partners; half the customers buy Cloud Suite.
            db.sql("""
                    insert into commissions_source (id, workspace_id, kind, partner_id, program_id, tier_id, customer_id,
                        customer_email, customer_domain, country, products, amount, currency, basis, first_payment,
                        description, occurred_at, received_at)
                    select gen_random_uuid(), ?, 'SALE', md5(? || ':partner:' || (c % ?))::uuid, ?,
                           case when (c % ?) % 5 = 0 then ?::uuid else ?::uuid end,
                           md5(? || ':customer:' || c)::uuid, 'billing@customer' || c || '.example', 'customer' || c || '.example',
                           'IN', case when c % 2 = 0 then '{cloud suite}'::text[] else '{analytics}'::text[] end,
                           amount, 'INR', 'PAYMENT', k = 0,
                           case when k = 0 then 'First payment' else 'Payment' end || ' of ' || amount || ' INR by billing@customer'
                               || c || '.example, invoice in_' || i,
                           at, at
                    from generate_series(0::bigint, ? - 1) i,
                         lateral (select i % ? as c, i / ? as k) ck,
                         lateral (select (499 + (i * 7919) % 9500 + ((i * 31) % 100) / 100.0)::numeric(19, 4) as amount,
                                         ?::timestamptz - interval '21 days' + make_interval(days => 2 * (i / ?)::int,
                                             secs => (i % ?) % 86000) as at) v
                    """)
                    .params(ws, ws.toString(), partners, prog, partners, gold.id(), silver.id(), ws.toString(), sales,
                            customers, customers, loadedAt, customers, customers)
                    .update();
            db.sql("vacuum analyze commissions_source").update();
            db.sql("vacuum analyze partners_partner").update();
            db.sql("vacuum analyze payouts_profile").update();
            System.out.printf("commissions: loaded %,d sales by %,d customers of %,d partners in %.1f s (not timed)%n",
                    sales, customers, partners, (System.nanoTime() - loadStart) / 1e9);

            Instant now = Instant.now();
            List<Double> engine = new ArrayList<>();
            List<Double> hand = new ArrayList<>();
            Result engineResult = null;
            Result handResult = null;
            for (int round = 1; round <= rounds; round++) {
                reset(db);
                long start = System.nanoTime();
                int made = AsSystem.in(workspace, Actor.system(), () -> commissions.price(workspace, null, now));
                double seconds = (System.nanoTime() - start) / 1e9;
                engineResult = result(db, ws);
                engine.add(seconds);
                System.out.printf("  round %d (a) Canopy engine     %,9d rows in %6.2f s%n", round, made, seconds);

                reset(db);
                start = System.nanoTime();
                int written = tx.execute(s -> db.sql(HAND_WRITTEN).params(Timestamp.from(now), ws).update());
                seconds = (System.nanoTime() - start) / 1e9;
                handResult = result(db, ws);
                hand.add(seconds);
                System.out.printf("  round %d (b) hand-written SQL  %,9d rows in %6.2f s%n", round, written, seconds);
                if (!engineResult.equals(handResult)) {
                    throw new IllegalStateException("The two wrote different rows: " + engineResult + " vs " + handResult);
                }
            }
            double a = Bench.median(engine);
            double b = Bench.median(hand);
            System.out.printf(
                    "commissions: %,d sales -> %,d commissions (total %s INR, identical rows both ways); median of %d: "
                            + "Canopy engine %.2f s, hand-written INSERT … SELECT %.2f s, ratio %.2f (goal <= 2)%n",
                    sales, engineResult.rows(), engineResult.amount(), rounds, a, b, a / b);

            if (explain) {
                explain(app, db, tx, workspace, commissions, now);
            }
        }
    }

    /** Each run starts from no commissions and no customer starts, with nothing dirty in the buffers. */
    static void reset(JdbcClient db) {
        db.sql("truncate commissions_commission, commissions_customer_start").update();
        db.sql("checkpoint").update();
    }

    static Result result(JdbcClient db, UUID ws) {
        return db.sql(CHECKSUM)
                .param(ws)
                .query((rs, n) -> new Result(rs.getLong(1), rs.getBigDecimal(2).toPlainString(), rs.getString(3)))
                .single();
    }

    /**
     * Prints EXPLAIN (ANALYZE, BUFFERS) of every statement the engine runs over a second and of the
     * hand-written one, through auto_explain: its plans arrive as notices, which JdbcTemplate logs.
     */
    static void explain(
            ConfigurableApplicationContext app,
            JdbcClient db,
            TransactionTemplate tx,
            WorkspaceId workspace,
            Commissions commissions,
            Instant now) {
        LoggingSystem.get(CommissionsBench.class.getClassLoader())
                .setLogLevel("org.springframework.jdbc.core.JdbcTemplate", LogLevel.DEBUG);
        for (String which : List.of("engine", "hand-written")) {
            reset(db);
            System.out.println("=== EXPLAIN (ANALYZE, BUFFERS) of the " + which + " ===");
            tx.executeWithoutResult(s -> {
                for (String set : Arrays.asList(
                        "load 'auto_explain'",
                        "set local auto_explain.log_min_duration = '500ms'",
                        "set local auto_explain.log_analyze = on",
                        "set local auto_explain.log_buffers = on",
                        "set local auto_explain.log_nested_statements = on",
                        "set local auto_explain.log_level = 'notice'")) {
                    db.sql(set).update();
                }
                if (which.equals("engine")) {
                    AsSystem.in(workspace, Actor.system(), () -> commissions.price(workspace, null, now));
                } else {
                    db.sql(HAND_WRITTEN).params(Timestamp.from(now), workspace.value()).update();
                }
            });
        }
        LoggingSystem.get(CommissionsBench.class.getClassLoader())
                .setLogLevel("org.springframework.jdbc.core.JdbcTemplate", LogLevel.WARN);
    }

}
