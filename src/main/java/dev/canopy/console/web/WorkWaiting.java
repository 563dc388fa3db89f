package dev.canopy.console.web;

import dev.canopy.commissions.CommissionStatus;
import dev.canopy.commissions.Commissions;
import dev.canopy.deals.DealQuery;
import dev.canopy.deals.DealStatus;
import dev.canopy.deals.DealView;
import dev.canopy.deals.Deals;
import dev.canopy.deals.LeadQuery;
import dev.canopy.deals.LeadStatus;
import dev.canopy.deals.LeadView;
import dev.canopy.deals.Leads;
import dev.canopy.payouts.PayoutRunStatus;
import dev.canopy.payouts.PayoutRunView;
import dev.canopy.payouts.PayoutRuns;
import dev.canopy.programs.ProgramSummary;
import dev.canopy.programs.Programs;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;

/**
 * What waits for the signed-in staff member now, by what their role may act on: applications, deal registrations
 * against their review clock, leads no partner took, commissions to approve or review, payout runs to approve.
 */
@Component
class WorkWaiting {

    /** How many of a kind are counted before "200+" is shown. */
    private static final int COUNTED = 200;

    /** One kind of work: how many, what it is, a line of detail, where to do it; {@code urgent} is late already. */
    record Item(String count, String title, String detail, String href, boolean urgent) {}

    private final Programs programs;
    private final Deals deals;
    private final Leads leads;
    private final Commissions commissions;
    private final PayoutRuns payoutRuns;
    private final Clock clock;

    WorkWaiting(
            Programs programs, Deals deals, Leads leads, Commissions commissions, PayoutRuns payoutRuns, Clock clock) {
        this.programs = programs;
        this.deals = deals;
        this.leads = leads;
        this.commissions = commissions;
        this.payoutRuns = payoutRuns;
        this.clock = clock;
    }

    /** The work {@code can} (a permission test) may do, most pressing kinds first; empty when nothing waits. */
    List<Item> items(Predicate<String> can, String myAccountId) {
        Instant now = clock.instant();
        List<Item> items = new ArrayList<>();
        if (can.test("deals:write")) {
            List<DealView> waiting = deals.search(new DealQuery(DealStatus.PENDING, null, null, COUNTED))
                    .deals();
            if (!waiting.isEmpty()) {
                long overdue = waiting.stream().filter(d -> d.overdue(now)).count();
                Instant next = waiting.stream()
                        .filter(d -> !d.overdue(now))
                        .map(DealView::reviewDueAt)
                        .min(Comparator.naturalOrder())
                        .orElse(null);
                String detail = overdue > 0
                        ? overdue + " past the review clock"
                        : "the next is due in " + within(Duration.between(now, next));
                items.add(new Item(
                        count(waiting.size()),
                        plural(waiting.size(), "deal registration", "deal registrations") + " to review",
                        detail,
                        "/app/deals",
                        overdue > 0));
            }
            List<LeadView> unassigned = leads.search(new LeadQuery(LeadStatus.UNASSIGNED, null, COUNTED))
                    .leads();
            if (!unassigned.isEmpty()) {
                items.add(new Item(
                        count(unassigned.size()),
                        plural(unassigned.size(), "lead", "leads") + " no partner took",
                        "every partner offered declined or let the offer lapse: pass it on by hand",
                        "/app/leads",
                        false));
            }
            List<LeadView> offered = leads.search(new LeadQuery(LeadStatus.OFFERED, null, COUNTED))
                    .leads();
            if (!offered.isEmpty()) {
                Instant soonest = offered.stream()
                        .map(LeadView::respondBy)
                        .filter(t -> t != null && t.isAfter(now))
                        .min(Comparator.naturalOrder())
                        .orElse(null);
                items.add(new Item(
                        count(offered.size()),
                        plural(offered.size(), "lead", "leads") + " waiting for a partner's answer",
                        soonest == null
                                ? "offered to partners"
                                : "the first offer lapses in " + within(Duration.between(now, soonest)),
                        "/app/leads",
                        false));
            }
        }
        if (can.test("programs:write")) {
            int applications = programs.summaries().stream()
                    .mapToInt(ProgramSummary::pendingApplications)
                    .sum();
            if (applications > 0) {
                items.add(new Item(
                        Integer.toString(applications),
                        plural(applications, "application", "applications") + " to review",
                        "companies that want to join a programme",
                        "/app/applications",
                        false));
            }
        }
        if (can.test("commissions:write")) {
            List<Commissions.StatusTotal> totals = commissions.totals(null);
            long held = count(totals, CommissionStatus.HELD);
            if (held > 0) {
                items.add(new Item(
                        Long.toString(held),
                        plural(held, "commission", "commissions") + " held for fraud review",
                        "release or decline them",
                        "/app/commissions/review",
                        false));
            }
            long pending = count(totals, CommissionStatus.PENDING);
            if (pending > 0) {
                items.add(new Item(
                        Long.toString(pending),
                        plural(pending, "commission", "commissions") + " pending",
                        "approved by themselves when their hold ends; approve or decline them sooner",
                        "/app/commissions?status=PENDING",
                        false));
            }
        }
        if (can.test("payouts:write")) {
            for (PayoutRunView run : payoutRuns.list()) {
                if (run.status() != PayoutRunStatus.AWAITING_APPROVAL) {
                    continue;
                }
                boolean second = run.needsSecondApproval() && run.firstApprovedBy() != null;
                boolean mine = myAccountId != null && myAccountId.equals(run.firstApprovedById());
                items.add(new Item(
                        "1",
                        "Payout run " + run.reference()
                                + (second ? " waits for a second approver" : " waits for approval"),
                        second
                                ? (mine
                                        ? "approved by you: someone else gives the second approval"
                                        : "approved first by " + run.firstApprovedBy())
                                : run.period() == null
                                        ? "started by hand, for what was approved by "
                                                + DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH)
                                                        .withZone(ZoneOffset.UTC)
                                                        .format(run.cutoff())
                                        : "the run of " + run.period(),
                        "/app/payouts/" + run.id(),
                        false));
            }
        }
        return items;
    }

    private static long count(List<Commissions.StatusTotal> totals, CommissionStatus status) {
        return totals.stream()
                .filter(t -> t.status() == status)
                .mapToLong(Commissions.StatusTotal::count)
                .sum();
    }

    private static String count(int n) {
        return n >= COUNTED ? COUNTED + "+" : Integer.toString(n);
    }

    private static String plural(long n, String one, String many) {
        return n == 1 ? one : many;
    }

    /** "3 days", "5 hours", "under an hour". */
    static String within(Duration left) {
        if (left.toDays() >= 2) {
            return left.toDays() + " days";
        }
        if (left.toHours() >= 1) {
            return left.toHours() + (left.toHours() == 1 ? " hour" : " hours");
        }
        return "under an hour";
    }
}
