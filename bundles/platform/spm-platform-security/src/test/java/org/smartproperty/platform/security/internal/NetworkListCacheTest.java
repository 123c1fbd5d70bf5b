package org.smartproperty.platform.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.smartproperty.platform.security.Cidr;

/** OPS-1 / OPS-4: the ban list follows the table, and a database outage neither clears it nor blocks requests. */
class NetworkListCacheTest {

    @Test
    void aStaleListIsReadAgainAndAnOutageKeepsTheLastListWithoutBlockingTheCaller_OPS_1_OPS_4() throws Exception {
        AtomicReference<List<Cidr>> table = new AtomicReference<>(List.of(Cidr.parse("203.0.113.0/24")));
        AtomicReference<CountDownLatch> outage = new AtomicReference<>();
        AtomicInteger reads = new AtomicInteger();
        NetworkListCache cache = new NetworkListCache("sec_ip_ban", 0, () -> {
            reads.incrementAndGet();
            CountDownLatch down = outage.get();
            if (down != null) {
                try {
                    down.await(10, TimeUnit.SECONDS); // like the pool waiting for a connection
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new IllegalStateException("Connection is not available, request timed out");
            }
            return table.get();
        });
        assertTrue(cache.get().get(0).contains("203.0.113.9"));
        table.set(List.of(Cidr.parse("198.51.100.0/24")));
        assertTrue(cache.get().get(0).contains("198.51.100.1"), "a change of the table applies at the next read");

        CountDownLatch down = new CountDownLatch(1);
        outage.set(down);
        new Thread(() -> down.countDown()).start(); // the first read after the outage waits its timeout once
        assertTrue(cache.get().get(0).contains("198.51.100.1"), "the last known list stays in force");
        outage.set(new CountDownLatch(1)); // from now on every read would hang for 10 s
        long t0 = System.nanoTime();
        for (int i = 0; i < 50; i++) {
            assertTrue(cache.get().get(0).contains("198.51.100.1"));
        }
        assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(5), "requests do not wait for the database while it is down");

        table.set(List.of(Cidr.parse("192.0.2.0/24")));
        outage.get().countDown();
        outage.set(null);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!cache.get().get(0).contains("192.0.2.1") && System.nanoTime() < end) {
            Thread.onSpinWait();
        }
        assertTrue(cache.get().get(0).contains("192.0.2.1"), "the list follows the table again once the database answers");
        assertEquals(1, cache.get().size());
    }
}
