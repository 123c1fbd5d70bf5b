package org.smartproperty.platform.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.persistence.EntityManagerFactory;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smartproperty.platform.ApiException;

/**
 * Hot swap (issue 10 item 6): a component's deactivate closes its persistence unit through
 * {@link Transactions#close(Duration)}, which lets the calls in flight finish (they commit) and answers
 * 503 naming the domain to calls that begin after, instead of a 500 from a closed EntityManagerFactory.
 */
class TransactionsDrainTest {

    EntityManagerFactory emf;
    Transactions tx;

    @BeforeEach
    void unit() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:drain-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        emf = JpaUnits.create("drain-test", ds, getClass().getClassLoader());
        tx = new Transactions(emf, "complaint");
        tx.write(em -> em.createNativeQuery("CREATE TABLE t (v INT)").executeUpdate());
    }

    @AfterEach
    void close() {
        if (emf.isOpen()) {
            emf.close();
        }
    }

    @Test
    void closeWaitsForTheCallInFlightWhichCommitsAndRefusesNewCallsWith503() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Integer> inFlight = CompletableFuture.supplyAsync(() -> tx.write(em -> {
            inside.countDown();
            await(release);
            return em.createNativeQuery("INSERT INTO t VALUES (1)").executeUpdate();
        }));
        assertTrue(inside.await(10, TimeUnit.SECONDS));
        CompletableFuture<Integer> closing = CompletableFuture.supplyAsync(() -> tx.close(Duration.ofSeconds(10)));
        // close has begun once new calls are refused; it still waits for the call in flight
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        ApiException refused = null;
        while (refused == null && System.nanoTime() < until) {
            try {
                tx.read(em -> em.createNativeQuery("SELECT COUNT(*) FROM t").getSingleResult());
                Thread.onSpinWait();
            } catch (ApiException e) {
                refused = e;
            }
        }
        assertTrue(refused != null, "a call after close began is refused");
        assertEquals(503, refused.status());
        assertEquals("problem.unavailable", refused.code());
        assertFalse(closing.isDone(), "close waits for the call in flight");
        assertTrue(emf.isOpen(), "the unit stays open for the call in flight");
        release.countDown();
        assertEquals(1, inFlight.get(10, TimeUnit.SECONDS), "the call in flight completes and commits");
        assertEquals(0, closing.get(10, TimeUnit.SECONDS), "nothing was still running");
        assertFalse(emf.isOpen(), "then the unit is closed");
        assertThrows(ApiException.class, () -> tx.write(em -> 1));
    }

    @Test
    void closeGivesUpAfterTheDrainTimeAndSaysHowManyCallsWereStillRunning() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Object> stuck = CompletableFuture.supplyAsync(() -> tx.read(em -> {
            inside.countDown();
            await(release);
            return null;
        }));
        assertTrue(inside.await(10, TimeUnit.SECONDS));
        assertEquals(1, tx.inFlight());
        assertEquals(1, tx.close(Duration.ofMillis(200)));
        assertFalse(emf.isOpen());
        release.countDown();
        // the call that outlived the drain meets the closed unit: it fails (and rolls back), it does not hang
        assertThrows(java.util.concurrent.ExecutionException.class, () -> stuck.get(10, TimeUnit.SECONDS));
        assertEquals(0, tx.inFlight());
    }

    private static void await(CountDownLatch l) {
        try {
            if (!l.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("not released");
            }
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
