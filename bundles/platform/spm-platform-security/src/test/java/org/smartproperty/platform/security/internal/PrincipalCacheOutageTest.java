package org.smartproperty.platform.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.smartproperty.platform.security.DataScope;
import org.smartproperty.platform.security.Role;
import org.smartproperty.platform.security.SpmPrincipal;

/**
 * OPS-4 with the token cache (issue 11 item 4): while the database is down, nothing is served from
 * the cache, and a request does not wait for the pool's timeout on the revision counter as well as
 * on the token's own read: after the first failure the counter is read in the background.
 */
class PrincipalCacheOutageTest {

    @Test
    void whileTheCounterCannotBeReadNothingIsCachedAndRequestsDoNotWaitForIt_OPS_4() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        DataSource down = (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class}, (proxy, m, args) -> {
            if (m.getName().equals("getConnection")) {
                attempts.incrementAndGet();
                Thread.sleep(300); // the pool waiting for a connection
                throw new SQLTransientConnectionException("Connection is not available, request timed out");
            }
            throw new SQLException("not here: " + m.getName());
        });
        PrincipalCache cache = new PrincipalCache(30_000, 0, 10);
        SpmPrincipal p = new SpmPrincipal(7, "clerk", Set.of(Role.OFFICER), Set.of("estate:read"), DataScope.ALL, false, "198.51.100.1");

        assertNull(cache.get(down, "h", "198.51.100.1", System.currentTimeMillis()), "the first read fails in the caller's thread");
        assertEquals(1, attempts.get());
        cache.put("h", p, cache.revisionBeforeRead(), Instant.now().plusSeconds(60), System.currentTimeMillis());
        assertEquals(0, cache.size(), "nothing is kept while the counter is unreadable");

        long t0 = System.nanoTime();
        for (int i = 0; i < 20; i++) {
            assertNull(cache.get(down, "h", "198.51.100.1", System.currentTimeMillis()));
        }
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        assertTrue(ms < 250, "20 requests did not wait for the database (" + ms + " ms)");
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (attempts.get() < 2 && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        assertTrue(attempts.get() >= 2, "the counter is read again in the background");
    }
}
