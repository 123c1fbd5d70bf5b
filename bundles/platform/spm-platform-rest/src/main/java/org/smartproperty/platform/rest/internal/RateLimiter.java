package org.smartproperty.platform.rest.internal;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Token buckets per client address for the public disclosure surface (DIS-1..6, issue 17 item 4): each client
 * may make {@code burst} calls at once and gets {@code perMinute} more a minute. Memory is bounded: buckets idle
 * longer than {@code idleNanos} are dropped (a dropped bucket would have refilled completely by then, so nothing
 * is lost), and beyond {@code maxClients} the least recently seen client's bucket goes first. The buckets live
 * in this node's memory only: behind a load balancer of n nodes a client may get up to n times the limit
 * (docs/api.md "Public disclosure").
 */
final class RateLimiter {

    private static final long MINUTE = 60_000_000_000L;

    private final int burst;
    private final int perMinute;
    private final double capacity;
    private final double perNano;
    private final long idleNanos;
    private final int maxClients;
    private final LinkedHashMap<String, Bucket> buckets;

    private static final class Bucket {
        double tokens;
        long last;

        Bucket(double tokens, long last) {
            this.tokens = tokens;
            this.last = last;
        }
    }

    RateLimiter(int burst, int perMinute, long idleNanos, int maxClients) {
        if (burst < 1 || perMinute < 1 || maxClients < 1 || idleNanos < 1) {
            throw new IllegalArgumentException("rate limit: burst, perMinute, idle time and maxClients must be positive");
        }
        this.burst = burst;
        this.perMinute = perMinute;
        this.capacity = burst;
        this.perNano = perMinute / (double) MINUTE;
        this.idleNanos = idleNanos;
        this.maxClients = maxClients;
        this.buckets = new LinkedHashMap<>(256, 0.75f, true);
    }

    /**
     * Takes one token of {@code client}'s bucket at time {@code now} (nanoseconds of a monotonic clock).
     *
     * @return 0 when the call may go on, otherwise the whole seconds (at least 1) until a token is back
     */
    synchronized long acquire(String client, long now) {
        expire(now);
        Bucket b = buckets.get(client);
        if (b == null) {
            b = new Bucket(capacity, now);
            buckets.put(client, b);
            if (buckets.size() > maxClients) {
                Iterator<String> eldest = buckets.keySet().iterator();
                eldest.next();
                eldest.remove();
            }
        } else {
            long elapsed = Math.max(0, now - b.last);
            b.tokens = Math.min(capacity, b.tokens + elapsed * perNano);
            b.last = now;
        }
        if (b.tokens >= 1) {
            b.tokens -= 1;
            return 0;
        }
        double nanos = (1 - b.tokens) / perNano;
        return Math.max(1, (long) Math.ceil(nanos / 1_000_000_000d));
    }

    /** Drops the buckets not used for longer than the idle time (the eldest come first in access order). */
    private void expire(long now) {
        Iterator<Map.Entry<String, Bucket>> it = buckets.entrySet().iterator();
        while (it.hasNext()) {
            Bucket b = it.next().getValue();
            if (now - b.last <= idleNanos) {
                return;
            }
            it.remove();
        }
    }

    int burst() {
        return burst;
    }

    int perMinute() {
        return perMinute;
    }

    /** Buckets held right now (tests, metrics). */
    synchronized int size() {
        return buckets.size();
    }
}
