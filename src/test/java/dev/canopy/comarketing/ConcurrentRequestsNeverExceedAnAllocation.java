package dev.canopy.comarketing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.deals.DealFixtures;
import dev.canopy.programs.ProgramView;
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
 * Requests and approvals sent at the same moment, from several threads: the budget's lock makes them take turns, so
 * the allocation and the budget are never exceeded, whatever the interleaving.
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
