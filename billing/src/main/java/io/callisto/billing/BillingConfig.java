package io.callisto.billing;

import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.function.Function;

/**
 * Billing's settings. Billing is enabled exactly when STRIPE_API_KEY is set; then the webhook secret and the seat
 * price are required too, so a half-configured server refuses to start instead of taking sign-ups it cannot bill.
 *
 * @param publicUrl where browsers reach the web app; Checkout and the Customer Portal send them back there
 */
public record BillingConfig(String apiKey, String webhookSecret, String apiBase, String seatPriceId, String usageMeter,
                            int trialDays, Duration gracePeriod, Duration retention, URI publicUrl) {
    public static final String DEFAULT_API_BASE = "https://api.stripe.com";
    public static final int MAX_TRIAL_DAYS = 730;

    public BillingConfig {
        Objects.requireNonNull(gracePeriod);
        Objects.requireNonNull(retention);
        Objects.requireNonNull(publicUrl);
    }

    public boolean enabled() {
        return apiKey != null;
    }

    /** Reads STRIPE_* and CALLISTO_BILLING_* settings by name (null or blank: not set). */
    public static BillingConfig from(Function<String, String> settings) {
        String key = text(settings, "STRIPE_API_KEY");
        URI publicUrl = uri(settings, "CALLISTO_PUBLIC_URL", "http://localhost:8080");
        Duration grace = duration(settings, "CALLISTO_BILLING_GRACE_PERIOD", Duration.ofDays(7));
        Duration retention = duration(settings, "CALLISTO_BILLING_RETENTION", Duration.ofDays(90));
        int trialDays = integer(settings, "CALLISTO_BILLING_TRIAL_DAYS", 0);
        if (key == null) {
            return new BillingConfig(null, null, null, null, null, trialDays, grace, retention, publicUrl);
        }
        String secret = required(settings, "STRIPE_WEBHOOK_SECRET");
        String price = required(settings, "STRIPE_SEAT_PRICE_ID");
        String base = text(settings, "STRIPE_API_BASE");
        uri(settings, "STRIPE_API_BASE", DEFAULT_API_BASE);
        return new BillingConfig(key, secret, base == null ? DEFAULT_API_BASE : base, price,
                text(settings, "STRIPE_USAGE_METER"), trialDays, grace, retention, publicUrl);
    }

    private static String text(Function<String, String> settings, String name) {
        String value = settings.apply(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static String required(Function<String, String> settings, String name) {
        String value = text(settings, name);
        if (value == null) {
            throw new IllegalArgumentException(name + " must be set when STRIPE_API_KEY is (billing is enabled)");
        }
        return value;
    }

    private static URI uri(Function<String, String> settings, String name, String defaultValue) {
        String value = text(settings, name);
        String text = value == null ? defaultValue : value;
        try {
            URI uri = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new IllegalArgumentException(name + "=" + text + " is not valid: expected an http(s) URL");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + "=" + text + " is not valid: expected an http(s) URL", e);
        }
    }

    private static Duration duration(Function<String, String> settings, String name, Duration defaultValue) {
        String value = text(settings, name);
        if (value == null) {
            return defaultValue;
        }
        try {
            Duration parsed = Duration.parse(value);
            if (parsed.isNegative()) {
                throw new IllegalArgumentException(name + "=" + value + " is not valid: it must not be negative");
            }
            return parsed;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + "=" + value + " is not valid: expected an ISO-8601 duration "
                    + "such as P7D", e);
        }
    }

    private static int integer(Function<String, String> settings, String name, int defaultValue) {
        String value = text(settings, name);
        if (value == null) {
            return defaultValue;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed < 0 || parsed > MAX_TRIAL_DAYS) {
                throw new IllegalArgumentException(name + "=" + value + " is not valid: expected 0 to " + MAX_TRIAL_DAYS);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + "=" + value + " is not valid: expected 0 to " + MAX_TRIAL_DAYS, e);
        }
    }
}
