package dev.canopy.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.testing.CanopyTest;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

@CanopyTest
class TransactionLocksSerializeWork {

    @Autowired
    JdbcClient db;

    @Autowired
    TransactionTemplate tx;

    private final ExecutorService threads = Executors.newFixedThreadPool(2);

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    @Test
    void aSecondTransactionWithTheSameKeyWaitsUntilTheFirstEnds() throws Exception {
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        Future<?> first = threads.submit(() -> tx.executeWithoutResult(s -> {
            TransactionLocks.lock(db, "test:same");
            held.countDown();
            await(finish);
        }));
        held.await(30, TimeUnit.SECONDS);
        Future<?> second = threads.submit(() -> tx.executeWithoutResult(s -> TransactionLocks.lock(db, "test:same")));

        awaitAWaitingAdvisoryLock();
        assertThat(second.isDone()).isFalse();

        finish.countDown();
        first.get(30, TimeUnit.SECONDS);
        second.get(30, TimeUnit.SECONDS);
        assertThat(waitingAdvisoryLocks()).isZero();
    }

    @Test
    void anotherKeyDoesNotWait() throws Exception {
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        Future<?> first = threads.submit(() -> tx.executeWithoutResult(s -> {
            TransactionLocks.lock(db, "test:one");
            held.countDown();
            await(finish);
        }));
        held.await(30, TimeUnit.SECONDS);

        threads.submit(() -> tx.executeWithoutResult(s -> TransactionLocks.lock(db, "test:other")))
                .get(30, TimeUnit.SECONDS);

        assertThat(first.isDone()).isFalse();
        finish.countDown();
        first.get(30, TimeUnit.SECONDS);
    }

    private void awaitAWaitingAdvisoryLock() throws InterruptedException {
        for (int i = 0; i < 300 && waitingAdvisoryLocks() == 0; i++) {
            Thread.sleep(100);
        }
        assertThat(waitingAdvisoryLocks()).isEqualTo(1);
    }

    /** Transactions waiting for the lock of "test:same" (a 64-bit key: its high half in classid, its low in objid). */
    private long waitingAdvisoryLocks() {
        return db.sql("""
                        select count(*) from pg_locks
                        where locktype = 'advisory' and not granted
                          and ((classid::bigint << 32) | objid::bigint) = hashtextextended('test:same', 0)
                        """).query(Long.class).single();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
