package org.smartproperty.platform.rest.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Admission control of one node (issue 19 item 5, OPS-2): at most {@code maxConcurrent} requests in progress; one
 * more waits in a first-come queue of at most {@code maxQueued} for at most {@code waitNanos}, and is refused when
 * the queue is full or the wait ends, so an overloaded node answers at once (503) instead of letting callers time out.
 * <p>
 * A place is given back by the response filter. Should that ever not run for a request (a bug elsewhere in the
 * chain), the place would be lost for good and the node would shrink; so a full node first takes back the places
 * held longer than {@code maxHoldNanos} (OPS-4: recovers by itself) and counts them in {@link #reclaimed()}.
 */
final class Admission {

    static final long DEFAULT_MAX_HOLD_NANOS = TimeUnit.MINUTES.toNanos(5);

    private final int maxConcurrent;
    private final long waitNanos;
    private final int maxQueued;
    private final long maxHoldNanos;
    private final LongSupplier clock;
    private final Semaphore places;
    private final AtomicInteger queued = new AtomicInteger();
    private final Map<Permit, Long> held = new ConcurrentHashMap<>();
    private final AtomicLong reclaimed = new AtomicLong();

    /** A place held by one request; {@link #close()} gives it back once, however often it is called. */
    final class Permit implements AutoCloseable {
        private final AtomicBoolean open = new AtomicBoolean(true);

        @Override
        public void close() {
            if (open.compareAndSet(true, false)) {
                held.remove(this);
                places.release();
            }
        }
    }

    Admission(int maxConcurrent, long waitNanos, int maxQueued) {
        this(maxConcurrent, waitNanos, maxQueued, DEFAULT_MAX_HOLD_NANOS, System::nanoTime);
    }

    Admission(int maxConcurrent, long waitNanos, int maxQueued, long maxHoldNanos, LongSupplier clock) {
        if (maxConcurrent < 1 || waitNanos < 0 || maxQueued < 0 || maxHoldNanos < 1) {
            throw new IllegalArgumentException("admission: maxConcurrent and the hold time must be positive, the wait and the queue not negative");
        }
        this.maxConcurrent = maxConcurrent;
        this.waitNanos = waitNanos;
        this.maxQueued = maxQueued;
        this.maxHoldNanos = maxHoldNanos;
        this.clock = clock;
        this.places = new Semaphore(maxConcurrent, true); // fair: who waits longest goes first
    }

    /** A place for one request, or null when the node is full (queue full, or the wait ended without a place). */
    Permit enter() {
        try {
            if (places.tryAcquire(0, TimeUnit.NANOSECONDS)) { // honours the queue: never ahead of one who waits
                return permit();
            }
            if (reclaim() > 0 && places.tryAcquire(0, TimeUnit.NANOSECONDS)) {
                return permit();
            }
            if (waitNanos == 0 || maxQueued == 0) {
                return null;
            }
            if (queued.incrementAndGet() > maxQueued) {
                queued.decrementAndGet();
                return null;
            }
            try {
                return places.tryAcquire(waitNanos, TimeUnit.NANOSECONDS) ? permit() : null;
            } finally {
                queued.decrementAndGet();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private Permit permit() {
        Permit p = new Permit();
        held.put(p, clock.getAsLong());
        return p;
    }

    /** Gives back the places held longer than the hold time; how many. */
    private int reclaim() {
        long now = clock.getAsLong();
        int n = 0;
        for (Map.Entry<Permit, Long> e : held.entrySet()) {
            if (now - e.getValue() > maxHoldNanos && e.getKey().open.get()) {
                e.getKey().close();
                n++;
            }
        }
        reclaimed.addAndGet(n);
        return n;
    }

    int maxConcurrent() {
        return maxConcurrent;
    }

    long waitMillis() {
        return TimeUnit.NANOSECONDS.toMillis(waitNanos);
    }

    int maxQueued() {
        return maxQueued;
    }

    /** Requests holding a place now. */
    int inProgress() {
        return maxConcurrent - places.availablePermits();
    }

    /** Requests waiting for a place now. */
    int waiting() {
        return queued.get();
    }

    /** Places taken back from requests that held them longer than the hold time, since this configuration began. */
    long reclaimed() {
        return reclaimed.get();
    }
}
