package org.smartproperty.platform.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock the test sets and moves (UTC): no sleeping, no timed assertions. One for every module's tests. */
public final class MutableClock extends Clock {

    private volatile Instant now;

    public MutableClock(Instant now) {
        this.now = now;
    }

    public void set(Instant t) {
        now = t;
    }

    /** Moves the clock forward (or back, for a negative duration). */
    public synchronized void plus(Duration d) {
        now = now.plus(d);
    }

    /** The same as {@link #plus}. */
    public void advance(Duration d) {
        plus(d);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }
}
