package io.callisto.billing.stripe.fake;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One HTTP request as it arrived at {@link FakeStripe}, recorded before authentication, failure injection or idempotency
 * are applied.
 *
 * @param method         HTTP method, upper case
 * @param path           request path, e.g. {@code /v1/checkout/sessions}
 * @param query          decoded query parameters, keys exactly as sent
 * @param form           decoded {@code application/x-www-form-urlencoded} body, keys exactly as sent, e.g.
 *                       {@code line_items[0][price]}
 * @param idempotencyKey the {@code Idempotency-Key} header, or null (stripe-java adds a random one to POSTs itself)
 * @param stripeVersion  the {@code Stripe-Version} header, or null
 * @param at             the fake's clock when the request arrived
 */
public record RecordedRequest(String method, String path, Map<String, List<String>> query, Map<String, List<String>> form,
                              String idempotencyKey, String stripeVersion, Instant at) {

    public RecordedRequest {
        query = copy(query);
        form = copy(form);
    }

    /** The first value of a form (body) parameter, or null. */
    public String formValue(String key) {
        List<String> values = form.get(key);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    /** The first value of a query parameter, or null. */
    public String queryValue(String key) {
        List<String> values = query.get(key);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    private static Map<String, List<String>> copy(Map<String, List<String>> source) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        source.forEach((key, values) -> copy.put(key, List.copyOf(values)));
        return Collections.unmodifiableMap(copy);
    }
}
