package org.smartproperty.platform.persistence;

import java.sql.SQLException;
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
 * 409, so neither reaches the caller as a 500.
 */
public final class Transactions {

    private final EntityManagerFactory emf;

    public Transactions(EntityManagerFactory emf) {
        this.emf = emf;
    }

    public <T> T write(Function<EntityManager, T> work) {
        EntityManager em = emf.createEntityManager();
        EntityTransaction tx = em.getTransaction();
        try {
            tx.begin();
            T result = work.apply(em);
            em.flush();
            tx.commit();
            return result;
        } catch (RuntimeException e) {
            throw translate(e);
        } finally {
            if (tx.isActive()) {
                tx.rollback();
            }
            em.close();
        }
    }

    public <T> T read(Function<EntityManager, T> work) {
        EntityManager em = emf.createEntityManager();
        try {
            return work.apply(em);
        } finally {
            em.close();
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
