import bench.Bench;
import dev.canopy.commissions.CommissionPlans;
import dev.canopy.commissions.CommissionRule;
import dev.canopy.commissions.Commissions;
import dev.canopy.commissions.RuleDraft;
import dev.canopy.identity.Workspaces;
import dev.canopy.ledger.Ledger;
import dev.canopy.partners.PartnerType;
import dev.canopy.payouts.PayoutRunView;
import dev.canopy.payouts.PayoutRuns;
import dev.canopy.platform.AsSystem;
import dev.canopy.programs.ProgramDraft;
import dev.canopy.programs.ProgramView;
import dev.canopy.programs.Programs;
import dev.canopy.shared.Actor;
import dev.canopy.shared.WorkspaceId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A payout run over N partners (default 10,000), phase by phase, through the real {@link PayoutRuns}
 * bean on an embedded PostgreSQL (fsync on, in a temporary directory).
 *
 * <p>Each round signs up a fresh workspace with an INR programme (payout minimum ₹1,000) and loads, with
 * SQL (not timed), N partners with bank details, every tenth of them Indian with a PAN (every other one
 * of those GST-registered, so the GST and TDS path runs), and C commissions each (default 3) on sales
 * 40–60 days old, pending with their hold over; every twentieth partner earns too little to be paid (its
 * line is carried). {@code Commissions.approveDue} approves them all, with their ledger entries (timed
 * apart). Then, timed: {@code start()} by one finance user (claim, lines, taxes; the run is above the
 * ₹10,00,000 approval threshold, so its starter is the first approver), {@code approve} by a second,
 * {@code export}, {@code markPaid}. The rounds are separate workspaces in one JVM: round 1 also pays for
 * the JIT's warm-up.
 */
public class PayoutRunBench {

    public static void main(String[] args) throws Exception {
        int partners = 10_000;
        int perPartner = 3;
        int rounds = 3;
        for (String arg : args) {
            if (arg.startsWith("--partners=")) {
                partners = Integer.parseInt(arg.substring(11).replace("_", "").replace(",", ""));
            } else if (arg.startsWith("--commissions=")) {
                perPartner = Integer.parseInt(arg.substring(14));
            } else if (arg.startsWith("--rounds=")) {
                rounds = Integer.parseInt(arg.substring(9));
            } else {
                throw new IllegalArgumentException("Unknown argument " + arg);
            }
        }
        try (Bench.Canopy canopy = Bench.start("payout-run-bench")) {
            ConfigurableApplicationContext app = canopy.app();
            List<double[]> phases = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                phases.add(round(app, round, partners, perPartner));
            }
            String[] names = {"start (claim, lines, taxes)", "approve (2nd person)", "export", "markPaid", "total"};
            StringBuilder medians = new StringBuilder();
            for (int p = 0; p < names.length; p++) {
                int i = p;
                medians.append(String.format("%s %.2f s", names[p], Bench.median(phases.stream().map(a -> a[i]).toList())));
                medians.append(p < names.length - 1 ? ", " : "");
            }
            System.out.printf("payout run: %,d partners, median of %d: %s (goal: total < 30 s)%n", partners, rounds, medians);
        }
    }

    static double[] round(ConfigurableApplicationContext app, int round, int partners, int perPartner) {
        JdbcClient db = app.getBean(JdbcClient.class);
        String slug = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        Workspaces.SignedUp signedUp = app.getBean(Workspaces.class)
                .signUp(new Workspaces.SignUp("Bench Co", slug, "Bench Owner", slug + "@bench.example", "bench-password-2026"));
        WorkspaceId workspace = signedUp.workspaceId();
        UUID ws = workspace.value();
        Actor first = new Actor(Actor.Kind.USER, signedUp.accountId().toString(), "Bench Owner");
        Actor second = financeUser(db, ws, slug);
        ProgramView program = AsSystem.in(workspace, first, () -> app.getBean(Programs.class)
                .create(new ProgramDraft("Bench referral", "", List.of(PartnerType.REFERRAL.name()),
                        "A share of every payment.", "COMMISSION", "20", "20", "of every payment", "INR", "", "", "",
                        "30", "", "", true)));
        CommissionPlans plans = app.getBean(CommissionPlans.class);
        CommissionRule rule = AsSystem.in(workspace, first, () -> plans.addRule(program.id(), new RuleDraft(
                "Recurring share", "RECURRING_PAYMENT", "PAYMENT", "20", null, "LIFETIME", null, null, null, null,
                null, null, null, null, Map.of())));
        AsSystem.in(workspace, first, () -> {
            plans.setPayoutMinimum(program.id(), "1000");
            return null;
        });
        Instant now = Instant.now();
        Timestamp loadedAt = Timestamp.from(now);
        db.sql("""
                insert into payouts_settings (workspace_id, scheduled, net_days, second_approval_above,
                    second_approval_currency, legal_name, address, gstin, updated_at)
                values (?, false, 15, 1000000, 'INR', 'Bench Co Pvt Ltd', 'Bengaluru', '29AAACB1234C1ZX', ?)
                """).params(ws, loadedAt).update();

        long loadStart = System.nanoTime();
        db.sql("""
                insert into partners_partner (id, workspace_id, name, website, domain, types, status, status_changed_at, created_at)
                select md5(? || ':partner:' || i)::uuid, ?, 'Bench Partner ' || i, 'https://partner' || i || '.example',
                       'partner' || i || '.example', '{REFERRAL}', 'ACTIVE', ?, ?
                from generate_series(0, ? - 1) i
                """).params(ws.toString(), ws, loadedAt, loadedAt, partners).update();
        db.sql("""
                insert into programs_membership (workspace_id, program_id, partner_id, joined_at)
                select ?, ?, md5(? || ':partner:' || i)::uuid, ? from generate_series(0, ? - 1) i
                """).params(ws, program.id().value(), ws.toString(), loadedAt, partners).update();
        db.sql("""
                insert into payouts_profile (partner_id, workspace_id, method, payee_name, account_number, bank_code, country,
                    fingerprint, updated_at, updated_by)
                select md5(? || ':partner:' || i)::uuid, ?, 'BANK', 'Bench Partner ' || i, lpad(i::text, 12, '0'),
                       'HDFC0000001', 'IN', 'bank:HDFC0000001:' || lpad(i::text, 12, '0'), ?, 'bench'
                from generate_series(0, ? - 1) i
                """).params(ws.toString(), ws, loadedAt, partners).update();
        // Every tenth partner has an Indian tax profile; every other one of those is GST-registered.
        db.sql("""
                insert into payouts_tax_profile (partner_id, workspace_id, country, legal_name, address, pan, gstin,
                    updated_at, updated_by)
                select md5(? || ':partner:' || i)::uuid, ?, 'IN', 'Bench Partner ' || i || ' LLP', 'Bengaluru',
                       'AAPFB' || lpad(i::text, 4, '0') || 'F',
                       case when i % 20 = 0 then '29AAPFB' || lpad(i::text, 4, '0') || 'F1Z5' end, ?, 'bench'
                from generate_series(0, ? - 1) i where i % 10 = 0
                """).params(ws.toString(), ws, loadedAt, partners).update();
        // C sales and commissions per partner, 40-60 days old, their 30-day hold over; partner i % 20 = 7 earns
        // under the payout minimum.
        db.sql("""
                insert into commissions_source (id, workspace_id, kind, partner_id, program_id, customer_id, country, products,
                    amount, currency, basis, first_payment, description, occurred_at, received_at)
                select md5(? || ':sale:' || i || ':' || j)::uuid, ?, 'SALE', md5(? || ':partner:' || i)::uuid, ?,
                       md5(? || ':customer:' || i || ':' || j)::uuid, 'IN', '{}',
                       case when i % 20 = 7 then 1000 else 20000 + (i * 37 + j * 1013) % 80000 end, 'INR', 'PAYMENT', j = 0,
                       'Payment by customer ' || i || '/' || j, ?::timestamptz - make_interval(days => 40 + (i + j) % 20),
                       ?::timestamptz - make_interval(days => 40 + (i + j) % 20)
                from generate_series(0, ? - 1) i, generate_series(0, ? - 1) j
                """)
                .params(ws.toString(), ws, ws.toString(), program.id().value(), ws.toString(), loadedAt, loadedAt,
                        partners, perPartner)
                .update();
        db.sql("""
                insert into commissions_commission (id, workspace_id, partner_id, program_id, source_id, rule_id, kind, status,
                    amount, currency, base_amount, base_currency, rate, fx_rate, rule_name, basis, payable, hold_until,
                    occurred_at, created_at)
                select gen_random_uuid(), s.workspace_id, s.partner_id, s.program_id, s.id, ?, 'EARNED', 'PENDING',
                       round(s.amount * 0.20, 2), 'INR', s.amount, 'INR', 20, 1, 'Recurring share', 'PAYMENT', true,
                       s.occurred_at + interval '30 days', s.occurred_at, s.occurred_at
                from commissions_source s where s.workspace_id = ?
                """).params(rule.id(), ws).update();
        db.sql("analyze").update();
        double loaded = (System.nanoTime() - loadStart) / 1e9;

        Commissions commissions = app.getBean(Commissions.class);
        long t = System.nanoTime();
        int approved = 0;
        for (int n; (n = commissions.approveDue(workspace, 5_000)) > 0; ) {
            approved += n;
        }
        double approving = (System.nanoTime() - t) / 1e9;
        db.sql("checkpoint").update();

        PayoutRuns runs = app.getBean(PayoutRuns.class);
        long start = System.nanoTime();
        PayoutRunView run = AsSystem.in(workspace, first, runs::start);
        double startSeconds = seconds(start);
        long phase = System.nanoTime();
        PayoutRunView afterApproval = AsSystem.in(workspace, second, () -> runs.approve(run.id()));
        double approveSeconds = seconds(phase);
        if (afterApproval.approvedBy() == null) {
            throw new IllegalStateException("The run still needs an approval: " + afterApproval);
        }
        phase = System.nanoTime();
        AsSystem.in(workspace, second, () -> runs.export(run.id()));
        double exportSeconds = seconds(phase);
        phase = System.nanoTime();
        PayoutRunView paid = AsSystem.in(workspace, second, () -> runs.markPaid(run.id()));
        double paidSeconds = seconds(phase);
        double total = seconds(start);

        long paidCommissions = db.sql("select count(*) from commissions_commission where workspace_id = ? and status = 'PAID'")
                .param(ws)
                .query(Long.class)
                .single();
        long[] taxed = db.sql("""
                        select count(*) filter (where gst > 0), count(*) filter (where tds > 0) from payouts_line
                        where workspace_id = ? and run_id = ?
                        """)
                .params(ws, run.id())
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .single();
        List<String> problems = app.getBean(Ledger.class).check(workspace);
        if (!problems.isEmpty() || paid.paidAt() == null) {
            throw new IllegalStateException("The run did not end sound: " + paid + " " + problems);
        }
        System.out.printf(
                "  round %d: %,d partners, %,d commissions loaded in %.1f s and approved (approveDue) in %.1f s, not timed;%n"
                        + "           run %s: %,d payable lines (%,d with GST, %,d with TDS), %,d carried, %,d commissions paid, %s, ledger sound;%n"
                        + "           start %.2f s + approve %.2f s + export %.2f s + markPaid %.2f s = %.2f s%n",
                round, partners, approved, loaded, approving, paid.reference(), paid.payableLines(), taxed[0], taxed[1],
                paid.carriedLines(), paidCommissions, paid.totals(), startSeconds, approveSeconds, exportSeconds,
                paidSeconds, total);
        return new double[] {startSeconds, approveSeconds, exportSeconds, paidSeconds, total};
    }

    /** A second finance person in the workspace (the run is above the threshold: two people approve it). */
    static Actor financeUser(JdbcClient db, UUID ws, String slug) {
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        db.sql("insert into identity_account (id, email, display_name, password_hash, created_at) values (?, ?, ?, ?, ?)")
                .params(id, "finance@" + slug + ".example", "Bench Finance", "{noop}unused", now)
                .update();
        db.sql("insert into identity_membership (workspace_id, account_id, role, joined_at) values (?, ?, 'FINANCE', ?)")
                .params(ws, id, now)
                .update();
        return new Actor(Actor.Kind.USER, id.toString(), "Bench Finance");
    }

    static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

}
