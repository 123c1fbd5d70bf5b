package org.smartproperty.platform.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.sql.SQLException;
import javax.persistence.OptimisticLockException;
import javax.persistence.PersistenceException;

import org.junit.jupiter.api.Test;
import org.smartproperty.platform.ApiException;

class TransactionsTest {

    @Test
    void concurrentUpdateBecomes412AndUniqueRaceBecomes409NeverA500() {
        RuntimeException lock = Transactions.translate(new PersistenceException(new OptimisticLockException("stale")));
        assertEquals(412, ((ApiException) lock).status());
        RuntimeException dup = Transactions.translate(new PersistenceException(new SQLException("duplicate key", "23505")));
        assertEquals(409, ((ApiException) dup).status());
        RuntimeException other = new PersistenceException(new SQLException("disk full", "53100"));
        assertSame(other, Transactions.translate(other));
    }
}
