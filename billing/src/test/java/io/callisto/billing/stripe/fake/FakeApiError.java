package io.callisto.billing.stripe.fake;

/**
 * An error answer of the fake API, thrown by an endpoint and turned into Stripe's error JSON
 * ({@code {"error":{"type":..,"code":..,"message":..,"param":..}}}).
 */
final class FakeApiError extends RuntimeException {

    final int status;
    final String type;
    final String code;
    final String param;
    /** False for parameter validation errors, which Stripe does not save under an idempotency key. */
    final boolean storable;

    FakeApiError(int status, String type, String code, String message, String param, boolean storable) {
        super(message);
        this.status = status;
        this.type = type;
        this.code = code;
        this.param = param;
        this.storable = storable;
    }

    static FakeApiError missingParam(String param) {
        return new FakeApiError(400, "invalid_request_error", "parameter_missing", "Missing required param: " + param + ".",
                param, false);
    }

    static FakeApiError invalidParam(String param, String message) {
        return new FakeApiError(400, "invalid_request_error", null, message, param, false);
    }

    /** A 404 for a path id, or a 400 naming {@code param} for an id passed as a parameter (as Stripe answers). */
    static FakeApiError noSuch(String objectName, String id, String param) {
        return new FakeApiError("id".equals(param) ? 404 : 400, "invalid_request_error", "resource_missing",
                "No such " + objectName + ": '" + id + "'", param, true);
    }

    static FakeApiError invalidRequest(String message) {
        return new FakeApiError(400, "invalid_request_error", null, message, null, true);
    }
}
