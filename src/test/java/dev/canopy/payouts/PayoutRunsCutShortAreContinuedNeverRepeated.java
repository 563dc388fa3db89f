package dev.canopy.payouts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.canopy.commissions.CommissionFixtures;
import dev.canopy.commissions.internal.HoldExpiry;
import dev.canopy.deals.DealFixtures;
import dev.canopy.identity.Role;
import dev.canopy.identity.security.VendorUser;
import dev.canopy.payouts.internal.PaymentProvider;
import dev.canopy.payouts.internal.PayoutSchedule;
import dev.canopy.payouts.internal.RunTable;
import dev.canopy.programs.ProgramView;
import dev.canopy.shared.Actor;
import dev.canopy.shared.ConflictException;
import dev.canopy.testing.CanopyTest;
import dev.canopy.testing.Fixtures;
import dev.canopy.testing.MutableClock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * A run is cut short after each of its phases (and inside the provider call) and tried again: every
 * partner is paid exactly once. Two people starting or approving at once, or two schedulers due at
 * once, make one run.
 */
@CanopyTest
@Import(PayoutRunsCutShortAreContinuedNeverRepeated.Provider.class)
@TestPropertySource(properties = "canopy.payouts.provider=flaky")
class PayoutRunsCutShortAreContinuedNeverRepeated {

    /** A provider that crashes once, after taking the batch, the way a process killed mid-call would. */
    @TestConfiguration
    static class Provider {
        static final List<String> batches = new CopyOnWriteArrayList<>();
        static final AtomicBoolean crashNext = new AtomicBoolean();

        @Bean
        PaymentProvider flaky() {
            return new PaymentProvider() {
                @Override
                public String id() {
                    return "flaky";
                }

                @Override
                public String submit(String batchId, PayoutRunView run, List<PayoutLineView> lines) {
                    batches.add(batchId);
                    if (crashNext.getAndSet(false)) {
                        throw new IllegalStateException("killed after the provider took batch " + batchId);
                    }
                    return "accepted " + lines.size();
                }
            };
        }
    }

    @Autowired
    ApplicationContext context;

    @Autowired
    Fixtures fixtures;

    @Autowired
    MutableClock clock;

    @Autowired
    PayoutRuns runs;

    @Autowired
    PayoutRunPayments payments;

    @Autowired
    RunTable runTable;

    @Autowired
    HoldExpiry holdExpiry;

    @Autowired
    PayoutSchedule schedule;

    @Autowired
    JdbcClient db;

    CommissionFixtures f;
    Fixtures.Tenant tenant;
    VendorUser finance;
    VendorUser other;
    List<DealFixtures.Member> partners = new ArrayList<>();

    @BeforeEach
    void setUp() {
        Provider.batches.clear();
        f = new CommissionFixtures(context);
        tenant = fixtures.newWorkspace();
        ProgramView program = f.referralProgram(tenant, "USD", 0);
        f.rule(tenant, program, CommissionFixtures.referralFee("10"));
        PayoutFixtures payouts = new PayoutFixtures(context);
        for (int i = 0; i < 3; i++) {
            DealFixtures.Member member = payouts.bankPartner(tenant, program, PayoutFixtures.IBANS.get(i));
            partners.add(member);
            f.dealWon(tenant, program, member.id(), "1000", "USD");
        }
        clock.advance(Duration.ofMinutes(1));
        holdExpiry.approveDue();
        finance = fixtures.member(tenant, Role.FINANCE);
        other = fixtures.member(tenant, Role.FINANCE);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aRunKilledAfterEachPhaseIsContinuedAndPaysEachPartnerOnce() {
        // Killed right after the run's id was committed: the next start continues that run.
        UUID id = UUID.randomUUID();
        runTable.insert(
                tenant.id(), id, null, clock.instant(), new Actor(Actor.Kind.USER, "x", "Finance"), clock.instant());
        PayoutRunView run = fixtures.as(finance, runs::start);
        assertThat(run.id()).isEqualTo(id);
        assertThat(fixtures.as(finance, () -> runs.resume(id)).payableLines())
                .as("claiming again is a no-op")
                .isEqualTo(3);
        assertThatThrownBy(() -> fixtures.as(finance, runs::start))
                .as("an open run blocks another")
                .hasMessageContaining("is still open");
        assertThat(run.payableLines()).isEqualTo(3);

        // Killed after approval: approving again is refused, the run stays approved.
        fixtures.as(finance, () -> runs.approve(id));
        assertThatThrownBy(() -> fixtures.as(other, () -> runs.approve(id))).isInstanceOf(ConflictException.class);

        // Killed inside export, after the provider took the batch: the retry sends the same batch id.
        Provider.crashNext.set(true);
        assertThatThrownBy(() -> fixtures.as(finance, () -> payments.export(id)))
                .hasMessageContaining("killed");
        assertThat(fixtures.as(finance, () -> runs.get(id)).status()).isEqualTo(PayoutRunStatus.APPROVED);
        fixtures.as(finance, () -> payments.export(id));
        fixtures.as(finance, () -> payments.export(id));
        assertThat(Provider.batches).containsExactly("canopy-" + id, "canopy-" + id);

        // Killed after being marked paid: marking again changes nothing.
        fixtures.as(finance, () -> payments.markPaid(id));
        fixtures.as(finance, () -> payments.markPaid(id));

        assertThat(entries("payout")).isEqualTo(3);
        assertThat(entries("settled")).isEqualTo(3);
        for (DealFixtures.Member p : partners) {
            assertThat(paidTo(p)).as("paid once").isEqualByComparingTo("100.00");
        }
        assertThatThrownBy(() -> fixtures.as(finance, runs::start))
                .as("nothing left to pay: no empty run is left open")
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("Nothing to pay");
    }

    @Test
    void twoPeopleStartingAndApprovingAtOnceMakeOneRun() throws Exception {
        // The later of the two either continues the run the other is still claiming, or, once it is claimed,
        // is told that run is open: either way, one run.
        List<Object> starts = twice(
                () -> attempt(() -> fixtures.as(finance, runs::start)),
                () -> attempt(() -> fixtures.as(other, runs::start)));
        List<UUID> ids = starts.stream()
                .filter(PayoutRunView.class::isInstance)
                .map(r -> ((PayoutRunView) r).id())
                .distinct()
                .toList();
        assertThat(ids).hasSize(1);
        assertThat(starts)
                .filteredOn(RuntimeException.class::isInstance)
                .allSatisfy(e -> assertThat((RuntimeException) e)
                        .isInstanceOf(ConflictException.class)
                        .hasMessageContaining("is still open"));
        UUID id = ids.getFirst();

        List<Object> approvals = new ArrayList<>(twice(
                () -> attempt(() -> fixtures.as(finance, () -> runs.approve(id))),
                () -> attempt(() -> fixtures.as(other, () -> runs.approve(id)))));
        assertThat(approvals).filteredOn(ConflictException.class::isInstance).hasSize(1);
        assertThat(db.sql("select count(*) from payouts_run where workspace_id = ?")
                        .param(tenant.id().value())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void twoSchedulersDueAtOnceMakeOneRunForTheMonth() throws Exception {
        // NET-15 in a UTC workspace: the month of these commissions is paid from the 16th of the next month.
        YearMonth earned = YearMonth.from(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
        LocalDate dueOn = earned.plusMonths(1).atDay(16);

        clock.setTo(dueOn.atStartOfDay(ZoneOffset.UTC).minusMinutes(1).toInstant());
        twice(schedule::runDue, schedule::runDue);
        assertThat(periods()).as("not due on the 15th").isEmpty();

        clock.setTo(dueOn.atTime(9, 0).toInstant(ZoneOffset.UTC));
        twice(schedule::runDue, schedule::runDue);
        assertThat(periods()).containsExactly(earned.toString());
        assertThat(db.sql("select count(*) from payouts_line l join payouts_run r on r.id = l.run_id"
                                + " where r.workspace_id = ?")
                        .param(tenant.id().value())
                        .query(Long.class)
                        .single())
                .as("one line per partner")
                .isEqualTo(3);
    }

    private List<String> periods() {
        return db.sql("select period from payouts_run where workspace_id = ?")
                .param(tenant.id().value())
                .query(String.class)
                .list();
    }

    private Object attempt(java.util.function.Supplier<?> action) {
        try {
            return action.get();
        } catch (RuntimeException e) {
            return e;
        }
    }

    private <T> List<T> twice(java.util.concurrent.Callable<T> a, java.util.concurrent.Callable<T> b) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch go = new CountDownLatch(1);
            Future<T> one = pool.submit(() -> {
                go.await();
                return a.call();
            });
            Future<T> two = pool.submit(() -> {
                go.await();
                return b.call();
            });
            go.countDown();
            return List.of(one.get(), two.get());
        } finally {
            pool.shutdown();
        }
    }

    private long entries(String kind) {
        return db.sql("select count(*) from ledger_transaction where workspace_id = ? and kind = ?")
                .params(tenant.id().value(), kind)
                .query(Long.class)
                .single();
    }

    private java.math.BigDecimal paidTo(DealFixtures.Member p) {
        return db.sql("""
                        select coalesce(sum(amount), 0) from ledger_posting
                        where workspace_id = ? and partner_id = ? and account = 'CASH'
                        """)
                .params(tenant.id().value(), p.id().value())
                .query(java.math.BigDecimal.class)
                .single()
                .negate();
    }
}
