package org.smartproperty.platform.rest.internal;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Admission control of one node (issue 19 item 5, OPS-2): at most {@code maxConcurrent} requests in progress; one
 * more waits in a first-come queue of at most {@code maxQueued} for at most {@code waitNanos}, and is refused when
 * the queue is full or the wait ends, so an overloaded node answers at once (503) instead of letting callers time out.
 */
final class Admission {

    private final int maxConcurrent;
    private final long waitNanos;
    private final int maxQueued;
    private final Semaphore places;
    private final AtomicInteger queued = new AtomicInteger();

    /** A place held by one request; {@link #close()} gives it back once, however often it is called. */
    final class Permit implements AutoCloseable {
        private final AtomicBoolean open = new AtomicBoolean(true);

        @Override
        public void close() {
            if (open.compareAndSet(true, false)) {
                places.release();
            }
        }
    }

    Admission(int maxConcurrent, long waitNanos, int maxQueued) {
        if (maxConcurrent < 1 || waitNanos < 0 || maxQueued < 0) {
            throw new IllegalArgumentException("admission: maxConcurrent must be positive, the wait and the queue not negative");
        }
        this.maxConcurrent = maxConcurrent;
        this.waitNanos = waitNanos;
        this.maxQueued = maxQueued;
        this.places = new Semaphore(maxConcurrent, true); // fair: who waits longest goes first
    }

    /** A place for one request, or null when the node is full (queue full, or the wait ended without a place). */
    Permit enter() {
        try {
            if (places.tryAcquire(0, TimeUnit.NANOSECONDS)) { // honours the queue: never ahead of one who waits
                return new Permit();
            }
            if (waitNanos == 0 || maxQueued == 0) {
                return null;
            }
            if (queued.incrementAndGet() > maxQueued) {
                queued.decrementAndGet();
                return null;
            }
            try {
                return places.tryAcquire(waitNanos, TimeUnit.NANOSECONDS) ? new Permit() : null;
            } finally {
                queued.decrementAndGet();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    int maxConcurrent() {
        return maxConcurrent;
    }

    /** Requests holding a place now. */
    int inProgress() {
        return maxConcurrent - places.availablePermits();
    }

    /** Requests waiting for a place now. */
    int waiting() {
        return queued.get();
    }
}
