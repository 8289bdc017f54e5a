package io.callisto.billing.stripe.fake;

import java.util.Map;

/** A snapshot of a customer held by {@link FakeStripe}. */
public record FakeCustomer(String id, String name, String email, Map<String, String> metadata) {

    public FakeCustomer {
        metadata = Map.copyOf(metadata);
    }
}
