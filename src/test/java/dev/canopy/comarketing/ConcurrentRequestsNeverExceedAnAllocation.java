package dev.canopy.comarketing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.deals.DealFixtures;
import dev.canopy.ledger.Ledger;
import dev.canopy.programs.ProgramView;
import dev.canopy.shared.ConflictException;
import dev.canopy.shared.InvalidInputException;
import dev.canopy.shared.Money;
import dev.canopy.testing.CanopyTest;
import dev.canopy.testing.Fixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Requests, approvals, claims and reviews sent at the same moment, from several threads: the budget's lock makes them
 * take turns, so the allocation and the budget are never exceeded and a claim is stored and paid once, whatever the
 * interleaving.
 */
@CanopyTest
class ConcurrentRequestsNeverExceedAnAllocation {

    private static final int THREADS = 8;

    @Autowired
    ApplicationContext context;

    @Autowired
    Fixtures fixtures;

    @Autowired
    FundRequests requests;

    @Autowired
    Funds funds;

    @Autowired
    FundClaims claims;

    @Autowired
    Ledger ledger;

    @Test
    void requestsAtOnceTakeNoMoreThanTheAllocation() throws Exception {
        DealFixtures f = new DealFixtures(context);
        MdfFixtures mdf = new MdfFixtures(context);
        Fixtures.Tenant tenant = fixtures.newWorkspace();
        ProgramView program = f.program(tenant);
        DealFixtures.Member member = f.member(tenant, program);
        BudgetView budget = mdf.budget(tenant, program, "10000", null);
        mdf.allocate(tenant, budget, member, "1000");

        List<Boolean> outcomes = all(() -> {
            try {
                mdf.request(member, budget, "300");
                return true;
            } catch (InvalidInputException e) {
                return false;
            }
        });

        assertThat(outcomes).filteredOn(ok -> ok).hasSize(3);
        FundBalance balance = f.asPartner(member, () -> funds.mine()).getFirst();
        assertThat(balance.requested()).isEqualTo(Money.of("900", "EUR"));
    }

    @Test
    void approvalsAtOnceTakeNoMoreThanTheBudget() throws Exception {
        DealFixtures f = new DealFixtures(context);
        MdfFixtures mdf = new MdfFixtures(context);
        Fixtures.Tenant tenant = fixtures.newWorkspace();
        ProgramView program = f.program(tenant);
        BudgetView budget = mdf.budget(tenant, program, "1000", null);
        List<FundRequestView> waiting = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            DealFixtures.Member member = f.member(tenant, program);
            mdf.allocate(tenant, budget, member, "400");
            waiting.add(mdf.request(member, budget, "400"));
        }
        List<Callable<Boolean>> approvals = waiting.stream()
                .<Callable<Boolean>>map(r -> () -> {
                    try {
                        f.asStaff(tenant, () -> requests.approve(r.id(), null));
                        return true;
                    } catch (InvalidInputException e) {
                        return false;
                    }
                })
                .toList();

        List<Boolean> outcomes = run(approvals);

        assertThat(outcomes).filteredOn(ok -> ok).hasSize(2);
        BudgetView after = f.asStaff(tenant, () -> funds.get(budget.id()));
        assertThat(after.approved()).isEqualTo(Money.of("800", "EUR"));
        assertThat(after.remaining()).isEqualTo(Money.of("200", "EUR"));
    }

    @Test
    void claimsAndReviewsAtOnceAreTakenOnce() throws Exception {
        DealFixtures f = new DealFixtures(context);
        MdfFixtures mdf = new MdfFixtures(context);
        Fixtures.Tenant tenant = fixtures.newWorkspace();
        ProgramView program = f.program(tenant);
        DealFixtures.Member member = f.member(tenant, program);
        BudgetView budget = mdf.budget(tenant, program, "10000", null);
        mdf.allocate(tenant, budget, member, "1000");
        FundRequestView request = mdf.request(member, budget, "1000");
        f.asStaff(tenant, () -> requests.approve(request.id(), null));

        List<Boolean> claimed = all(() -> {
            try {
                f.asPartner(member, () -> claims.submit(request.id(), List.of(MdfFixtures.line("Venue", "1000"))));
                return true;
            } catch (ConflictException e) {
                return false;
            }
        });
        assertThat(claimed).filteredOn(ok -> ok).hasSize(1);
        FundClaimView claim = f.asStaff(tenant, () -> claims.ofRequest(request.id()));
        LineReview accept = new LineReview(claim.lines().getFirst().id().toString(), "ACCEPTED", null, null);

        List<Boolean> reviewed = all(() -> {
            try {
                f.asStaff(tenant, () -> claims.review(claim.id(), List.of(accept)));
                return true;
            } catch (ConflictException e) {
                return false;
            }
        });

        assertThat(reviewed).filteredOn(ok -> ok).hasSize(1);
        assertThat(ledger.balances(tenant.id(), member.id()))
                .singleElement()
                .satisfies(b -> assertThat(b.amount()).isEqualTo(Money.of("-1000", "EUR")));
        assertThat(ledger.check(tenant.id())).isEmpty();
        assertThat(f.asPartner(member, () -> funds.mine()).getFirst().claimed()).isEqualTo(Money.of("1000", "EUR"));
    }

    private static List<Boolean> all(Callable<Boolean> task) throws Exception {
        List<Callable<Boolean>> tasks = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            tasks.add(task);
        }
        return run(tasks);
    }

    /** Starts every task at the same moment and answers their outcomes. */
    private static List<Boolean> run(List<Callable<Boolean>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Boolean>> futures = new ArrayList<>();
            for (Callable<Boolean> task : tasks) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<Boolean> outcomes = new ArrayList<>();
            for (Future<Boolean> future : futures) {
                outcomes.add(future.get());
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }
}
