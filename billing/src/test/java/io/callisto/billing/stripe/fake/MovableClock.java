package io.callisto.billing.stripe.fake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that follows a base clock until a test pins it ({@link #setNow}) or moves it ({@link #advance}). */
final class MovableClock extends Clock {

    private volatile Clock current;

    MovableClock(Clock base) {
        this.current = base;
    }

    void setNow(Instant now) {
        current = Clock.fixed(now, ZoneOffset.UTC);
    }

    void advance(Duration by) {
        current = Clock.offset(current, by);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return current.withZone(zone);
    }

    @Override
    public Instant instant() {
        return current.instant();
    }
}
