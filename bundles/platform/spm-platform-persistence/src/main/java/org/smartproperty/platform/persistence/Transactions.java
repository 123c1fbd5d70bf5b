package org.smartproperty.platform.persistence;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.EntityTransaction;
import javax.persistence.OptimisticLockException;

import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.Messages;

/**
 * One service call = one transaction: commit on success, roll back on any exception, nothing
 * half-written. A concurrent update (optimistic lock) becomes 412; a unique-key race becomes
 * 409, so neither reaches the caller as a 500. When the work fails because the database went away, the failed
 * rollback that follows does not hide that cause (issue 19 item 2: the REST layer answers it 503).
 * <p>
 * Hot swap (issue 10 item 6): a caller may have taken the service just before its bundle is updated.
 * {@link #close(Duration)} (the component's deactivate) refuses new calls with 503 naming the domain,
 * waits for the calls in flight to finish, and only then closes the persistence unit, so no call
 * meets a closed EntityManagerFactory half-way (which answered 500).
 */
public final class Transactions {

    /** How long {@link #close()} waits for the calls in flight. */
    public static final Duration DRAIN = Duration.ofSeconds(10);

    private final EntityManagerFactory emf;
    private final String domain;
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean closing;

    public Transactions(EntityManagerFactory emf) {
        this(emf, "persistence");
    }

    /** {@code domain} names the 503 answered once {@link #close(Duration)} has begun. */
    public Transactions(EntityManagerFactory emf, String domain) {
        this.emf = emf;
        this.domain = domain;
    }

    private void enter() {
        inFlight.incrementAndGet();
        if (closing) {
            leave();
            throw ApiException.unavailable(domain);
        }
    }

    private void leave() {
        if (inFlight.decrementAndGet() == 0 && closing) {
            synchronized (this) {
                notifyAll();
            }
        }
    }

    /** The calls under way now (for tests and health). */
    public int inFlight() {
        return inFlight.get();
    }

    /** As {@link #close(Duration)} with {@link #DRAIN}. */
    public void close() {
        close(DRAIN);
    }

    /**
     * Refuses new calls (503), waits up to {@code drain} for those in flight, then closes the
     * persistence unit. Returns the number of calls still running when it gave up waiting (0 normally).
     */
    public int close(Duration drain) {
        closing = true;
        long end = System.nanoTime() + drain.toNanos();
        synchronized (this) {
            long left;
            while (inFlight.get() > 0 && (left = end - System.nanoTime()) > 0) {
                try {
                    wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        int still = inFlight.get();
        if (emf.isOpen()) {
            emf.close();
        }
        return still;
    }

    public <T> T write(Function<EntityManager, T> work) {
        enter();
        try {
            return doWrite(work);
        } finally {
            leave();
        }
    }

    private <T> T doWrite(Function<EntityManager, T> work) {
        EntityManager em = emf.createEntityManager();
        EntityTransaction tx = em.getTransaction();
        RuntimeException failure = null;
        try {
            tx.begin();
            T result = work.apply(em);
            em.flush();
            tx.commit();
            return result;
        } catch (RuntimeException e) {
            failure = translate(e);
            throw failure;
        } finally {
            try {
                if (tx.isActive()) {
                    tx.rollback();
                }
            } catch (RuntimeException rollback) {
                // issue 19 item 2: on a connection cut by a database restart the rollback fails too ("Connection is
                // closed", no SQLSTATE); the caller must see why the work failed (a 503 to retry), not the rollback
                if (failure == null) {
                    throw rollback;
                }
                failure.addSuppressed(rollback);
            } finally {
                em.close();
            }
        }
    }

    public <T> T read(Function<EntityManager, T> work) {
        enter();
        try {
            EntityManager em = emf.createEntityManager();
            try {
                return work.apply(em);
            } finally {
                em.close();
            }
        } finally {
            leave();
        }
    }

    static RuntimeException translate(RuntimeException e) {
        if (e instanceof ApiException) {
            return e;
        }
        Throwable c = e;
        while (c != null) {
            if (c instanceof OptimisticLockException) {
                return new ApiException(412, "problem.concurrentUpdate", Messages.PLATFORM, null);
            }
            // 23505 unique violation on PostgreSQL, 23505 too on H2 in PostgreSQL mode
            if (c instanceof SQLException se && "23505".equals(se.getSQLState())) {
                return new ApiException(409, "problem.duplicate", Messages.PLATFORM, null);
            }
            if (c.getCause() == c) {
                break;
            }
            c = c.getCause();
        }
        return e;
    }
}
