package io.callisto.billing.stripe.fake;

/**
 * What the fake answers to one API request.
 *
 * @param status   HTTP status
 * @param body     JSON body
 * @param storable whether Stripe would save this answer under the request's idempotency key
 * @param replayed whether this is a replay of a saved answer ({@code Idempotent-Replayed: true})
 */
record ApiResponse(int status, String body, boolean storable, boolean replayed) {

    static ApiResponse ok(String body) {
        return new ApiResponse(200, body, true, false);
    }

    /** A Stripe error answer ({@code {"error":{...}}}); never saved under an idempotency key. */
    static ApiResponse error(int status, String type, String code, String message) {
        return new ApiResponse(status, StripeJson.write(StripeJson.error(type, code, message, null)), false, false);
    }

    ApiResponse asReplay() {
        return new ApiResponse(status, body, storable, true);
    }
}
