package io.callisto.billing.stripe.fake;

import java.time.Instant;

/** A meter event accepted by {@link FakeStripe} (duplicates by identifier are not kept). */
public record FakeMeterEvent(String identifier, String eventName, String customerId, long value, Instant timestamp) {
}
